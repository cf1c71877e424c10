/** A literal for a RegExp source: every character with a meaning there escaped ("Dr. (GP)" matches itself). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
