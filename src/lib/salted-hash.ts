/**
 * Drafts are stored keyed by person, but the key must not be the CHI or NHS
 * number in clear: anyone reading the extension's storage would see who the
 * practice is referring. A salted SHA-256 keeps the lookup working without
 * that. The salt is per install, so keys mean nothing on another computer.
 */

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Storage key for a patient's draft: lowercase hex SHA-256 of `salt`, a
 * separator and `patientKey` (e.g. `chi:1403521234`). Uses WebCrypto, present
 * in browsers and Node 20.
 */
export async function draftKey(patientKey: string, salt: string): Promise<string> {
  const data = new TextEncoder().encode(`${salt}\u0000${patientKey}`);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return toHex(digest);
}
