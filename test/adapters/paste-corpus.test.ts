// The pasted-text corpus as a regression gate (issue #17, standalone mode): test/fixtures/paste, written by people
// who had not read the code (README.md there). The figures scripts/eval-paste.ts prints must not fall below what was
// reached when this test was written; they may be raised, never loosened. The held-out half is compared only in
// aggregate (and shown only so on failure), never by item.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PASTE_AS_OF, type PasteCase, type PasteScore, ratio, scorePaste } from '../../scripts/lib/score-paste';
import { readStandalone } from '../../src/ui/panel/standalone-read';

const score = (half: string): PasteScore => {
  const now = PASTE_AS_OF[half] as Date;
  const items = JSON.parse(readFileSync(resolve(__dirname, `../fixtures/paste/${half}.json`), 'utf8')) as PasteCase[];
  return scorePaste(items, (input) => readStandalone(input, now), now);
};

interface Floor {
  /** Most pastes that may show another person's details. The target is 0. */
  leaks: number;
  read: number;
  /** Left out only for a set with no paste to refuse (review37b). */
  refused?: number;
  /** A field is left out only for a set none of whose pastes checks it (review38g: no postcode). */
  fields: Partial<Record<'name' | 'birthDate' | 'sex' | 'postcode' | 'notes', number>>;
}

// Reached on 3 December 2026 (fifteenth session), tuned on dev.json and dev2.json only. Before the pasted-text reader
// (src/adapters/paste), the detector's DOM reading of the same text reached, held-out: name 0.31, postcode 0.27,
// notes 0.10, read 0.92, refusals 0.79, with 1 paste showing another person's details (it read almost nothing).
// The reader's first version reached held-out read 0.98, name 0.89 (40/45), postcode 0.98 (43/44), notes 0.98, with
// 5 pastes showing someone else's detail; the dev2 round (an e-mail header's "<name@nhs.scot>" is not HTML, "Cc: X"
// is a label and its value, not a heading) read the last wrongly refused paste (50/50), whose name and postcode are
// not right, so the name and postcode shares fell (40/46, 43/45: the counts read right are unchanged); the
// names, streets and practices taken out of the notes brought the pastes showing someone else to 3; a hostile review
// (111 pastes of its own, 84 failing at first, 27 after) brought them to 1, notes phrases to 0.99 (89/90).
const FLOORS: Record<string, Floor> = {
  dev: { leaks: 0, read: 1, refused: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // dev2 (a third writer, other people in every shape): "Cardonald" (a relative's district in the patient's own
  // words, "staying at my mum's in Cardonald") was in the notes until the thirty-third session's lone-capital rule.
  dev2: { leaks: 0, read: 1, refused: 1, fields: { name: 0.97, birthDate: 1, sex: 1, postcode: 0.94, notes: 1 } },
  // One held-out paste still shows a detail of another person (which one is not looked at: the half is measured,
  // never tuned on). This is hazard H23's open residual risk: the clinician confirms what was read before anything else.
  // Thirty-second session: 0 held-out pastes show someone else's detail (1 before), name 0.87 -> 0.93, postcode 0.96 -> 0.97.
  heldout: { leaks: 0, read: 1, refused: 1, fields: { name: 0.93, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.98 } },
  // Thirty-second session, three more writers given the same brief (README.md). dev3 (writer D: desktop grids copied as
  // tabs, households in the same grids), tuned on: first contact read 0.93 (37/40), name 0.84, birthDate 0.94, sex 0.95,
  // notes 0.97, 0 leaks. dev4 (writer F: letters and messages), tuned on: first contact name 0.82, postcode 0.80, 0 leaks.
  dev3: { leaks: 0, read: 1, refused: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 0.96, notes: 1 } },
  dev4: { leaks: 0, read: 1, refused: 1, fields: { name: 0.97, birthDate: 1, sex: 1, postcode: 0.91, notes: 1 } },
  // heldout2 (writer E: every system and kind), measured only: first contact 1 paste showing someone else's detail, read
  // 0.95, refused 0.90, name 0.93, notes 0.95; now 0 pastes showing someone else's detail (which paste it was is not
  // looked at), notes 0.935 (the capitalised-run rule takes a service's or a place's name out with the people's).
  heldout2: { leaks: 0, read: 0.975, refused: 0.9, fields: { name: 0.93, birthDate: 1, sex: 1, postcode: 1, notes: 0.95 } },
  // heldout3 (writer G: a Glasgow deep-end practice, interpreters, hostels and asylum accommodation, households),
  // measured only, written while the session's changes were made and first measured after them: 0 pastes showing
  // someone else's detail, read 1.00, refused 1.00, name 0.97, postcode 0.91, notes 0.99.
  // Thirty-third session: notes 0.987 -> 0.974 (75 of 77 phrases), a deliberate trade, and the one floor lowered. The
  // rules that take out everyday-word names after a relation and a lone capitalised word inside a sentence (hazard H23:
  // 13 -> 8 pastes of the third review, 1 -> 0 of dev2 showing someone else's detail) lose one phrase here with a
  // place's or a service's name in it; which one was not looked at (the set is measured only).
  heldout3: { leaks: 0, read: 1, refused: 1, fields: { name: 0.97, birthDate: 1, sex: 1, postcode: 0.91, notes: 0.98 } },
  // heldout4 (writer H, thirty-third session: a practice nurse and a links practitioner, other people named in running
  // prose), measured only, first measured after the session's change to the notes: 9 of 50 pastes show someone else's
  // detail in the notes (12 with the code before the change), read 1.00, refused 1.00, name 0.92, postcode 1.00, notes
  // 0.94. In what the sidebar shows of the notes (a prompt's reasons), 1 paste. After dev5's round (below), 6 (the
  // figures only, its items unread). Hazard H23's open residual risk.
  // Thirty-fifth session: 2 (a list of given names from the registers of births, in any case and opening a sentence; a
  // child's date of birth after a name; where someone stays after "at"), the figures only.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 0, the figures only.
  heldout4: { leaks: 0, read: 1, refused: 1, fields: { name: 0.91, birthDate: 1, sex: 1, postcode: 1, notes: 0.94 } },
  // dev5 (writer I, thirty-third session: Grampian and Moray notes in running prose, other people named every way),
  // tuned on: first contact 13 of 60 pastes showing someone else's detail (names in brackets after a role, children
  // with ages, possessives, names in lower case after a relation or a title, in capitals before a verb); now 1 ("-
  // Moira will phone": a first name after a dash), 0 after the fourth review's round. Read 0.96, name 0.95, postcode
  // 0.95, notes 0.98.
  dev5: { leaks: 0, read: 0.95, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 0.95, notes: 0.98 } },
  // review33: a fourth hostile review, against this session's change to the notes (it read the diff): 32 of 40 pastes
  // showed someone else's detail as first measured, 2 of them in a prompt's quoted reason, 0 of 4 that should be
  // refused were, notes 0.89 (names taken out with words the prompts need: "Crisis Grant" after "husband Grant",
  // "Partner Violent", "Overcrowding", "Sofa Surfing"). Now 6, notes 1.00: left are lower-case names before "and",
  // "and her 3 kids", a daughter's name set off by commas when it is a month ("His daughter, June,"), a lower-case
  // street in a problem title, another person's unlabelled date of birth line, and the four to refuse.
  // Thirty-fourth session: 0, and the four refused (a heading line's date of birth or age that the number cannot have:
  // "Re: … (born …)", "From: … (b. …)", "Resident: …, 67 yrs", "Also seen today: NAME DATE").
  review33: { leaks: 0, read: 1, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review32: a hostile reviewer's 40 pastes written against the code (thirty-second session): 22 showed someone else's
  // detail and 39 were wrong in some way as first measured; now 0 and 1 (R-032: name and notes left unread).
  review32: { leaks: 0, read: 1, refused: 1, fields: { name: 0.96, birthDate: 1, sex: 1, postcode: 1, notes: 0.96 } },
  // review32b: a second hostile review, against the first one's changes: 22 of 40 showed someone else's detail as first
  // measured (30 wrong in some way); now 0 (a run of capitalised words that are not all everyday words is a name in
  // the notes, whatever stands beside it). Left: three pastes that should be refused (two patients in one letter or
  // e-mail, "47M" on a line without the typed number) are read, with nobody's name in them.
  review32b: { leaks: 0, read: 1, refused: 0.57, fields: { name: 0.93, birthDate: 1, sex: 1, postcode: 1, notes: 0.82 } },
  // review32c: a third hostile review, against the whole session's change: 27 of 40 pastes showed someone else's detail
  // as first measured; 13 at the end of that session, 5 in the thirty-third (given names that are everyday words after a
  // relation, "husband Grant", "partner Peter Hall", "Daughter June Brown"; lone first names inside a sentence, "Shona",
  // "Senga"; a surname left after a harvested first name; names in lower case after a relation, "dtr karen mcleod";
  // children's dates of birth in brackets). Left, and open (hazard H23): names in capitals without a number or a verb
  // after them, lower-case abbreviated streets ("22 kirkton rd"), a two-column patient and next-of-kin
  // form; and five pastes that should be refused (a second EMIS PCS header with no number, a name and date in a handover
  // list, "DOB:02/11/1956", "27 February, 1963") are read.
  // Thirty-fourth session: 0 (lower-case short streets, the next-of-kin column of a form in columns), and 5 of 6 refused
  // (a second PCS header, a name and date alone on a line, "DOB:02/11/1956", "27 February, 1963"); left: a task for
  // another patient under a banner whose name is unlabelled (S-023) is read, with nobody else's detail shown.
  review32c: { leaks: 0, read: 0.97, refused: 0.83, fields: { name: 0.96, birthDate: 1, sex: 1, postcode: 0.83, notes: 1 } },
  // review34p: a fifth hostile review, against the thirty-fourth session's first change (it read the diff): on that change
  // 15 of 40 pastes showed someone else's detail and 11 of the patient's own were refused (a heading's "5 year
  // surveillance", "Seen with: daughter aged 52", "Pt: 3 yr hx", a 2024 document's age, the patient's own PCS header,
  // a CHI of 1925 read as 2025, children listed with dates; the session's starting code: 14 and none). Now 5 and none
  // refused: left are "son jamie in…", "dtr kirsty & her" (its "kirsty's" later), "7 west view" and "22 braehead", an
  // inbox line of another patient, children's dates of birth on a list; read 1.00, refused 0.50.
  // After the sixth review's round: 6 ("bf jordan" came back: "bf" and "gf" are breastfeeding and gluten-free too, and
  // were withdrawn as relations).
  // Thirty-fifth session: 0, both refused (lower-case given names from the registers of births wherever they stand,
  // "[name], 12/03/2019" keeps its year, "his brother's at 22 braehead", a listed record heading with a date of birth).
  review34p: { leaks: 0, read: 1, refused: 1, fields: { name: 0.97, birthDate: 0.94, sex: 1, postcode: 0.97, notes: 1 } },
  // review34q: a sixth hostile review, against the fifth review's round (it read both diffs): on that round 9 of 40
  // pastes showed someone else's detail and 8 were right in every way (the session's starting code: 11 and 20; the
  // round refused 9 of the patient's own and lost words in 6); now 10 and 19, 1 refused (a three-column form with the patient and the next of kin side by side:
  // read, it showed the son's phone), with one paste losing a month to the bracketed-month rule ("mum (April)", a
  // deliberate trade: "wife (June)" is a name as often). Left: lower-case names before "on", "in", "+ her", after a
  // capitalised relation ("Dtr leanne rang"), "12 the square", a second Accurx header, another resident within three
  // years of the number's age, a PCS header with neither title nor age.
  // Thirty-fifth session: 2 ("dtr april's kids" and "june", months; a PCS header with neither title nor age), 1 of 3
  // refused (a second card's "Female · 14 Aug 1961 (65y)").
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 1.
  review34q: { leaks: 1, read: 0.97, refused: 0.33, fields: { name: 0.94, birthDate: 0.97, sex: 1, postcode: 1, notes: 0.89 } },
  // review35p: a seventh hostile review, against the thirty-fifth session's list of given names (it read the diff and the
  // reader): on that change 10 of 40 pastes showed someone else's detail (11 on the starting code), 0 of 4 to refuse were
  // refused, and 56 of its 110 note phrases were lost (2 on the starting code): places, services, employers, drinks,
  // drugs, short forms and Urdu words that are names too, times and amounts after "at", recent dates after a name. After
  // its round: 4, 4 of 4 refused, 103 of 110 phrases (the 5 lost are "isa", "alexa", "kia", and "ann" and "amy" typed
  // for "and" and "any": names too common to keep as words). Left: names that are English words ("dean", "jack"), of two
  // letters ("jo", "mo"), a newborn's date of birth (a recent date after a name stays whole), names in capitals.
  // After the eighth review's round (below): 101 of 110 phrases ("hot meal from bethany": "from" alone no longer keeps a
  // name, "texts from ryan"; "maggie's" alone in lower case is a person's as often as the centre).
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 1.
  review35p: { leaks: 1, read: 1, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 1, notes: 0.91 } },
  // review35q: an eighth hostile review, against the whole session's change after the seventh review's round: on it, 19
  // of 40 pastes showed someone else's detail, one of the patient's own was refused and 22 of 72 note phrases were lost
  // (the session's starting code: 21, none, and 0 of 74). After its round: 15, none refused, 5 of 74 lost ("mandy",
  // "tina", "johnnie walker" and "Yasmin", common names that are also drugs, a drink and a pill; an order's date over
  // two years old after a name cut to its year). 0 of its 5 second patients were refused, as on the starting code.
  // Then its five second patients (a card with the date first, a listed patient titled Dr, a surname of two words, a
  // titled name and date between dashes, a PCS row with a date and the age it gives): all refused, 11 showing someone
  // else's detail; after the ninth review (below) withdrew the Dr title and the PCS row rule, 3 of 5 refused, 13.
  // Thirty-sixth session (any whole date over two years old in the notes keeps only its year): 12.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 3.
  // (Thirty-eighth session, names after the paste reader's relations and roles too: 2.)
  review35q: { leaks: 2, read: 1, refused: 0.6, fields: { name: 1, birthDate: 1, sex: 1, postcode: 0.93, notes: 0.93 } },
  // review35r: a ninth hostile review, of the refusal rules after the eighth review's round (it read the whole diff and
  // the reader): 23 of its 25 pastes of the patient's own were refused (7 on the starting code: a recall row's
  // interval, a task list's authors, a surgeon's or a pharmacist's letter between dashes, carers' and a baby's cards
  // under their labels, the patient's own name filed without its apostrophe, hyphen or Polish letter). After its round
  // (the PCS row and the Dr and Prof titles withdrawn; a listed heading's date over two years old unless a child's
  // title; nothing under a line naming someone else; names compared without apostrophes, hyphens or accents): 24 of 31
  // read as on the starting code, 19 showing someone else's detail (20 on it), 0 of its 9 second patients refused (0).
  // Thirty-sixth session (any whole date over two years old in the notes keeps only its year; a date with an age beside
  // it is a date of birth): 11.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 4.
  review35r: { leaks: 4, read: 0.77, refused: 0, fields: { name: 0.95, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // heldout5 (writer J, thirty-fourth session: an Edinburgh and West Lothian GP with care-home rounds, a pharmacist and a
  // health visitor; other people named in running prose), measured only, first measured on the session's starting code
  // (b6593f2): 5 of 50 pastes show someone else's detail in the notes, none in a prompt's shown reasons; read 1.00,
  // refused 1.00, name 0.94, postcode 0.97, notes 0.94. Its items are not read. Hazard H23's open residual risk.
  // Thirty-fifth session: 4 (the list of given names), the figures only.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 0, the figures only.
  heldout5: { leaks: 0, read: 1, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.93 } },
  // heldout6 (writer K, thirty-fourth session: a Fife and Tayside GP partner with out-of-hours shifts, a district nursing
  // team and a welfare rights adviser; every system, other people named every way, letters with several addresses),
  // measured only, written after the session's change: 2 of 50 pastes show someone else's detail in the notes (the same
  // on the session's starting code), none in a prompt's shown reasons; read 0.975, refused 1.00, name 0.89, postcode
  // 0.97, notes 0.905. Its items are not read.
  // Thirty-fifth session: 1, the figures only.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 0, the figures only.
  heldout6: { leaks: 0, read: 0.97, refused: 1, fields: { name: 0.88, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.9 } },
  // heldout7 (writer L, thirty-fifth session: a North Lanarkshire and East Dunbartonshire GP with a links practitioner,
  // a practice mental health nurse and a carers' centre; half running prose naming other people every way), measured
  // only, written after the session's first change and measured on its starting code (dd83b6d) and after: 11 of 50
  // pastes showed someone else's detail on the starting code, 4 after (the list of given names, a child's date of birth
  // after a name, where someone stays after "at"); read 1.00, refused 1.00, name 0.78, postcode 0.87, notes 0.965 on
  // both. Its items are not read. Hazard H23's open residual risk.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 0, the figures only.
  heldout7: { leaks: 0, read: 1, refused: 1, fields: { name: 0.78, birthDate: 1, sex: 1, postcode: 0.86, notes: 0.96 } },
  // heldout8 (writer M, thirty-fifth session: a Highland and Moray GP and practice nurse; crofting and fishing families,
  // shift workers, holiday-let housing, Gaelic speakers, an Eastern European community; half running prose naming other
  // people), measured only, written after the seventh review's round: 8 of 50 pastes showed someone else's detail on the
  // session's starting code (dd83b6d), 1 on the round; read 1.00, refused 1.00, name 0.94, postcode 0.77, notes 0.83 on
  // both. Its items are not read.
  // Thirty-sixth session (the notes keep only the words a prompt can read, ADR 0013; a phrase's notes figure counts those
  // of its words): 0, the figures only.
  heldout8: { leaks: 0, read: 1, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 0.77, notes: 0.9 } },
  // heldout9 (writer N, thirty-sixth session: an Ayrshire and Arran GP with a links practitioner, a pharmacist and district
  // nurses; kinship care, a Syrian and Afghan resettlement community, farm, caravan-park, fishing and hotel workers,
  // older people alone on Arran; half running prose naming other people), measured only. Its items are not read.
  // Thirty-seventh session: it had been scored as of 6 December 2026, and 19 of its 40 pastes of the patient's own were
  // refused for an age a year or two behind the date of birth. Its writer wrote as of November 2025 (every date in its
  // pastes is in 2025, the latest 20 November: counted, not read), as dev7's writer, given the same brief, did (December
  // 2025, and 19 of its 40 refused the same way). Scored as of 21 November 2025, the day after its latest date, the
  // thirty-sixth session's final code (8f4c082) and this session's read 39 of 40, name 30 of 32, notes 83 of 83, and 3
  // of 50 show someone else's detail (its figure of 2 was measured with 19 fewer pastes read). (Reading an age a year or
  // two behind as an older letter's read 40 of 40; withdrawn after review37, below.)
  heldout9: { leaks: 3, read: 0.97, refused: 1, fields: { name: 0.93, birthDate: 1, sex: 1, postcode: 0.93, notes: 1 } },
  // heldout10 (writer Q, thirty-eighth session: a Highland practice group, half the consultations naming other people in
  // running prose; told the date, 6 December 2026), measured only, on the session's code after its first paste round
  // and after its second: the same figures both times, 0 of 50 showing someone else's detail. Its writer forbade only
  // details in labelled blocks (next of kin, carers, household, staff), not relatives named in the consultation.
  heldout10: { leaks: 0, read: 1, refused: 1, fields: { name: 0.91, birthDate: 1, sex: 1, postcode: 0.94, notes: 0.97 } },
  // heldout11 (writer R, thirty-ninth session: a Dumfries and Galloway and South Ayrshire practice group, a third of the
  // entries in EMIS PCS-style capitals with short lines and template headings, half naming other people). Measured only,
  // never read: on the session's starting code (1ea1766) 0 showing someone else's detail, read 40 of 40, refused 10 of
  // 10, notes 51 of 62; with the session's change to short lines in capitals 0, 40, 10, notes 57 of 62; after review39f's
  // round (a short line of everyday words is kept only where a need's phrase of two words or more, or a word no name
  // has, is read in it: the version before kept 15 names in review39f's pastes) 0, 40, 10, notes 56 of 62; after
  // review39h's (every word of such a line read by a need's phrase or spared, none under someone else's row) 0, 40, 10,
  // notes 54 of 62.
  heldout11: { leaks: 0, read: 1, refused: 1, fields: { name: 0.97, birthDate: 1, sex: 1, postcode: 0.94, notes: 0.87 } },
  // dev6 (writer O, thirty-sixth session: an Ayrshire and Arran salaried GP and practice nurse pasting whole screens,
  // journals, letters and Accurx threads carelessly), tuned on: first contact (the session's changes in) 1 of 50 showing
  // someone else's detail (1 on the starting code, 181ebd4), read 40 of 40, name 35 of 38, notes 90 of 100.
  // Then ("Pt" a name's label only before a name; "PT HOMELESS - IN B&B …" had been read as the name) name 35 of 37, notes 93.
  dev6: { leaks: 1, read: 1, refused: 1, fields: { name: 0.94, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.93 } },
  // dev7 (writer P, thirty-seventh session: the brief and voice writer N had, an Ayrshire and Arran GP with a links
  // practitioner, a pharmacist and district nurses), tuned on, scored as of 6 December 2025 (its writer's dates end on
  // 5 December 2025; scored as of this session's date at first, 21 of its 40 were refused for ages behind their dates).
  // First contact, on the session's code and on 8f4c082: 0 of 50 showing someone else's detail, read 39 of 40, name 32 of
  // 33, postcode 32 of 33, notes 70 of 75 (its relatives' numbers in
  // brackets keep two consultation lines out of the notes: a rule letting them in was withdrawn, docs/site-adapters.md).
  dev7: { leaks: 0, read: 0.97, refused: 1, fields: { name: 0.96, birthDate: 1, sex: 1, postcode: 0.96, notes: 0.93 } },
  // review36: a tenth hostile review, of the session's notes kept to the words a prompt can read and its date rule (it
  // read the diff and the reader): on the starting code (181ebd4) 21 of 40 showing someone else's detail, 1 of 12 to
  // refuse refused, 32 of 45 note phrases; on the round it reviewed 18, 1, 29 (two-digit years written as four-digit ones
  // read as past events, "punched her 14/10/23 and again last night"); after its round (two digits of year stay two, a
  // baby's age in weeks, month-first dates, a death's date only in its own sentence, a bare local number after a name,
  // only the readers' own placeholders kept) 12, 1, 32. Left: names that are prompt words ("paul", "desmond", "charlie"),
  // a care-of address, banner rows read as a name ("Pt attended with …"), second patients by age and sex alone.
  // Then "Pt" without a colon a name's label only before a name ("Pt attended with …" was read as the name): 11, name 25 of 28.
  // Then a given name that only phrases of several words use is read only inside one ("bf paul", "ex gordon"): 6.
  // Thirty-seventh session (a name the prompts read, straight after a relation's word, is a name: "HUSBAND BILL"): 5.
  review36: { leaks: 5, read: 1, refused: 0.08, fields: { name: 0.89, birthDate: 1, sex: 1, postcode: 0.94, notes: 0.71 } },
  // review37: an eleventh hostile review, of the thirty-seventh session's change (it read the diff and the reader): an age
  // a year or two behind a date of birth read as an older letter's let 3 more pastes show someone else's detail (another
  // person's 2024 letter with the same date of birth, a next of kin's address) and 3 of 6 to refuse read; withdrawn. Names
  // after a relation were narrowed (a possessive's word, "son's charlie", and months, "lost husband june", had been lost)
  // and widened to a comma or bracket between ("husband, bill,"). On the starting code (8f4c082) 15 showing someone
  // else's detail, read 27 of 34, refused 5 of 6, notes 22 of 23; as first written 18, 30, 2, 18; after its round 14, 27, 5, 22; then a
  // relative's name in lower case or a word in a problem title taken out ("carer for husband bill"): 13; then "hubby",
  // step-parents and "fiance" among the relations a name may follow in the notes (context.json ageOwners): 11. A comma or
  // a bracket between the relation and the name was then withdrawn after review37b (it took the patient's own "bill
  // went through the roof" after "for the baby,"): 12, the figure with that withdrawal.
  // Thirty-eighth session, names after the paste reader's relations and roles too, and lists of names: 11. Thirty-ninth
  // session, a name set off by commas or brackets after its relation ("husband, bill,", "husband (bill)"), before its
  // relation in brackets ("bill (husband)", "penny (daughter)"): 9.
  review37: { leaks: 9, read: 0.79, refused: 0.83, fields: { name: 0.96, birthDate: 0.96, sex: 1, postcode: 1, notes: 0.95 } },
  // review37b: a twelfth hostile review, of review37's round (30 pastes, aimed half at someone else's details, half at
  // the round taking the patient's own words). On the round: 17 showing someone else's detail (17 on the starting code,
  // 8f4c082), notes 37 of 40 (40), months in problem titles read as names ("wife Jan/23"), a fuel need lost ("for the
  // baby, bill went through the roof"), two mood needs lost to the mood lexicon change. Its round: months out of problem
  // titles, no comma or bracket between a relation and a name in the notes, the mood change withdrawn, "hubby" read as
  // "husband" and "fiancé" as "fiance" (spelling.json; a safety need found, three wrong substance prompts gone): 14, 40.
  // Thirty-eighth session: a name the prompts read after the paste reader's own relations and roles too ("landlord
  // ken", "CPN ken", "mother-in-law joy", "her fella bill"), and further names joined to one ("sons bill & ken", "kids
  // [name] & penny"): 10 after its first round, 9 after the second (review38b's) and the third (review38c's).
  review37b: { leaks: 9, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review38: a thirteenth hostile review, of that change (36 pastes; it read the diff). On the starting code 24 showing
  // someone else's detail, notes 62 of 62; as first written 14 and 59 ("landlord bill debt", "carer bill arrears",
  // "husband ken and bill arrears" lost their bill; "other half bill arrears" after "she pays half"); after its round
  // 4 and 61, 4 and 62 after review38b's round, 3 and 62 after review38c's, 4 and 62 after review38f's (a relation's
  // possessive without its apostrophe sends bills: "Grandsons bill and ken", left by the starting code too), 3 and 62
  // after review38g's (a plural role is no possessive). Left: names after a comma ("her husband, bill, drinks"), "son wee
  // bill", lists with commas. (The notes figure counts a phrase found as written too, since the thirty-eighth session:
  // "landlord bill" on its own reduces to "landlord …", and in the notes "landlord bill £850" keeps its bill.) Thirty-ninth
  // session (commas and brackets round a name after its relation, "son wee bill", lists with commas): 1.
  review38: { leaks: 1, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review38b: a fourteenth hostile review, of review38's round (34 pastes). On the starting code 17 showing someone
  // else's detail, notes 36 of 36; on the round 13 and 33: its noun rule had let through names after the prompts' own
  // relation words ("husband bill for hip op", "son billy due in court", "husband ken problems with alcohol") and its
  // roles took the patient's own bill ("Dreading the carer bill this winter", "behind with the landlord bill", "mums
  // bill at the care home") and Scots "ken" ("her pals ken she is drinking"). Its round: the noun rule only after a
  // role or in a list; a word of a matched phrase never taken ("dreading ~3 bill"); "bill" never a name after a role
  // that sends bills written as the thing ("the carer", "carers"; `billSenders`); "ken" not before a pronoun; a list's
  // name not before a preposition ("and joy in life"); more roles ("social worker", "befriender", "boss"). After it 3,
  // notes 36 of 36. Left: "husband bill. bill drinking" (a name repeated alone), "children: billy (8), penny (5)", "lives
  // with bill (husband)". Both taken in the thirty-ninth session: 1.
  review38b: { leaks: 1, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review38c: a fifteenth hostile review, of review38b's round (36 pastes). On the starting code 17 showing someone
  // else's detail; on the round 14, with 14 of the patient's own words taken ("Carer bill gone up again", "Home help
  // bill through the roof", "Worrying about landlord bill", "bf penny pinching", "Pals ken aboot her drinking") and 3
  // names let through that the starting code took ("Son ken the only one who visits": the Scots "ken" rule had applied
  // after the prompts' own relation words). After its round and review38d's: 1 ("Carers bill and ken come": the first
  // a carer's name), notes 45 of 45, none of the patient's own words taken (each paste compared with the starting code).
  review38c: { leaks: 1, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review38d: a sixteenth hostile review, of review38c's round (35 pastes). On the starting code 15 showing someone
  // else's detail (by its harness); on the round 12, with 11 of the patient's own words taken (what a bill does too
  // among the person verbs: "Carer bill keeps going up", "Home help bill takes most of her pension"; "Grandkids joy of
  // her life"; "Neighbours ken her son is dealing") and 6 names let through that the starting code took, each in a
  // false fuel or money prompt's reason: a word of a matched phrase had been spared ("Dreading husband bill getting out
  // of prison", "Cant afford funeral for husband bill"). Its round: that exemption withdrawn (after a role that sends
  // bills the bill rule covers it); only what a person does, not what a bill does, makes "bill" a name there; "ken" a
  // verb before her, his, the, a, "aboot" (as written); "joy of", "joy in"; after a name taken a list's next name is
  // taken before "at" ("grandkids billy and penny at school"); "auld man", warden, OT, childminder. After it 1
  // ("sons [name] and bill in prison": a preposition after the reader's "[name]" keeps the word), notes 50 of 50, none
  // of the patient's own words taken (each paste compared with the starting code). 2 after review38f's round, which took
  // "putting" out of the person's verbs after a role that sends bills ("landlady bill putting pressure on her", left by
  // the starting code too; "Carer bill putting her into debt" is the patient's).
  review38d: { leaks: 2, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review38e: a seventeenth hostile review, of review38d's round (39 pastes). On the starting code 18 showing someone
  // else's detail; on the round 16, with 7 names let through that the starting code took ("joy" before "in" or "of"
  // had been a word straight after wife, mum, daughter: "wife joy in hospice", "Caring for mum joy in her own home",
  // quoted in a caring prompt's reason) and 10 of the patient's own words taken ("Care worker bill gone up", "Fathers
  // bill at care home unpaid", "Neighbours ken naebody visits her", "Pals joy riding"). Its round: a word after a name
  // makes it a word only after a role or in a list, never after a relation word, and "joy in" never; more roles that
  // send bills (childminder, care worker, "mothers", "husbands"); a month heading a list reads as "[name]" does; after a
  // plural role "ken" is the verb unless a person's verb follows; "dil", "aunty", "bairn". After it 2 ("husband bill's
  // drinking", a possessive after a relation, left; "2 kids billy 8 and penny 6", a list across ages), notes 57 of 58
  // ("Husband penny pinching": after a relation word a name is taken whatever follows), each paste compared with the
  // starting code: no other word of the patient's taken. The possessive taken in the thirty-ninth session: 1.
  review38e: { leaks: 1, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.98 } },
  // review38f: an eighteenth hostile review, of review38e's round (32 pastes), aimed first at names the starting code
  // took that the round shows: none. On the starting code 15 showing someone else's detail; on the round 10, with 15 of
  // the patient's own words taken (what a bill does too still among the person's verbs: "Carer bill putting her into
  // debt", "Carers bill hit £900", "Carer bill says she owes £800"; a relation's possessive not on the list, "brothers
  // bill for funeral"; "Befriender joy to visit weekly" read as a word). Its round: only what a person alone does makes
  // a bill-sender's "bill" a name; every relation's possessive without its apostrophe sends bills; "bill for", "bill
  // collectors" are the bill after any role and in a list; "joy to" and "joy and" are words only after a plural role,
  // and "joy and" only when no name follows. After it 7 (each left by the starting code too), notes 48 of 48, none of
  // the patient's own words taken (each paste compared with the starting code). Its writer's addresses hid 10 postcodes.
  // Thirty-ninth session (lists with commas, "Kids [name], penny and joy"): 6.
  review38f: { leaks: 6, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 0.52, notes: 1 } },
  // review38g: a nineteenth hostile review, of review38f's round (36 pastes): no name let through that the starting code
  // took; 21 showing someone else's detail on the starting code, 7 on the round, 7 of the patient's words taken ("SW
  // bill going up", "Warden bill due", "husband ken and bill worries", "son billy and bill from council"). Its round:
  // social work and a warden send bills; in a list "bill" before any word of nounsAfterAName is the bill; plural roles
  // are a list, not every role ending in "s" ("Sis joy to visit" is her name); a list goes on only from a head that is
  // a name; "took", "stole", "refusing" are a person's ("Carer bill took her bank card"; "Dads bill took all his
  // savings" loses its bill, the one word of the patient's the session takes on purpose besides "Husband penny
  // pinching"). After it 2, notes 36 of 36.
  review38g: { leaks: 2, read: 1, fields: { name: 1, birthDate: 1, sex: 1, notes: 1 } },
  // review39: a twentieth hostile review, of the thirty-ninth session's first round (37 pastes: a name set off by commas
  // or brackets after its relation, after "wee", as a possessive, before its relation in brackets, lists with commas, a
  // name again at a sentence's start, more of a person's verbs). On the session's starting code (1ea1766) 22 showing
  // someone else's detail; on the round 12, with 12 of the patient's own words taken ("wife joy, bill went through the
  // roof", "takes every penny (son)", "Dreading kids big bill", "Bill, the gas and the rent all behind", "Carer bill
  // texted"). Its round: a comma joins names only in a list that closes with "and" and a name; only "wee", "little",
  // "lil" between, and then "bill" only before what a person does; before its relation in brackets only after "with",
  // "and"..., "bill" not before money; "bill" in brackets at a sentence's end is the bill; a name again not before a
  // comma, and across lines (the paste reader reduces the whole notes at once); "hit her" after a role that sends bills;
  // quotes, "(bill, 58)", "Kids: bill, ken and joy", "bill, her husband,". After it 5 (each left by the starting code
  // too: "She says bill hit her", no relation; "Seen with penny (SW)"), notes 42 of 42, none of the patient's own words
  // taken (each paste compared with the starting code). 4 after the later rounds.
  review39: { leaks: 4, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // review39b: a twenty-first hostile review, of the thirty-ninth session's change to short lines in capitals (36
  // pastes). On the session's starting code 0 showing someone else's detail and notes 18 of 45 ("DRINKS HEAVILY", "RENT
  // ARREARS", "NOT COPING" had been dropped whole as names alone on their lines); on the change as first written 14
  // showing a name of everyday words ("JUNE WALKER", "May Little", "PEG WALKER", "Olive Cook") and 5 headings prompting
  // with their negative answer on the next line ("DOMESTIC ABUSE" / "No"). Its round: such a line is kept only where a
  // need is read in it and no word may be a given name (`givenNamesThatAreWordsOnALine`); a heading and its answer are
  // joined. After it 0, notes 44 of 45; 43 of 45 after review39f's round, which keeps such a line only where a need's
  // phrase of two words or more, or a word no name has, is read in it ("MUM WORRIED" is lost again).
  // 42 of 45 after review39i's round (a line in capitals about a relative opens their rows again, whatever its words).
  review39b: { leaks: 0, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.93 } },
  // review39c: a twenty-second hostile review, of review39's round (34 pastes). On the starting code 21 showing someone
  // else's detail, notes 33 of 34; on the round 12, with 12 of the patient's own words taken ("Dreading the carer bill
  // - hit her hard", "Carer bill pushed him into debt": a bill does that too; "her man, ken, he's aye drinking", the
  // Scots "you know"; "for the kids bill's £200"; "with husband (DESMOND)", the course; "the kids' bill"; "Bill - red
  // letter" carried from an older entry). Its round: "hit", "grabbed", "shoved" a person's only before a person in the
  // same clause and not "hit her hard"; "pushed", "texted" withdrawn; punctuation round a name only for the lexicon's own
  // names, never commas round "ken"; quotes open after a space only; "bill's" after a plural or before money is "bill
  // is"; a name again only before a word in its clause, "bill" only before what a person does, and not past a dated
  // journal header; "(her husband)", "bill, husband,", "Husband: bill,", "(BILL, 62 YRS)", "has threatened". After it
  // 6 (each left by the starting code too: "Son wee bill in trouble", "Spoke to joy today", "Kids bill, ken, joy"), notes
  // 33 of 34, none of the patient's own words taken (each paste compared with the starting code).
  // 5 after the later rounds.
  review39c: { leaks: 5, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.97 } },
  // review39d: a twenty-third hostile review, of review39b's round on short lines in capitals (30 pastes). On the
  // starting code 3 showing someone else's detail, notes 18 of 39; on the round 13: names of a given name the lists call
  // no word and a surname that is a need word ("KEN GRIEVE", "Billy PRICE", "KEN LOW", "Ken Cash"), where the need read
  // in them is what kept them; and a narrative line joined to "Denies" below it lost its safety need. Its round: no
  // word any list of given names holds, no initial, none of the names read after a relation; a two-word line after one
  // that introduces someone or above a role or a phone number is a name; a heading to join is five words at most, no
  // comma. After it 3 (each left by the starting code too), notes 36 of 39, refused 1 of 2 (as the starting code); notes
  // 34 of 39 after review39h's round, which keeps a short line only where every word is read by a need's phrase or spared.
  // 31 of 39 after review39i's round.
  review39d: { leaks: 3, read: 1, refused: 0.5, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.79 } },
  // review39e: a twenty-fourth hostile review, of review39c's round (41 pastes). On the starting code 23 showing someone
  // else's detail, notes 40 of 41; on the round 13, with 18 of the patient's own words taken ("Carer bill kicked in",
  // "Carer bill hit him badly", "£150 to daughter (bill) and £300 rent", "Grandson little joy in her life", "Stressors:
  // husband, bill, kids"). Its round: "kicked" withdrawn; "hit" and a person are the person's only after a role who is
  // a person (landlord, landlady, factor, warden: `billSendersWhoArePeople`), whatever follows; "bill" set off by
  // punctuation only before what a person does; an age in brackets 105 at most; no "joy" after "little" or "wee"; "of"
  // before a bracketed relation; a name again after "after", "with", "to" mid-sentence; "bill's been banging". After it
  // 7 (each left by the starting code too), notes 40 of 41, none of the patient's own words taken (each paste compared
  // with the starting code).
  review39e: { leaks: 7, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.97 } },
  // review39f: a twenty-fifth hostile review, of review39d's round on short lines in capitals (30 pastes). On the
  // starting code 1 showing someone else's detail, notes 36 of 54; on the round 16: forenames no list of given names
  // holds (Peter, Pip, Sunday, Peace) beside a surname that is a need word ("PETER GRIEVE", "Pip Cook", "PEACE FOOD"),
  // and "Family support" / "Nil" joined as answered no. Its round: a short line of everyday words is kept only where a
  // need's phrase of two words or more, or a word no name has, is read in it; a relation's label names someone whatever
  // its words; only a heading that names a problem, or names nothing the patient has, joins its answer; a dated
  // letterhead stays one unless it ends with "Surgery". After it 1 (left by the starting code too), notes 49 of 54; 48
  // of 54 after review39h's round.
  // 45 of 54 after review39i's round.
  review39f: { leaks: 1, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.83 } },
  // review39g: a twenty-sixth hostile review, of review39e's round (35 pastes). On the starting code 20 showing someone
  // else's detail, notes 37 of 37; on the round 14, with 10 of the patient's own words taken ("for the baby bill's went
  // through the roof", "Letter about carer bill told her she owes £800", "help with rent (council) and bill (son).",
  // "Since losing her husband, joy, appetite and sleep all gone") and 3 names let through that the starting code took
  // ("Landlord bill - shouting and threatening her": what a person does was looked for only in the name's clause). Its
  // round: across one comma or dash what only a person does still makes the name; "bill's" only before what a person
  // does; "told" a person's only before a person and after a role who is one; a name again not after "re" or "about";
  // before a bracketed relation "bill" not at its sentence's end; "joy" and "penny" between commas only before what a
  // name does (`verbsAfterAName`); "slapped", "hits", "kicked" before a person. After it 4 (each left by the starting
  // code too), notes 36 of 37: "Says bill took all their savings" (after "Husband bill" earlier) loses its bill, on
  // purpose, as "Dads bill took all his savings" did in the thirty-eighth session.
  review39g: { leaks: 4, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.97 } },
  // review39h: a twenty-seventh hostile review, of review39f's round on short lines in capitals (31 pastes). On the
  // starting code 1 showing someone else's detail, notes 23 of 42; on the round 15: a short line under a relative's
  // row ended that row, so the line after it, a phone, was read as the patient's ("Carer: Mrs June Walker (daughter)" /
  // "ALSO CARES FOR HUSBAND" / "Mob 07700 900461"); a relative's own lines kept ("NO FIXED ABODE", "ON METHADONE" under a
  // son's row); names beside a need's words ("SUNDAY PRICE WORK COACH", "SEEN WITH PEACE GRIEVE"); and "Mum reports
  // partner hits her" / "Denies" joined as answered no. Its round: a relative's rows go on as before; a short line is
  // the notes only where every word is read by a need's phrase, or is a small word, a relation's, or a word of time or
  // of what was done (`wordsBesideANeedOnALine`), a word read only by a phrase of one word only beside such a word, and
  // never under someone else's row; only a heading with no relation's or reporting word joins, and "Denies" only a
  // problem heading. After it 1 (left by the starting code too), notes 33 of 42; 30 of 42 after review39i's round.
  review39h: { leaks: 1, read: 1, refused: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.71 } },
  // review39i: a twenty-eighth hostile review, of the whole session's change before release (30 pastes). On the
  // starting code 0 showing someone else's detail, postcode 24 of 24, notes 26 of 30; on the code it read 19, postcode
  // 21 of 28: a line in capitals about a relative that names nobody ("WIFE IN NURSING HOME", "SON IN PRISON") no longer
  // opened their rows, so their phone or address below it was read as the patient's, a release blocker; and headings of
  // help or engagement joined to "None" ("Support with rent arrears" / "None") lost their needs. Its round: such a line
  // opens the relative's rows as on the starting code; a heading of help, support, a service, engagement, a referral or
  // access never joins. After it 0, postcode 24 of 24, notes 27 of 30.
  review39i: { leaks: 0, read: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 0.9 } },
};

describe.each(Object.keys(FLOORS))('pasted-text corpus, %s', (half) => {
  const s = score(half);
  const floor = FLOORS[half] as Floor;
  const figures = {
    leaks: s.leaks,
    read: ratio(s.shouldRead.read, s.shouldRead.total),
    refused: ratio(s.shouldRefuse.refused, s.shouldRefuse.total),
    ...Object.fromEntries(Object.entries(s.fields).map(([f, t]) => [f, ratio(t.right, t.checked)])),
  };
  test('every typed number is valid (the corpus is sound)', () => {
    expect(s.badTyped).toEqual([]);
  });
  test('another person\u2019s details: no more pastes than the floor', () => {
    expect(s.leaks, JSON.stringify(figures)).toBeLessThanOrEqual(floor.leaks);
  });
  test('read and refused when they should be', () => {
    expect(figures.read, JSON.stringify(figures)).toBeGreaterThanOrEqual(floor.read);
    if (floor.refused === undefined) expect(s.shouldRefuse.total, 'a set with no floor for refusals has none to refuse').toBe(0);
    else expect(figures.refused, JSON.stringify(figures)).toBeGreaterThanOrEqual(floor.refused);
  });
  test.each(Object.keys(s.fields))('%s read right', (field) => {
    const least = floor.fields[field as keyof Floor['fields']];
    if (least === undefined) expect(s.fields[field as keyof PasteScore['fields']].checked, `a set with no floor for ${field} checks none`).toBe(0);
    else expect(figures[field as keyof typeof figures], JSON.stringify(figures)).toBeGreaterThanOrEqual(least);
  });
});
