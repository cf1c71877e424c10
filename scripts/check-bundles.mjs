// Checks on the built pages and background, run by `npm test` (.ci/test) on every build it makes:
// - the pages are built for production: no JSX compiled for development (a source location on every element, as the
//   demo build had until WXT's NODE_ENV=demo was found, twenty-sixth session);
// - the background does not carry the prompt lexicons (150 KB it parsed on every wake; it needs only their group
//   names, src/prompts/lexicon-groups.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEV_JSX = /lineNumber:\s*\d+,\s*columnNumber:/;
const LEXICON_TEXT = 'Everyday words for the safety need';
let failed = false;
for (const dir of process.argv.slice(2)) {
  const pages = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js'));
  const dev = pages.filter((f) => DEV_JSX.test(readFileSync(join(dir, 'chunks', f), 'utf8')));
  const background = readFileSync(join(dir, 'background.js'), 'utf8');
  const lexicons = background.includes(LEXICON_TEXT);
  if (dev.length > 0 || lexicons) failed = true;
  console.log(`${dir}: ${pages.length} page chunks, development JSX in ${dev.length ? dev.join(', ') : 'none'}; lexicons in background.js: ${lexicons ? 'YES' : 'no'} (${(background.length / 1024).toFixed(0)} KB)`);
}
process.exit(failed ? 1 : 0);
