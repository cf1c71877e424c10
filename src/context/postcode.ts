/**
 * UK postcodes: the outward code (area and district) and the inward code
 * (sector and unit). The shape test is the `postcode` package's own
 * (POSTCODE_REGEX); written out here so the content script, which only needs
 * this, does not carry the package (issue #13: the detector's size budget).
 */
const SHAPE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

function parts(raw: string): RegExpExecArray | null {
  return SHAPE.exec(raw.replace(/\s+/g, '').toUpperCase());
}

/**
 * UK postcode normalised to the Royal Mail format ("g314qt" -> "G31 4QT"),
 * or undefined when it is not a valid postcode shape.
 */
export function normalisePostcode(raw: string): string | undefined {
  const m = parts(raw);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/** The outward code (postcode district), e.g. "G31" for "G31 4QT". */
export function postcodeDistrict(pc: string): string | undefined {
  return parts(pc)?.[1];
}
