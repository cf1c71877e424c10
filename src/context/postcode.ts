import { parse } from 'postcode';

/**
 * UK postcode normalised to the Royal Mail format ("g314qt" -> "G31 4QT"),
 * or undefined when it is not a valid postcode shape.
 */
export function normalisePostcode(raw: string): string | undefined {
  const result = parse(raw.trim());
  return result.valid ? result.postcode : undefined;
}

/** The outward code (postcode district), e.g. "G31" for "G31 4QT". */
export function postcodeDistrict(pc: string): string | undefined {
  const result = parse(pc.trim());
  return result.valid ? result.outcode : undefined;
}
