import { isValidChi, isValidNhsNumber, normaliseIdentifier } from '../../context/identifiers';
import type { PageScan } from './walk';

/** Ten-digit tokens as pages print them: 1403522103, 140352 2103, 140-352-2103. */
const ID_TOKEN = /(?<![\d])(\d{3}[ -]?\d{3}[ -]?\d{4}|\d{6}[ -]?\d{4})(?![\d])/g;
const CHI_BEFORE = /\bCHI\b[^\d]{0,14}$/i;
const NHS_BEFORE = /\bNHS\b[^\d]{0,14}$/i;

export interface PageIdentifiers {
  chi?: string;
  nhsNumber?: string;
  /** More than one different CHI (or NHS number) on the page: a list, not a patient. */
  several: boolean;
}

/**
 * The identifier(s) on the page. A labelled value wins ("CHI No" cell, "CHI:"
 * span, or "CHI 140352 2103" inline). Every valid CHI anywhere in the text is
 * counted, so an appointment book showing many patients is declined.
 */
export function identifiersOn(scan: PageScan): PageIdentifiers {
  const chis = new Set<string>();
  const nhs = new Set<string>();
  let chi: string | undefined;
  let nhsNumber: string | undefined;
  for (let i = 0; i < scan.labelled.length; i++) {
    const item = scan.labelled[i];
    if (!item) continue;
    if (item.field !== 'chi' && item.field !== 'nhsNumber') continue;
    const digits = normaliseIdentifier(item.raw);
    if (item.field === 'chi' && isValidChi(digits)) {
      chis.add(digits);
      chi ??= digits;
    } else if (item.field === 'nhsNumber' && isValidNhsNumber(digits)) {
      nhs.add(digits);
      nhsNumber ??= digits;
    }
  }
  for (let i = 0; i < scan.text.length; i++) {
    const text = scan.text[i] as string;
    if (!/\d{3}/.test(text)) continue;
    ID_TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ID_TOKEN.exec(text)) !== null) {
      const digits = normaliseIdentifier(m[1] ?? '');
      const before = text.slice(Math.max(0, m.index - 20), m.index);
      if (isValidChi(digits)) {
        chis.add(digits);
        if (chi === undefined && CHI_BEFORE.test(before)) chi = digits;
      }
      if (NHS_BEFORE.test(before) && isValidNhsNumber(digits)) {
        nhs.add(digits);
        nhsNumber ??= digits;
      }
    }
  }
  const several = chis.size > 1 || nhs.size > 1;
  const out: PageIdentifiers = { several };
  if (chi) out.chi = chi;
  if (nhsNumber) out.nhsNumber = nhsNumber;
  return out;
}
