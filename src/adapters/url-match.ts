const compiled = new Map<string, RegExp>();

/**
 * Whether `url` matches a glob-like pattern: `*` matches any run of
 * characters (including "/"), everything else is literal, and the pattern
 * must cover the whole URL. `http://127.0.0.1:*\/careview/*` matches any port.
 */
export function matchesUrl(pattern: string, url: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    re = new RegExp(`^${body}$`, 'i');
    compiled.set(pattern, re);
  }
  return re.test(url);
}

/** Whether any of the patterns matches. */
export function matchesAnyUrl(patterns: readonly string[], url: string): boolean {
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (p !== undefined && matchesUrl(p, url)) return true;
  }
  return false;
}
