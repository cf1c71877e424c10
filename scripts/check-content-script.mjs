// Checks on the built content script, run by `npm test` (.ci/test):
// - hazard H10: it never touches IndexedDB (a content script would open the
//   clinical site's database, not the extension's);
// - issue #17: it stays small (detection and messaging only), under 20 KB gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT = 20 * 1024;
const FORBIDDEN = [/\bindexedDB\b/, /\bIDBFactory\b/, /\bdexie\b/i];
let failed = false;
for (const file of process.argv.slice(2)) {
  const code = readFileSync(file);
  const text = code.toString('utf8');
  const gz = gzipSync(code, { level: 9 }).length;
  for (const pattern of FORBIDDEN) {
    if (pattern.test(text)) {
      console.error(`${file}: contains ${pattern} (hazard H10: no IndexedDB in the content script)`);
      failed = true;
    }
  }
  const ok = gz <= LIMIT;
  if (!ok) failed = true;
  console.log(`${file}: ${code.length} bytes, ${gz} gzipped (limit ${LIMIT}) ${ok ? 'ok' : 'TOO BIG'}; no IndexedDB: ${FORBIDDEN.every((p) => !p.test(text)) ? 'ok' : 'FAILED'}`);
}
process.exit(failed ? 1 : 0);
