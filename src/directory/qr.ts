/**
 * QR codes for printed slips. Kept apart from share.ts so the content script,
 * which only needs the short share text, does not carry the QR encoder.
 */
import qrcode from 'qrcode-generator';
import { safeWebsite } from './clean-text';

/**
 * An SVG QR code for a URL (error correction M, scalable). Only http(s) URLs
 * are encoded; anything else gives an empty string.
 */
export function qrSvg(url: string, cellSize = 4): string {
  const safe = safeWebsite(url);
  if (!safe) return '';
  const qr = qrcode(0, 'M');
  qr.addData(safe, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize, margin: cellSize * 2, scalable: true });
}
