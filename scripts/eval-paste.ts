// `npm run eval:paste`: how standalone mode reads text pasted from a desktop record (issue #17), on the corpora in
// test/fixtures/paste written by people who had not read the code: dev.json to dev6.json (tuned on: figures and
// each item's errors) and heldout.json and heldout2.json (measured only: figures, never an item's words). `--dev-only` leaves the
// held-out half out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readStandalone } from '../src/ui/panel/standalone-read';
import { FIELDS, PASTE_AS_OF, type PasteCase, type PasteScore, ratio, scorePaste } from './lib/score-paste';

const devOnly = process.argv.includes('--dev-only');
const load = (name: string): PasteCase[] => JSON.parse(readFileSync(resolve('test/fixtures/paste', `${name}.json`), 'utf8')) as PasteCase[];
const f = (x: number | undefined): string => (x === undefined ? '  n/a' : x.toFixed(3));

function print(label: string, score: PasteScore, items: boolean): void {
  console.log(`\n== ${label}: ${score.items.length} pastes ==`);
  console.log(`another person's details shown: ${score.leaks} (must be 0)`);
  console.log(`read when they should be:      ${f(ratio(score.shouldRead.read, score.shouldRead.total))} (${score.shouldRead.read}/${score.shouldRead.total})`);
  console.log(`refused when they should be:   ${f(ratio(score.shouldRefuse.refused, score.shouldRefuse.total))} (${score.shouldRefuse.refused}/${score.shouldRefuse.total})`);
  for (const field of FIELDS) {
    const t = score.fields[field];
    console.log(`${`${field} right:`.padEnd(31)}${f(ratio(t.right, t.checked))} (${t.right}/${t.checked})`);
  }
  if (score.badTyped.length) console.log(`typed numbers the tool refused (corpus errors?): ${score.badTyped.join(', ')}`);
  if (!items) return;
  console.log('\nitems with an error');
  for (const r of score.items) {
    if (r.outcome !== 'wrongly-read' && r.outcome !== 'wrongly-refused' && r.wrong.length === 0 && r.leaked.length === 0) continue;
    const parts = [r.outcome === 'wrongly-read' || r.outcome === 'wrongly-refused' ? r.outcome : '', ...r.wrong.map((w) => `${w.field}: want ${JSON.stringify(w.expected)} got ${JSON.stringify(w.got)}`), ...(r.leaked.length ? [`LEAKED ${JSON.stringify(r.leaked)}`] : [])].filter(Boolean);
    const why = r.read && !r.read.ok ? ` [${r.read.message}]` : '';
    console.log(`${r.item.id} (${r.item.system}, ${r.item.kind}) ${parts.join('; ')}${why}`);
  }
}

const run = (half: string) => scorePaste(load(half), (i) => readStandalone(i, PASTE_AS_OF[half]), PASTE_AS_OF[half] as Date);
print('development half (dev.json)', run('dev'), true);
print('development half 2 (dev2.json, a third writer: other people in every shape)', run('dev2'), true);
print('development half 3 (dev3.json, writer D: desktop grids copied as tabs, households and relatives in the same grids)', run('dev3'), true);
print('development half 4 (dev4.json, writer F: letters and messages, Highland, Islands and the Borders)', run('dev4'), true);
print('development half 5 (dev5.json, writer I: Grampian and Moray notes in running prose, other people named every way)', run('dev5'), true);
print('development half 6 (dev6.json, writer O: an Ayrshire and Arran GP and nurse pasting whole screens, journals and letters)', run('dev6'), true);
print('development half 7 (dev7.json, writer P: the brief and voice writer N had; an Ayrshire and Arran GP, links practitioner, pharmacist and district nurses)', run('dev7'), true);
print('hostile review (review32.json, 40 pastes written against the code, thirty-second session)', run('review32'), true);
print('second hostile review (review32b.json, 40 pastes written against the first review\'s changes)', run('review32b'), true);
print('third hostile review (review32c.json, 40 pastes written against the whole session\'s change)', run('review32c'), true);
print('fourth hostile review (review33.json, 40 pastes written against the thirty-third session\'s change to the notes)', run('review33'), true);
print('fifth hostile review (review34p.json, 40 pastes written against the thirty-fourth session\'s first change)', run('review34p'), true);
print('sixth hostile review (review34q.json, 40 pastes written against the fifth review\'s round)', run('review34q'), true);
print('seventh hostile review (review35p.json, 40 pastes written against the thirty-fifth session\'s list of given names)', run('review35p'), true);
print('eighth hostile review (review35q.json, 40 pastes written against the whole session\'s change after the seventh review\'s round)', run('review35q'), true);
print('ninth hostile review (review35r.json, 40 pastes written against the refusal rules after the eighth review\'s round)', run('review35r'), true);
print('tenth hostile review (review36.json, 40 pastes written against the notes kept to the words a prompt can read)', run('review36'), true);
print('eleventh hostile review (review37.json, 40 pastes written against the thirty-seventh session\'s change)', run('review37'), true);
print('twelfth hostile review (review37b.json, 30 pastes written against the eleventh review\'s round)', run('review37b'), true);
print('thirteenth hostile review (review38.json, 36 pastes written against the thirty-eighth session\'s names after relations and roles)', run('review38'), true);
print('fourteenth hostile review (review38b.json, 34 pastes written against the thirteenth review\'s round)', run('review38b'), true);
print('fifteenth hostile review (review38c.json, 36 pastes written against the fourteenth review\'s round)', run('review38c'), true);
print('sixteenth hostile review (review38d.json, 35 pastes written against the fifteenth review\'s round)', run('review38d'), true);
print('seventeenth hostile review (review38e.json, 39 pastes written against the sixteenth review\'s round)', run('review38e'), true);
print('eighteenth hostile review (review38f.json, 32 pastes written against the seventeenth review\'s round)', run('review38f'), true);
print('nineteenth hostile review (review38g.json, 36 pastes written against the eighteenth review\'s round)', run('review38g'), true);
if (!devOnly) print('held-out half (heldout.json): figures only', run('heldout'), false);
if (!devOnly) print('held-out half 2 (heldout2.json, writer E: every system and kind, copied too much or too little): figures only', run('heldout2'), false);
if (!devOnly) print('held-out half 3 (heldout3.json, writer G: a deep-end practice, interpreters, hostels, asylum accommodation, households): figures only', run('heldout3'), false);
if (!devOnly) print('held-out half 4 (heldout4.json, writer H: a practice nurse and a links practitioner, other people named in running prose): figures only', run('heldout4'), false);
if (!devOnly) print('held-out half 5 (heldout5.json, writer J: an Edinburgh and West Lothian GP, care homes, a pharmacist and a health visitor, other people named in running prose): figures only', run('heldout5'), false);
if (!devOnly) print('held-out half 6 (heldout6.json, writer K: a Fife and Tayside GP with out-of-hours shifts, district nurses and a welfare rights adviser): figures only', run('heldout6'), false);
if (!devOnly) print('held-out half 7 (heldout7.json, writer L: a North Lanarkshire and East Dunbartonshire GP with a links practitioner, a mental health nurse and a carers\' centre): figures only', run('heldout7'), false);
if (!devOnly) print('held-out half 8 (heldout8.json, writer M: a Highland and Moray GP and practice nurse, crofting, fishing, shift work, Gaelic and Eastern European households): figures only', run('heldout8'), false);
if (!devOnly) print('held-out half 9 (heldout9.json, writer N: an Ayrshire and Arran GP, kinship care, a resettlement community, farm, caravan-park, fishing and hotel workers, Arran): figures only', run('heldout9'), false);
if (!devOnly) print('held-out half 10 (heldout10.json, writer Q: a Highland practice group, other people named in running prose; told the date): figures only', run('heldout10'), false);
