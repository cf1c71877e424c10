// `npm run eval:prompts`: recall, precision and neutral burden of promptsFor
// (GP role, three prompts, nothing switched on) on the notes corpus (#14).
// Development halves (dev.json, dev2.json by a third author, dev3.json by a fourth
// author in new voices, dev4.json to dev8.json by five more): figures plus each item's misses and wrong prompts (tune on these). Held-out half: aggregate figures only, never an item's words: it is
// measured, not tuned on. `--no-items` leaves the development items out;
// `--dev-only` leaves the held-out half out (use it while tuning); it never
// leaves out a development half.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { burden, GP_DEFAULTS, type Kind, KINDS, parseCorpus, precision, recall, type Score, scoreCorpus, type Tally } from './lib/score-prompts';

const showItems = !process.argv.includes('--no-items');
const devOnly = process.argv.includes('--dev-only');
const load = (name: string) => parseCorpus(JSON.parse(readFileSync(resolve('test/fixtures/notes', `${name}.json`), 'utf8')));

const f = (x: number | undefined): string => (x === undefined ? '  n/a' : x.toFixed(3));
const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const row = (label: string, t: Tally): string =>
  [
    pad(label, 20),
    pad(`${f(recall(t))} (${t.found}/${t.found + t.missed})`, 18),
    pad(`${f(precision(t))} (${t.right}/${t.right + t.wrong})`, 18),
    pad(t.dontCare, 10),
    `${t.notesPrompted}/${t.notes}`,
  ].join(' ');

function print(name: string, score: Score, items: boolean, unlimited: Score): void {
  const neutral = score.byKind.get('neutral') as Tally;
  console.log(`\n== ${name}: ${score.items.length} notes ==`);
  console.log(`recall ${f(recall(score.total))}  precision ${f(precision(score.total))}  neutral burden ${f(burden(neutral))} (${neutral.notesPrompted}/${neutral.notes} neutral notes with any prompt)`);
  console.log(`without the three-prompt limit: recall ${f(recall(unlimited.total))}, precision ${f(precision(unlimited.total))} (how much the limit costs)`);
  const head = [pad('', 20), pad('recall', 18), pad('precision', 18), pad("don't care", 10), 'notes prompted'].join(' ');
  console.log(`\nper kind\n${head}`);
  for (const k of KINDS) console.log(row(k, score.byKind.get(k as Kind) as Tally));
  console.log(row('all', score.total));
  console.log(`\nper need\n${head.replace('notes prompted', '')}`);
  for (const [n, t] of [...score.byNeed].sort(([a], [b]) => a.localeCompare(b))) console.log(row(n, t).replace(/\s\S+$/, ''));
  if (!items) return;
  console.log('\nitems with a miss or a wrong prompt');
  for (const r of score.items) {
    if (r.missed.length === 0 && r.wrong.length === 0) continue;
    const wrong = r.wrong.map((p) => `${p.need} [${p.ruleId}: ${p.why.join('; ')}]`);
    console.log(`${r.item.id} (${r.item.kind})${r.missed.length ? ` missed ${r.missed.join(', ')}` : ''}${wrong.length ? ` wrong ${wrong.join(' | ')}` : ''}`);
  }
}

const half = (name: string) => {
  const items = load(name);
  return [scoreCorpus(items), scoreCorpus(items, { ...GP_DEFAULTS, limit: undefined })] as const;
};
/** The development halves (tuned on), each by an author who had not read the rules. */
const DEVELOPMENT: [file: string, label: string][] = [
  ['dev', 'development half 1 (dev.json)'],
  ['dev2', 'development half 2 (dev2.json, a third author)'],
  ['dev3', 'development half 3 (dev3.json, a fourth author)'],
  ['dev4', 'development half 4 (dev4.json, a fifth author: nurses, pharmacists)'],
  ['dev5', 'development half 5 (dev5.json, a sixth author: GPs on the phone, SOAP shorthand)'],
  ['dev6', 'development half 6 (dev6.json, a seventh author: deep-end Glasgow and island GPs, narrative and letters)'],
  ['dev7', 'development half 7 (dev7.json, an eighth author: receptionists, care navigators, physios, CLPs)'],
  ['dev8', 'development half 8 (dev8.json, a ninth author: mixed voices, many mental wellbeing, work, family and caring notes)'],
  ['dev9', 'development half 9 (dev9.json, a tenth author: GP registrars, locums, community psychiatric nurses; mental wellbeing, work, family)'],
  ['dev10', 'development half 10 (dev10.json, an eleventh author: EMIS/Vision templates, nurse reviews, pasted letters)'],
  ['dev11', 'development half 11 (dev11.json, a twelfth author: compact EMIS entries; mood and grief shown indirectly, work, family)'],
  ['dev12', 'development half 12 (dev12.json, a thirteenth author: practice nurses, pharmacists, wellbeing practitioners; mood and work)'],
  ['dev13', 'development half 13 (dev13.json, a fourteenth author: Deep End triage and eConsult Q&A, Scots; mood, work, safety, substances, money)'],
  ['dev14', 'development half 14 (dev14.json, a fifteenth author: rural and island practices, CLP summaries; money, work, caring, food, fuel, transport)'],
  ['dev15', 'development half 15 (dev15.json, a sixteenth author: health visitors, midwives, young people, kinship carers; family, caring, money, housing, food, mood)'],
  ['dev16', 'development half 16 (dev16.json, a seventeenth author: registrars, locums, mental-health nurses, fit notes, parents; mood, work, family)'],
  ['dev17', 'development half 17 (dev17.json, an eighteenth author: pharmacists, NHS 24 and out-of-hours calls, nurse practitioners\' reviews, template answers; fuel, digital, transport, legal, safety, money)'],
  ['dev18', 'development half 18 (dev18.json, a nineteenth author: terse telephone and e-consult notes, nurse reviews with the social detail mid-note, SOAP notes, fit notes, Scots speech; mood, work, money, caring, family)'],
  ['dev19', 'development half 19 (dev19.json, a twentieth author: surgery days of GPs and a mental health nurse; grief and low mood shown indirectly, work stress, carers, parents, students; mood, work, family, caring, money)'],
  ['dev20', 'development half 20 (dev20.json, a twenty-first author: a rural and island practice over a winter; GPs, a district nurse, a pharmacist, a practice nurse, receptionists; transport, loneliness, fuel, digital, caring, long-term condition, work)'],
  ['dev21', 'development half 21 (dev21.json, a twenty-second author: a city-centre practice with a homeless health service and asylum seekers; interpreters, a homelessness nurse, drug and alcohol shared care, keyworkers; legal, housing, money, food, safety, substances, digital, family)'],
  ['dev22', 'development half 22 (dev22.json, a twenty-third author: an ex-industrial town, working-age patients; GPs, MSK physio, occupational health, pharmacist, mental health nurse, telephone triage; work, money, gambling, mood, caring, legal, activity)'],
  ['dev23', 'development half 23 (dev23.json, a twenty-fourth author: a small-town Fife practice; working families, parents, young, sandwich and kinship carers; GPs, an ANP, a practice nurse, health visitors, reception; family, caring, mood, food, money)'],
  ['dev24', 'development half 24 (dev24.json, a twenty-fifth author: a university-town practice; students home and international, hospitality and gig workers, older residents; e-consults, a mental health nurse, pharmacist, sexual health, university letters; loneliness, mood, money, housing, food, substances, safety, legal)'],
  ['dev25', 'development half 25 (dev25.json, a twenty-sixth author: an Edinburgh/Leith practice; a link worker\'s triage list, telephone and home-visit notes, district and frailty nurses, pharmacist reviews, pasted social work emails; caring, loneliness, money, safety, mood, food, fuel, digital)'],
  ['dev26', 'development half 26 (dev26.json, a twenty-seventh author: a Dundee practice on a peripheral housing scheme; an ANP, a physician associate, video consultations, nurse reviews, a women\'s health clinic, a welfare-rights officer; work, money, family, mood, long-term condition, activity)'],
  ['dev27', 'development half 27 (dev27.json, a twenty-eighth author: Aberdeen and Aberdeenshire; offshore and energy workers, seasonal and farm staff, students, villages with one bus, Doric speech; work, money, housing, substances, safety, loneliness, legal, digital)'],
  ['dev28', 'development half 28 (dev28.json, a twenty-ninth author: an Inverclyde Deep End practice; GPs and trainees, an addictions nurse, a health visitor, methadone reviews, a CPN, a links practitioner; safety, substances, family, housing, food, mood, money, caring)'],
  ['dev29', 'development half 29 (dev29.json, a thirtieth author: a Borders and Dumfries & Galloway market-town practice; structured review templates, district nurses, physio, out-of-hours, reception; transport, loneliness, caring, long-term condition, digital, fuel, activity, work)'],
  ['dev30', 'development half 30 (dev30.json, a thirty-first author: an Inverness and Moray Firth town practice; first-person GP notes, an APP physiotherapist, a wellbeing practitioner, a link worker, pharmacy, pasted letters; mood, family, work, housing, money, loneliness, long-term condition, substances)'],
  ['dev31', 'development half 31 (dev31.json, a thirty-second author: a South Lanarkshire practice; long GP narratives, a registrar\'s ICE sections, practice nurses, a mental health nurse, a welfare and money adviser; money, caring, mood, housing, family, loneliness, substances, work)'],
  ['dev32', 'development half 32 (dev32.json, a thirty-third author: an Ayrshire practice; terse EMIS entries with a trailing Social line, ANP COPD and diabetes reviews, a CPN, a pharmacist, district nurses, reception messages; fuel, money, loneliness, caring, long-term condition, mood, transport, food)'],
  ['dev33', 'development half 33 (dev33.json, a thirty-fourth author: Perth, Stirling and Falkirk; first-person GP notes, ICE sections, learning-disability health checks, link-worker summaries, veterans\' letters, prison liaison; work, legal, family, housing, safety, substances, digital, activity, mood)'],
  ['dev34', 'development half 34 (dev34.json, a thirty-fifth author: Angus and Moray; forces families, fishing and distillery workers, retired coastal villages; problem-orientated notes, school nurse, midwife and HV, CMHN, out-of-hours, pharmacist, link worker; family, loneliness, mood, work, caring, money, substances, transport)'],
  ['dev35', 'development half 35 (dev35.json, a thirty-sixth author: safety as GPs, nurses, health visitors and district nurses record it, and its look-alikes: abuse by partners, ex-partners, adult children and carers; work violence, animal bites, relatives\' relationships; 160 notes)'],
  ['dev36', 'development half 36 (dev36.json, a thirty-seventh author: a city\'s outer estates; safety and mental wellbeing, suicidal thoughts as GPs write them (TLNWL), and their look-alikes; 160 notes; scored, never tuned on)'],
  ['dev37', 'development half 37 (dev37.json, a thirty-eighth author: a West Lothian and Lanarkshire commuter town over a year; GPs and registrars writing fast in everyday words, the social detail often one clause of a clinical note or shown only by what happens; every need evenly)'],
  ['dev38', 'development half 38 (dev38.json, a thirty-ninth author: a multilingual Glasgow Southside practice over a winter; interpreters, zero-hours and gig work, private lets, young parents, asylum seekers; telephone triage, eConsult, ANP, health visitor, pharmacist, welfare-rights adviser, CMHN; work, family, mood, housing, legal)'],
  ['dev39', 'development half 39 (dev39.json, a fortieth author: Dundee and the Carse of Gowrie over a spring; SOAP notes, a links practitioner, ANP template reviews, a mental health nurse, a pharmacist, reception tasks; every need evenly; scored after the seventeenth session, tuned on in the eighteenth)'],
  ['dev40', 'development half 40 (dev40.json, a forty-first author: a practice nurse and pharmacist in West Lothian and Falkirk; chronic disease review templates with social fields; long-term conditions, activity, caring, substances, digital, transport, fuel, loneliness)'],
  ['dev41', 'half 41 (dev41.json, a forty-second author: North Lanarkshire and East Dunbartonshire GPs and registrars; terse fragments, Scots quotes, look-alike wording; money, housing, work, mood, family, safety, legal, food; scored, never tuned on)'],
  ['dev42', 'development half 42 (dev42.json, a forty-third author: Aberdeenshire and Moray, fishing, offshore and farm families, Doric; GPs, an ANP, a link worker; 160 notes weighted to other-person notes in many sentence shapes)'],
  ['dev43', 'development half 43 (dev43.json, a forty-fourth author: Dundee and Angus practice nurses and an ANP; telephone triage, review templates with "Social:" lines, depot and vaccine clinics; work, fuel, money, caring and relatives beside the patient; 160 notes)'],
  ['dev45', 'development half 45 (dev45.json, a forty-sixth author: Dumfries and Galloway and the Borders; a GP partner, a registrar and a links practitioner; families, relatives told in many shapes beside the patient, futures and pasts; 150 notes)'],
  ['dev44', 'half 44 (dev44.json, a forty-fifth author: Highland and island GPs and a locum in Glasgow\'s East End; long narratives, ICE and social history; isolation, transport, digital, substances, coercive control as behaviour, legal; needs told through someone else; 140 notes; scored, never tuned on)'],
  ['dev46', 'development half 46 (dev46.json, a forty-seventh author: a Paisley and Renfrewshire GP partner writing fast; SH lines, abbreviations, relatives in apposition and by pronoun, couples as "they"; 150 notes)'],
  ['dev48', 'development half 48 (dev48.json, a forty-ninth author: Lanarkshire and the Lothians, GPs, practice nurses and a links practitioner; weighted to other people\'s needs told every way notes tell them, 43 of 150 notes)'],
  ['dev49', 'development half 49 (dev49.json, a fiftieth author: a Dundee, Fife and Perth & Kinross practice, terse SOAP notes, a mental health nurse, a pharmacist, patients\' own words; 200 notes)'],
  ['dev50', 'development half 50 (dev50.json, a fifty-first author: a Glasgow Deep End practice and an Ayrshire branch surgery; a trainee, template reviews, home visits, a locum; 200 notes)'],
  ['dev51', 'development half 51 (dev51.json, a fifty-second author: an Edinburgh and Leith practice; students, migrants through interpreters, gig and hospitality workers, sheltered housing; 200 notes)'],
  ['dev52', 'development half 52 (dev52.json, a fifty-third author: the Borders, Dumfries and Galloway and Aberdeen; 200 notes; scored, never tuned on)'],
  ['dev47', 'half 47 (dev47.json, a forty-eighth author: Highland and Moray practice nurses\' review templates, a registrar\'s hedged narratives, an ANP\'s rural home visits; 140 notes; scored, never tuned on)'],
  ['dev53', 'development half 53 (dev53.json, a fifty-fourth author: a North Lanarkshire and Falkirk practice; clipped GP notes, nurse templates, a links worker, a registrar; work, money, substances; 200 notes)'],
  ['dev56', 'development half 56 (dev56.json, a fifty-seventh author: an Inverclyde and West Dunbartonshire practice; a first-person GP, a pharmacist, an MSK physio, a mental health nurse, an ANP; 200 notes)'],
  ['dev54', 'half 54 (dev54.json, a fifty-fifth author: Highlands and Islands; ferries, oil and peat, broadband, seasonal work; 200 notes; scored, never tuned on)'],
  ['dev55', 'half 55 (dev55.json, a fifty-sixth author given no voice brief; 200 notes; scored, never tuned on)'],
  ['dev57', 'half 57 (dev57.json, a fifty-eighth author: West Lothian and Midlothian; SOAP notes, tick-box annual reviews, a health visitor, a CPN, care-home visits; 200 notes; scored, never tuned on)'],
  ['dev59', 'development half 59 (dev59.json, a sixtieth author: Dundee and Aberdeen city practices, an ANP and a salaried GP; Vision-style coded entries, telephone triage, Pharmacy First, Doric and Dundonian in quoted speech; refugees, kinship carers, ex-offshore workers; 200 notes)'],
  ['dev60', 'development half 60 (dev60.json, a sixty-first author asked for the patient\'s own safety: abuse, coercive control, stalking, financial and elder abuse told every way notes tell them, and others\' abuse, denials, pasts and look-alikes beside it; 150 notes)'],
  ['dev61', 'half 61 (dev61.json, a sixty-second author asked for the same in a Glasgow and Lanarkshire practice\'s voices; 150 notes; scored, never tuned on)'],
  ['dev63', 'development half 63 (dev63.json, a sixty-fourth author asked for denials, pasts and hypotheticals: free-text and template denials, answered questions, negative screens, resolved pasts, declined offers, and positives that look like them; 200 notes, 150 of them non-positive)'],
  ['dev62', 'half 62 (dev62.json, a sixty-third author: a Fife and Perth & Kinross group practice; a GP partner, a locum, a pharmacist, a CPN, a physio, reception entries and scanned-letter summaries; 200 notes; scored, never tuned on)'],
  ['dev58', 'half 58 (dev58.json, a fifty-ninth author: Dumfries and Galloway and the Borders, a GP registrar; terse EMIS-style notes, rural transport, oil and solid fuel, tied cottages, seasonal and agricultural work; 200 notes; scored, never tuned on)'],
  ['dev64', 'development half 64 (dev64.json, a sixty-fifth author: a Highlands, Moray and Western Isles practice group; GPs, a home-visiting ANP, a practice nurse, a CPN, a dispensing pharmacist; crofting, fishing, ferries, oil, coal and LPG, no signal; 200 notes)'],
  ['dev65', 'half 65 (dev65.json, a sixty-sixth author: an Edinburgh, Midlothian and West Lothian group practice; registrars, a locum, a mental health nurse, the CLP\'s own entries, an HCA; asylum seekers, B&Bs, gig work, kinship grandparents; 200 notes; scored, never tuned on)'],
  ['dev66', 'development half 66 (dev66.json, a sixty-seventh author asked whose need it is: 80 other-person notes told every way, 70 positives with a relation beside the patient\'s own need; Argyll & Bute, Ayrshire, Angus; 200 notes)'],
  ['dev67', 'half 67 (dev67.json, a sixty-eighth author: notes pasted from a desktop record in Lanarkshire, Forth Valley, Orkney and Shetland; headings, coded entries, template answers, summarised letters, pharmacy and out-of-hours notes; 200 notes; scored, never tuned on)'],
  ['dev68', 'half 68 (dev68.json, a sixty-ninth author: a Clackmannanshire, Falkirk and Stirling group practice; a telephone GP, a trainee, an ANP, a pharmacist, a first-contact physio; written after the session\'s changes; 200 notes; scored, never tuned on)'],
  ['dev69', 'half 69 (dev69.json, a seventieth author: a Glasgow north and east and Dundee Deep End practice; GPs quoting patients, triage calls, an HCA, a mental health nurse, a links practitioner; needs told indirectly; 200 notes; tuned on in the twenty-fifth session)'],
  ['dev70', 'half 70 (dev70.json, a seventy-first author: a Dumfries and Galloway and Scottish Borders group practice; a GP partner, a salaried GP, a district nurse, a practice nurse\'s templates, a locum; written while the twenty-fifth session worked; 200 notes; scored until the twenty-seventh session, tuned on in it)'],
  ['dev71', 'half 71 (dev71.json, a seventy-second author: an East Ayrshire practice, Kilmarnock, Cumnock and the Doon and Irvine valleys; terse GP partners, a registrar\'s ICE sections, a pharmacist, a welfare-rights officer, a links practitioner, reception; needs told indirectly in Ayrshire speech; 200 notes; tuned on in the twenty-seventh session)'],
  ['dev73', 'half 73 (dev73.json, a seventy-fourth author: a Renfrewshire and Inverclyde practice group; a GP partner, salaried GPs on the telephone, a registrar\'s ICE, a mental health nurse, a first-contact physio, a pharmacist, a health visitor; work, family, mood, food told indirectly; 200 notes; tuned on in the twenty-seventh session)'],
  ['dev74', 'half 74 (dev74.json, a seventy-fifth author: a Stirling, Clackmannanshire and rural Perthshire practice over a winter; SOAP notes, a locum\'s narratives, an ANP, review templates, a links practitioner, out-of-hours; two needs in a third of the positives; 200 notes; tuned on in the twenty-seventh session)'],
  ['dev72', 'half 72 (dev72.json, a seventy-third author: an East Lothian and Midlothian group practice; a GP partner\'s first-person narratives, a registrar\'s telephone triage, an ANP\'s home visits, a district nurse, a mental health nurse, review templates, scanned letters; written while the twenty-seventh session worked; 200 notes; scored, never tuned on)'],
  ['dev75', 'half 75 (dev75.json, a seventy-sixth author: an Aberdeen city and Aberdeenshire group practice; a GP partner\'s problem lists, a salaried GP quoting patients in Doric, review templates, a pharmacist, a links practitioner, care navigation calls; offshore rotas, fish and farm workers, students, rural couples with no bus; 200 notes; tuned on in the twenty-eighth session)'],
  ['dev76', 'half 76 (dev76.json, a seventy-seventh author: a West Dunbartonshire and Argyll & Bute practice group; SOAP entries, a registrar\'s ICE, an ANP, a district nurse, a mental health nurse, a health visitor, letter summaries; naval families, islands and ferries; needs told indirectly; written while the twenty-eighth session worked; 200 notes; scored, never tuned on)'],
  ['dev77', 'half 77 (dev77.json, a seventy-eighth author: a Glasgow south side practice, Govanhill, Castlemilk, Pollok, Govan; a GP partner, a salaried GP quoting Glasgow speech, a practice nurse, a links practitioner, a health visitor, an addictions nurse, care navigation calls; asylum seekers and refugees, Roma families, kinship carers; 200 notes; tuned on in the twenty-eighth session)'],
  ['dev78', 'half 78 (dev78.json, a seventy-ninth author: a North Ayrshire, Arran and rural South Lanarkshire practice group; clipped GP entries, a GP retainer, a CPN, a district nurse, a pharmacist, an OT, summarised letters; past and present in one sentence, relatives beside the patient; written while the twenty-eighth session worked; 200 notes; scored, never tuned on)'],
  ['dev79', 'half 79 (dev79.json, an eightieth author: a West Lothian and Falkirk group practice; GP partners, a salaried GP, a mental health nurse, a links practitioner, a practice nurse, a health visitor, out-of-hours; weighted to mood, grief and family; 200 notes; tuned on in the twenty-eighth session)'],
  ['dev80', 'half 80 (dev80.json, an eighty-first author: a Dundee and Angus practice group; SOAP notes, a trainee quoting Dundonian speech, an ANP, a pharmacist, a welfare rights adviser, a links practitioner, reception; weighted to food, money and family; 200 notes; tuned on in the twenty-eighth session)'],
  ['dev81', 'half 81 (dev81.json, an eighty-second author: an Edinburgh north and west practice group, Leith, Pilton, Muirhouse, Wester Hailes; problem-oriented entries, a salaried GP quoting Edinburgh speech, telephone triage, a mental health nurse, a health visitor, a links practitioner, reception; weighted to mood, family and food; tuned on in the twenty-ninth session)'],
  ['dev82', 'half 82 (dev82.json, an eighty-third author: a Highland practice group, Inverness, Caithness, Skye, Lochaber; needs told indirectly; never tuned on)'],
  ['dev83', 'half 83 (dev83.json, an eighty-fourth author: a North Lanarkshire practice group; clipped EMIS-style entries, an ANP, a CPN, a pharmacist, a welfare rights adviser; weighted to family, food, money and mood; tuned on in the twenty-ninth session)'],
  ['dev84', 'half 84 (dev84.json, an eighty-fifth author: a Dumfries and Galloway and Scottish Borders practice group; a relative\'s situation and the past beside the patient\'s; never tuned on)'],
  ['dev85', 'half 85 (dev85.json, an eighty-sixth author: a Fife practice group, Kirkcaldy, Glenrothes, Levenmouth, Cowdenbeath, Dunfermline; terse problem-headed entries, a salaried GP quoting Fife speech, an ANP, a CPN, a welfare rights adviser, a links practitioner; weighted to work, money and family; tuned on in the thirtieth session)'],
  ['dev86', 'half 86 (dev86.json, an eighty-seventh author: an Inverclyde and Renfrewshire practice group, Greenock, Port Glasgow, Paisley, Johnstone; every need, told indirectly, a relative\'s situation and the past beside the patient\'s; never tuned on)'],
  ['dev87', 'half 87 (dev87.json, an eighty-eighth author: an Argyll and Bute and Western Isles practice group, Oban, Dunoon, Bute, Campbeltown, Stornoway, Benbecula; weighted to work, mood and food; tuned on in the thirtieth session)'],
  ['dev88', 'half 88 (dev88.json, an eighty-ninth author: an East Ayrshire and West Dunbartonshire practice group, Kilmarnock, Cumnock, the Doon Valley, Clydebank, Dumbarton; weighted to work, family, mood and money, two needs in a quarter of the positives; never tuned on)'],
  ['dev89', 'half 89 (dev89.json, a ninetieth author: a Perth and Kinross and Stirling practice group; other people\'s troubles told in the patient\'s consultation, 50 other-person notes in 200; tuned on in the thirtieth session)'],
  ['dev90', 'half 90 (dev90.json, a ninety-first author: a South Lanarkshire practice group; whose trouble it is, 50 other-person notes in 200; never tuned on)'],
  ['dev91', 'half 91 (dev91.json, a ninety-second author: a Dumfries and Galloway practice group, Dumfries, Stranraer, Annan, Castle Douglas, Newton Stewart, Sanquhar; needs told in everyday words, two needs in a third of the positives; tuned on in the thirty-first session)'],
  ['dev92', 'half 92 (dev92.json, a ninety-third author: an Aberdeen City and Aberdeenshire practice group, Torry, Northfield, Peterhead, Fraserburgh, Huntly; every need, told indirectly, Doric; never tuned on)'],
  ['dev93', 'half 93 (dev93.json, a ninety-fourth author: a West Lothian and Falkirk practice group, Livingston, Bathgate, Broxburn, Grangemouth, Bo\'ness; everyday words weighted to work, money and family; tuned on in the thirty-first session)'],
  ['dev94', 'half 94 (dev94.json, a ninety-fifth author: a Glasgow North East and East Dunbartonshire practice group, Springburn, Possilpark, Easterhouse, Bishopbriggs, Kirkintilloch; every need in everyday words; never tuned on)'],
  ['dev95', 'half 95 (dev95.json, a ninety-sixth author: a Highland and Moray practice group, Inverness, Nairn, Alness, Elgin, Buckie, Forres; described behaviour weighted to mood, food, family and work; tuned on in the thirty-first session)'],
  ['dev96', 'half 96 (dev96.json, a ninety-seventh author: an Edinburgh and Midlothian practice group, Wester Hailes, Craigmillar, Muirhouse, Leith, Dalkeith, Penicuik; every need in everyday words; never tuned on)'],
  ['dev97', 'half 97 (dev97.json, a ninety-eighth author: an Inverclyde and Renfrewshire practice group, Greenock, Port Glasgow, Paisley Ferguslie and Foxbar, Johnstone, Renfrew; work, family, money, mood and food in everyday words and described behaviour; tuned on)'],
  ['dev98', 'half 98 (dev98.json, a ninety-ninth author: a Borders and East Lothian practice group, Hawick, Galashiels, Kelso, Eyemouth, Musselburgh, Tranent, Dunbar; every need in everyday words; never tuned on)'],
  ['dev99', 'half 99 (dev99.json, a hundredth author: a Fife practice group, Kirkcaldy, Methil, Buckhaven, Glenrothes, Cowdenbeath, Lochgelly, Dunfermline; work, family, mood and food as people say them; tuned on)'],
  ['dev100', 'half 100 (dev100.json, a hundred-and-first author: a Dundee and Angus practice group, Whitfield, Kirkton, Lochee, Hilltown, Arbroath, Montrose, Forfar, Brechin; every need in everyday words; never tuned on)'],
  ['dev101', 'half 101 (dev101.json, a hundred-and-second author: a North and South Ayrshire practice group, Kilmarnock, Irvine, Kilwinning, Saltcoats, Ardrossan, Ayr, Girvan, Cumnock; family, food, housing and money in described behaviour; tuned on)'],
  ['dev102', 'half 102 (dev102.json, a hundred-and-third author: a Lanarkshire practice group, Motherwell, Wishaw, Coatbridge, Airdrie, Bellshill, Hamilton, Cumbernauld; every need in everyday words; never tuned on)'],
  ['dev103', 'half 103 (dev103.json, a hundred-and-fourth author: an Orkney, Shetland and Caithness practice group; transport, loneliness, fuel, work and money, other people\'s troubles beside the patient\'s; tuned on)'],
  ['dev104', 'half 104 (dev104.json, a hundred-and-fifth author: a Glasgow South practice group, Govanhill, Pollok, Priesthill, Castlemilk, Toryglen, Gorbals, Shawlands; every need in everyday words; never tuned on in the thirty-third session, tuned on in the thirty-fourth)'],
  ['dev105', 'half 105 (dev105.json, a hundred-and-sixth author: a Falkirk, Clackmannanshire and West Lothian practice group; every need in everyday words and described behaviour; written after dev103\'s round, never tuned on in the thirty-third session, tuned on in the thirty-fourth)'],
  ['dev106', 'half 106 (dev106.json, a hundred-and-seventh author: a Perth and Kinross and Stirling practice group, Letham, Crieff, Blairgowrie, Pitlochry, Aberfeldy, Raploch, Callander, Dunblane; every need evenly, other-person and hypothetical notes weighted; never tuned on)'],
  ['dev107', 'half 107 (dev107.json, a hundred-and-eighth author: a Dumfries and Galloway practice group, Lochside, Annan, Lockerbie, Castle Douglas, Stranraer, Newton Stewart, Sanquhar, Langholm; every need evenly, some only implied by what the patient does; tuned on after its first measure, its round then withdrawn after a hostile review)'],
  ['dev108', 'half 108 (dev108.json, a hundred-and-ninth author: an Argyll and Bute and West Dunbartonshire practice group, Oban, Campbeltown, Rothesay, Dunoon, Helensburgh, Clydebank, Dumbarton, Alexandria; every need evenly; never tuned on)'],
  ['dev109', 'half 109 (dev109.json, a hundred-and-tenth author: a Fife practice group, Kirkcaldy, Methil, Leven, Buckhaven, Glenrothes, Cowdenbeath, Lochgelly, Dunfermline, St Andrews; every need evenly, in everyday words and described behaviour; never tuned on)'],
  ['dev110', 'half 110 (dev110.json, a hundred-and-eleventh author: a Western Isles, Skye and Lochalsh and Moray practice group, Stornoway, Benbecula, Barra, Portree, Broadford, Kyle, Elgin, Buckie, Forres, Lossiemouth; every need evenly; never tuned on)'],
  ['dev111', 'half 111 (dev111.json, a hundred-and-twelfth author: a Glasgow South and East Renfrewshire practice group, Govanhill, Pollokshields, Castlemilk, Toryglen, Barrhead, Neilston; interpreters, asylum seekers and no recourse to public funds, zero-hours care work; every need evenly; never tuned on)'],
  ['dev112', 'half 112 (dev112.json, a hundred-and-thirteenth author: a Lanarkshire and Falkirk practice group; structured EMIS and Vision templates, routine enquiries and screening tools, most answered with nothing social; measured first, then tuned on in the fortieth session)'],
  ['dev113', 'half 113 (dev113.json, a hundred-and-fourteenth author: a Midlothian, East Lothian and Scottish Borders practice group; needs told indirectly, e-consults in the patient\'s own words; measured first, then tuned on in the fortieth session)'],
  ['dev114', 'half 114 (dev114.json, a hundred-and-fifteenth author: a North Ayrshire, Inverclyde and Bute practice group, Irvine, Kilwinning, Saltcoats, Largs, Greenock, Gourock, Rothesay; shipyard, call-centre and ferry workers, island patients, methadone, kinship carers; every need evenly; never tuned on)'],
  ['dev115', 'half 115 (dev115.json, a hundred-and-sixteenth author: a Dumfries and Galloway and Scottish Borders practice group, Stranraer, Newton Stewart, Castle Douglas, Annan, Hawick, Galashiels, Eyemouth; farm workers in tied cottages, mill redundancies, fishermen, veterans, one bus a day; needs as patients say them and as GPs paraphrase them; measured first, then tuned on in the forty-first session)'],
  ['dev116', 'half 116 (dev116.json, a hundred-and-seventeenth author: an Edinburgh, West Lothian and Fife practice group, Leith, Wester Hailes, Craigmillar, Livingston, Bathgate, Kirkcaldy, Methil, Dunfermline; students, gig-economy riders, asylum seekers, temporary accommodation, kinship carers, recovery; needs told through what people do, with relatives\' situations, the past, denials and possibilities beside the patient\'s own; never tuned on)'],
  ['dev117', 'half 117 (dev117.json, a hundred-and-eighteenth author: a Tayside practice group, Dundee, Arbroath, Forfar, Montrose, Perth; weighted to work, money, family, food and mood told without the obvious keyword; measured first, then tuned on in the forty-first session)'],
  ['dev118', 'half 118 (dev118.json, a hundred-and-nineteenth author: a Highland and Aberdeenshire practice group, Inverness, Wick, Thurso, Alness, Invergordon, Fraserburgh, Peterhead, Huntly, Inverurie; weighted to work, money and family, told indirectly; never tuned on)'],
  ['dev119', 'half 119 (dev119.json, a hundred-and-twentieth author: a Glasgow East End and North Lanarkshire practice group, Parkhead, Shettleston, Easterhouse, Coatbridge, Airdrie, Wishaw; weighted to safety, substances, caring and loneliness, with 30 other-person notes and a relative\'s trouble beside the patient\'s own; measured first, then tuned on in the forty-second session)'],
  ['dev120', 'half 120 (dev120.json, a hundred-and-twenty-first author: an Inverclyde, Ayrshire and Argyll practice group and the islands, Greenock, Kilmarnock, Cumnock, Campbeltown, Oban, Bute, Islay, Mull; weighted to housing, fuel, transport, digital and mood; never tuned on)'],
  ['dev121', 'half 121 (dev121.json, a hundred-and-twenty-second author: an Aberdeen city and Moray practice group, Torry, Tillydrone, Northfield, Seaton, Elgin, Buckie, Forres, Keith; weighted to money, work, mood, family and long-term conditions, needs described rather than named; measured first, then tuned on in the forty-second session)'],
  ['dev122', 'half 122 (dev122.json, a hundred-and-twenty-third author: a Stirling, Clackmannanshire and Perth and Kinross practice group, Raploch, Alloa, Tullibody, Crieff, Pitlochry, Blairgowrie, with e-consults in the first person; weighted to caring, transport, loneliness, food and safety, with hedged negated, historical and hypothetical notes; never tuned on)'],
  ['dev123', 'half 123 (dev123.json, a hundred-and-twenty-fourth author: a Dundee, Angus and North East Fife practice group, Lochee, Whitfield, Kirkton, Arbroath, Montrose, Forfar, Leven, Methil, Cupar, St Andrews; GP partner, FY2, practice nurse reviews, ANP triage, practice mental-health nurse, pharmacist, discharge letters and NHS 24 reports; weighted to money, work, family and legal told without the obvious keyword, with look-alike words among the traps; measured first, then tuned on in the forty-third session)'],
  ['dev124', 'half 124 (dev124.json, a hundred-and-twenty-fifth author: a West and East Dunbartonshire and Helensburgh practice group, Clydebank, Dumbarton, the Vale of Leven, Kirkintilloch, Milngavie; three GPs of different styles, a link worker, a district nurse, a health visitor, a physiotherapist; every need evenly in described behaviour, with roundabout denials, another household member\'s need told like the patient\'s, and clinical look-alikes; never tuned on)'],
  ['dev125', 'half 125 (dev125.json, a hundred-and-twenty-sixth author: an East and South Ayrshire practice group, Kilmarnock, Cumnock, Auchinleck, Dalmellington, New Cumnock, Girvan, Maybole; an old-school GP, a newly qualified GP writing in template fields, a practice nurse, Pharmacy First notes, a district nurse, a link worker; weighted to fuel, transport, loneliness, caring, substances, activity and digital, told in Scots and in what people do; written after the forty-third session\'s first round, never tuned on)'],
  ['dev127', 'half 127 (dev127.json, a hundred-and-twenty-seventh author: a South Lanarkshire practice group, Hamilton, East Kilbride, Rutherglen, Cambuslang, Larkhall, Lanark, Carluke; terse GP partners, a salaried GP quoting Lanarkshire speech, an ANP on the phone, a practice nurse, a CPN, a pharmacist, a links practitioner, reception logs; whose need it is: 55 other-person notes, and positives with a relative\'s words beside the patient\'s own need; forty-sixth session, tuned on)'],
  ['dev128', 'half 128 (dev128.json, a hundred-and-twenty-eighth author: a Perth and Kinross and Angus practice group, Perth, Blairgowrie, Crieff, Pitlochry, Forfar, Montrose, Arbroath, Brechin; long narratives, a locum\'s abbreviations, review templates, a district nurse, a health visitor, a welfare rights adviser, out-of-hours handovers; farm and estate workers, fruit pickers, incomers, older couples; every need evenly, told indirectly; forty-sixth session, never tuned on)'],
  ['dev129', 'half 129 (dev129.json, a hundred-and-twenty-ninth author: a north Edinburgh and East Lothian practice group, Leith, Granton, Pilton, Muirhouse, Craigentinny, Musselburgh, Tranent, Prestonpans; GP partners\' clipped entries, a registrar\'s telephone ICE, practice nurse review templates, a links practitioner, a pharmacist, care navigators, a mental health nurse; hospitality, gig and port workers, young parents in HMOs, older people in high flats; weighted to work, family, mood, food and money told without the obvious keyword; forty-seventh session, tuned on)'],
  ['dev130', 'half 130 (dev130.json, a hundred-and-thirtieth author: a Glasgow north-west and Clydebank practice group, Drumchapel, Maryhill, Possilpark, Knightswood, Anniesland, Partick, Dalmuir; a GP partner quoting Glasgow speech, a salaried GP\'s narratives, an ANP, a practice nurse, a district nurse, an addictions nurse, a health visitor, out-of-hours handovers, summarised letters; every need evenly, told indirectly, with past and present and a relative\'s situation beside the patient\'s; forty-seventh session, never tuned on)'],
];
/** Halves scored but never tuned on: their items are never printed, like the held-out half's. */
const NEVER_TUNED = new Set(['dev130', 'dev128', 'dev125', 'dev124', 'dev122', 'dev120', 'dev118', 'dev116', 'dev114', 'dev111', 'dev110', 'dev109', 'dev108', 'dev106', 'dev102', 'dev100', 'dev98', 'dev96', 'dev94', 'dev92', 'dev90', 'dev86', 'dev88', 'dev82', 'dev84', 'dev41', 'dev44', 'dev47', 'dev52', 'dev54', 'dev55', 'dev57', 'dev58', 'dev61', 'dev62', 'dev65', 'dev67', 'dev68', 'dev72', 'dev76', 'dev78']);
for (const [file, label] of DEVELOPMENT) {
  const [score, unlimited] = half(file);
  print(label, score, showItems && !NEVER_TUNED.has(file), unlimited);
}
// Aggregates only: no item of the held-out half is ever printed.
if (!devOnly) {
  const [held, heldAll] = half('heldout');
  print('held-out half (heldout.json)', held, false, heldAll);
}
