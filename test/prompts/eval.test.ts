// The notes corpus as a regression gate (#14): the figures scripts/eval-prompts.ts
// prints must not fall below what was reached when this test was written.
// Thresholds are the reached figures rounded to the next 0.01 in the strict
// direction; they may be raised, never loosened. Only aggregates of the
// held-out half are compared (and shown on failure), never an item.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { burden, type Kind, parseCorpus, precision, recall, type Score, scoreCorpus } from '../../scripts/lib/score-prompts';

const score = (half: string): Score =>
  scoreCorpus(parseCorpus(JSON.parse(readFileSync(resolve(__dirname, `../fixtures/notes/${half}.json`), 'utf8'))));

interface Floor {
  recall: number;
  precision: number;
  positivePrecision: number;
  /** Most shares of notes of a kind that may get any prompt (neutral = the neutral burden). */
  promptedAtMost: Record<Exclude<Kind, 'positive'>, number>;
}

// Reached on 2 December 2026, later (after dev12 to dev15 and three reviews' withdrawals): recall 0.806 (112/139),
// precision 0.911 (112/123), the other figures unchanged; the floor went up to 0.80 / 0.91.
// Reached on 2026-12-02 (after tuning on dev2 to dev11, never on this half): held-out recall 0.799 (111/139),
// precision 0.910 (111/122), positive-note precision 0.991, neutral 0/36, negated 2/30, historical 1/18,
// other-person 4/18, hypothetical 2/13 notes with any prompt. For a while the dev9/dev10 round reached precision
// 0.917 (111/121) and this floor was 0.91; the rule behind it ("she" in a man's notes is someone else) hid domestic
// abuse wording ("He is stalking her") and was withdrawn, so the floor went back to 0.90, the figure before it.
// (Before dev4 to dev7: 0.777 / 0.893, negated 3/30; first floors: 0.755 / 0.875, negated 4/30, historical 2/18.)
// Reached on 3 December 2026 (after a child's household and stressor-with-sleep, both from development halves and
// hostile reviews, never from this half): recall 0.813 (113/139), precision 0.911 (113/124), the rest unchanged.
// Reached later that day, with the "worried about a relative" cue (from dev22 and a hostile review): precision 0.919
// (113/123), other-person notes prompted 3/18.
// Reached on 3 December 2026, eleventh session (dev23 and dev24 and four hostile reviews; never tuned on this half):
// precision 0.926 (113/122), positive-note precision 1.000, with the other-sex pronoun cue; recall unchanged.
// Reached on 4 December 2026, eighteenth session (the dev39, dev40 and dev42 rounds and two hostile reviews; never tuned
// on this half, aggregates only): precision 0.943 (115/122), negated 1/30, hypothetical 1/13; recall unchanged.
const HELD_OUT: Floor = {
  // 0.827 (115/139) from the seventh session to the thirty-first; 0.834 (116/139) after dev97's round (thirty-second).
  recall: 0.834,
  precision: 0.942,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.04, historical: 0.06, 'other-person': 0.17, hypothetical: 0.08 },
};
// Development half (tuned on): recall 0.993 (137/138), precision 1.000, nothing prompted on any non-positive note.
const DEV: Floor = {
  recall: 0.992,
  precision: 1,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.01, historical: 0.01, 'other-person': 0.01, hypothetical: 0.01 },
};

// Development half 2 (dev2.json, a third author; tuned on since): reached on 2026-12-02 recall 0.949 (167/176),
// precision 0.994 (167/168), positive-note precision 1.000; other-person 1/20 notes prompted, every other kind 0.
const DEV2: Floor = {
  recall: 0.948,
  precision: 0.994,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.01, historical: 0.01, 'other-person': 0.05, hypothetical: 0.01 },
};

// Development half 3 (dev3.json, a fourth author in new voices: Scots, shorthand, misspellings). First contact,
// before any tuning on it: recall 0.761 (108/142), precision 0.812 (108/133). Tuned on since with general changes;
// reached on 2026-12-02 recall 0.979 (139/142), precision 0.952 (139/146), positive-note precision 0.986;
// negated 1/30, other-person 3/18 notes prompted, every other kind 0.
const DEV3: Floor = {
  recall: 0.978,
  precision: 0.958,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0.01, negated: 0.01, historical: 0.01, 'other-person': 0.17, hypothetical: 0.01 },
};

// Development half 4 (dev4.json, a fifth author: practice nurses, ANPs, pharmacists, district nurses). First contact,
// before any tuning on it: recall 0.764 (97/127), precision 0.866. Tuned on since with general changes; reached on
// 2026-12-02 recall 0.976 (124/127), precision 0.947 (124/131), positive-note precision 1.000; negated 2/30,
// historical 1/20, other-person 3/18, hypothetical 1/12, neutral 0/35 notes prompted.
const DEV4: Floor = {
  recall: 0.976,
  precision: 0.946,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.07, historical: 0.05, 'other-person': 0.17, hypothetical: 0.09 },
};

// Development half 5 (dev5.json, a sixth author: GPs on the phone, SOAP shorthand, interpreted consultations).
// First contact: recall 0.881 (111/126), precision 0.771. Reached on 2026-12-02 recall 0.992 (125/126), precision
// 0.856 (125/146), positive-note precision 0.984; negated 5/30, historical 3/20, other-person 7/18,
// hypothetical 1/12, neutral 0/35 notes prompted. (0.862 and 4/30 for a while with the label-answer reach over a
// whole label, withdrawn after review because it hid "Husband kicked her - denies SOB".)
const DEV5: Floor = {
  recall: 0.992,
  precision: 0.862,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0.01, negated: 0.14, historical: 0.15, 'other-person': 0.34, hypothetical: 0.09 },
};

// Development half 6 (dev6.json, a seventh author: deep-end Glasgow and island GPs, long narrative notes and letters,
// needs mostly shown indirectly). First contact: recall 0.575 (61/106), precision 0.530 (61/115). Reached on
// 2026-12-02 recall 0.925 (98/106), precision 0.742 (98/132), positive-note precision 0.951; negated 6/25,
// historical 5/18, other-person 10/15, hypothetical 2/12, neutral 0/30 notes prompted. (0.748 and 9/15 for a while
// with the "to pass on" cue, withdrawn after review: "wants to pass on" also means to die.)
const DEV6: Floor = {
  recall: 0.924,
  precision: 0.753,
  positivePrecision: 0.951,
  promptedAtMost: { neutral: 0.01, negated: 0.24, historical: 0.28, 'other-person': 0.67, hypothetical: 0.09 },
};

// Development half 7 (dev7.json, an eighth author: receptionists, care navigators, practice mental health nurses,
// physiotherapists, CLPs). First contact: recall 0.709 (73/103), precision 0.793 (73/92). Reached on 2026-12-02
// recall 0.981 (101/103), precision 0.878 (101/115), positive-note precision 0.962; negated 3/25, historical 2/18,
// other-person 1/15, hypothetical 3/12, neutral 1/30 notes prompted. (0.886 and 2/25 for a while with cues withdrawn
// after review, as for dev5.)
const DEV7: Floor = {
  recall: 0.98,
  precision: 0.885,
  positivePrecision: 0.961,
  promptedAtMost: { neutral: 0.04, negated: 0.12, historical: 0.12, 'other-person': 0.01, hypothetical: 0.25 },
};

// Development half 8 (dev8.json, a ninth author: GP, mental health nurse, health visitor, school nurse and OOH voices,
// many mental wellbeing, work, family and caring notes). First contact, after tuning on dev2 to dev7 and before any
// change for it: recall 0.936 (117/125), precision 0.854 (117/137). Reached on 2026-12-02 recall 0.976 (122/125),
// precision 0.904 (122/135), positive-note precision 0.938; negated 2/22, historical 1/16, other-person 0/15,
// hypothetical 2/12, neutral 0/25 notes prompted.
const DEV8: Floor = {
  recall: 0.976,
  precision: 0.91,
  positivePrecision: 0.938,
  promptedAtMost: { neutral: 0.01, negated: 0.1, historical: 0.07, 'other-person': 0.01, hypothetical: 0.09 },
};

// Development half 9 (dev9.json, a tenth author: GP registrars, locums, community psychiatric nurses; extra mental
// wellbeing, work and family notes). First contact, after tuning on dev2 to dev8 and before any change for it: recall
// 0.837 (128/153), precision 0.842 (128/152). Reached on 2026-12-02 recall 0.928 (142/153), precision 0.855
// (142/166), positive-note precision 0.986; negated 5/22, historical 3/18, other-person 5/16, hypothetical 6/14,
// neutral 0/25 notes prompted. (Precision was 0.900 for a while with rules withdrawn after two reviews because
// they hid real needs: "she" in a man's notes, sentence-wide "abstinent since", "might", "as a precaution"...)
// Later on 2026-12-02, with phrases learned from dev14/dev15: recall 0.941 (144/153), precision 0.857 (144/168).
const DEV9: Floor = {
  recall: 0.947,
  precision: 0.878,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0.01, negated: 0.23, historical: 0.12, 'other-person': 0.25, hypothetical: 0.36 },
};

// Development half 10 (dev10.json, an eleventh author: EMIS/Vision review templates, nurse and HCA reviews, pasted
// letters). First contact, same point: recall 0.933 (126/135), precision 0.851 (126/148). Reached on 2026-12-02
// recall 0.963 (130/135), precision 0.867 (130/150), positive-note precision 1.000; negated 5/22, historical 4/17,
// other-person 5/16, hypothetical 3/14, neutral 0/25 notes prompted. (0.915 for a while with rules withdrawn after
// three reviews: the template answers "own car" and "daughter drives her" reached every need of the label before
// them, "Afraid of partner - partner drives her" lost safety.)
const DEV10: Floor = {
  recall: 0.962,
  precision: 0.902,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.23, historical: 0.24, 'other-person': 0.13, hypothetical: 0.15 },
};

// Development half 11 (dev11.json, a twelfth author: compact EMIS entries by busy GPs, mood and grief shown by what
// people do; extra mental wellbeing, work and family). First contact, after the dev9/dev10 round and the review's
// corrections, before any change for it: recall 0.833 (120/144), precision 0.851 (120/141). Reached on 2026-12-02
// recall 0.924 (133/144), precision 0.875 (133/152), positive-note precision 0.985; negated 2/22, historical 2/18,
// other-person 3/16, hypothetical 6/14, neutral 1/25 notes prompted. (0.931 / 0.912 for a while with cues withdrawn
// after the second review.)
const DEV11: Floor = {
  recall: 0.923,
  precision: 0.886,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.06, 'other-person': 0.19, hypothetical: 0.36 },
};

// Development halves 12 to 15 (four more authors, each given only test/fixtures/notes/BRIEF.md and a voice brief):
// dev12 practice nurses, pharmacists and wellbeing practitioners (mood, work); dev13 Deep End triage and eConsult
// Q&A in Scots; dev14 rural and island practices and CLP summaries; dev15 health visitors, midwives and young people.
// First contact (dev14 and dev15 after the review corrections, before any change for them): dev12 0.914 / 0.860,
// dev13 0.933 / 0.824, dev14 0.799 / 0.793, dev15 0.895 / 0.859. Reached on 2026-12-02 after four reviews'
// withdrawals: dev12 0.961 (123/128) / 0.872 (123/141), dev13 0.978 (132/135) / 0.830 (132/159), dev14 0.893
// (133/149) / 0.806 (133/165), dev15 0.965 (138/143) / 0.868 (138/159). (dev12, dev13 and dev15 were 0.879, 0.846
// and 0.879 for a while with a question's "no" read as a denial, withdrawn after the fourth review.)
const DEV12: Floor = {
  recall: 0.96,
  precision: 0.891,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.01, negated: 0.19, historical: 0.12, 'other-person': 0.25, hypothetical: 0.09 },
};
const DEV13: Floor = {
  recall: 0.977,
  precision: 0.851,
  positivePrecision: 0.97,
  promptedAtMost: { neutral: 0.01, negated: 0.1, historical: 0.34, 'other-person': 0.25, hypothetical: 0.08 },
};
const DEV14: Floor = {
  recall: 0.906,
  precision: 0.828,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0.01, negated: 0.19, historical: 0.17, 'other-person': 0.44, hypothetical: 0.36 },
};
const DEV15: Floor = {
  recall: 0.965,
  precision: 0.878,
  positivePrecision: 0.971,
  promptedAtMost: { neutral: 0.01, negated: 0.05, historical: 0.23, 'other-person': 0.32, hypothetical: 0.29 },
};

// Development half 16 (seventh session; a seventeenth author, given only BRIEF.md and a voice brief: GP registrars,
// locums and practice mental-health nurses, fit-note and return-to-work notes, parents; mental wellbeing, work and
// family weighted). First contact: 0.809 (131/162) / 0.929 (131/141). Reached on 2026-12-02, after a hostile
// review withdrew the slash-in-a-figure reading and eight phrases: 0.864 (140/162) / 0.933 (140/150).
// Reached on 2026-12-03 with a child's household (two notes of a parent describing the home) and stressor-with-sleep:
// 0.877 (142/162) / 0.934 (142/152).
const DEV16: Floor = {
  recall: 0.882,
  precision: 0.947,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.05, historical: 0.23, 'other-person': 0.07, hypothetical: 0.08 },
};

// Development half 17 (eighth session; an eighteenth author, given only BRIEF.md and a voice brief: community and
// practice pharmacists, NHS 24 and out-of-hours telephone notes, nurse practitioners' long-term condition reviews,
// EMIS/Vision template answers; fuel, digital, transport, legal, safety, money and long-term conditions weighted).
// First contact, before any tuning on it: 0.930 (132/142) / 0.874 (132/151).
const DEV17: Floor = {
  recall: 0.929,
  precision: 0.897,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0.04, negated: 0.14, historical: 0.06, 'other-person': 0.32, hypothetical: 0.22 },
};

// Development half 18 (ninth session; a nineteenth author, given only BRIEF.md and a voice brief: terse GP telephone
// and e-consult notes, practice nurses' chronic disease reviews with the social detail mid-note, registrars' SOAP
// notes, mental health reviews, fit notes, patients' own words in Scots; mood, work, money, caring and family
// weighted). First contact, before any tuning on it: 0.934 (128/137) / 0.848 (128/151), positive notes 0.977.
// Reached on 2026-12-03, after a hostile review withdrew seven of nine new phrases: 0.942 (129/137) / 0.849 (129/152).
const DEV18: Floor = {
  recall: 0.948,
  precision: 0.872,
  positivePrecision: 0.977,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.23, 'other-person': 0.25, hypothetical: 0.22 },
};

// Development half 19 (ninth session; a twentieth author, given only BRIEF.md and a voice brief: a surgery day's
// notes by GPs and a mental health and wellbeing nurse, grief and low mood shown through what the patient cannot
// do, work stress and absence, carers, parents of teenagers, students; mood (bereavement), work, family, caring and
// money weighted). First contact, before any tuning on it: 0.874 (132/151) / 0.800 (132/165), positive notes 0.936.
// Reached on 2026-12-03, after two hostile reviews (405 notes) withdrew ten of twelve phrases written for its
// misses: 0.881 (133/151) / 0.806 (133/165), positive notes 0.9366, neutral 2/25.
// Reached on 2026-12-03 with a child's household and stressor-with-sleep: 0.894 (135/151) / 0.808 (135/167).
const DEV19: Floor = {
  recall: 0.894,
  // 0.813 until the fourteenth session's work-violence look-alike ("assaulted by a pupil" is no domestic safety need).
  precision: 0.818,
  positivePrecision: 0.944,
  promptedAtMost: { neutral: 0.08, negated: 0.28, historical: 0.28, 'other-person': 0.19, hypothetical: 0.22 },
};

// Development half 20 (tenth session; a twenty-first author, given only BRIEF.md and a voice brief: a rural and
// island practice in the Highlands and Western Isles over a winter month, two GPs, a district nurse, the practice
// pharmacist, a practice nurse and receptionists' messages; distance, ferries, one bus a day, oil and solid fuel,
// seasonal work, patchy signal; transport, loneliness, fuel, digital, caring, long-term condition and work weighted).
// First contact, before any tuning on it: 0.750 (105/140) / 0.840 (105/125), positive notes 1.000, neutral 1/24.
// Reached on 2026-12-03 after a hostile review (213 notes) withdrew or narrowed most of the phrases written for it:
// 0.829 (116/140) / 0.859 (116/135). With dev21's alcohol units and "disclosed DA": 0.843 (118/140) / 0.861 (118/137).
const DEV20: Floor = {
  recall: 0.85,
  precision: 0.868,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.05, negated: 0.19, historical: 0.12, 'other-person': 0.44, hypothetical: 0.08 },
};

// Development half 21 (tenth session; a twenty-second author, given only BRIEF.md and a voice brief: a city-centre
// Glasgow practice with a homeless health service and many asylum seekers and refugees; GPs through interpreters,
// a homelessness nurse, the shared-care drug and alcohol worker, the links practitioner's triage, keyworkers'
// messages, pasted discharge summaries; legal, housing, money, food, safety, substances, digital, family weighted).
// First contact, before any tuning on it: 0.807 (130/161) / 0.909 (130/143), positive notes 0.985, neutral 1/25.
// Reached on 2026-12-03 after a hostile review (272 notes) narrowed or withdrew the phrases written for it:
// 0.876 (141/161) / 0.916 (141/154).
const DEV21: Floor = {
  recall: 0.875,
  precision: 0.921,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0.04, negated: 0.05, historical: 0, 'other-person': 0.25, hypothetical: 0.15 },
};

// Development half 22 (tenth session; a twenty-third author, given only BRIEF.md and a voice brief: an
// ex-industrial town in North Lanarkshire, working-age patients; GPs, an MSK physiotherapist, occupational health
// letters, the pharmacist, a community mental health nurse, a registrar's telephone triage; work, money, gambling and
// drink, mood, caring, legal, activity weighted). First contact, before any tuning on it: 0.915 (140/153) / 0.819
// (140/171), other-person notes prompted 11/16. Nothing was tuned on it: the "worried about a relative" cue its
// other-person notes suggested was narrowed by a hostile review until it no longer changes this set.
const DEV22: Floor = {
  recall: 0.928,
  precision: 0.85,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0.01, negated: 0.14, historical: 0.12, 'other-person': 0.57, hypothetical: 0.22 },
};

// Development half 23 (dev23.json, a twenty-fourth author: a small-town Fife practice, working families, parents,
// young and sandwich carers, kinship carers; family, caring, mood, food, money weighted). First contact, before any
// tuning on it: 0.869 (139/160) / 0.818 (139/170); negated 8/22, historical 8/18 notes prompted. Tuned on since
// (eleventh session) and narrowed by two hostile reviews.
const DEV23: Floor = {
  recall: 0.937,
  precision: 0.872,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0.01, negated: 0.32, historical: 0.23, 'other-person': 0.2, hypothetical: 0.08 },
};

// Development half 24 (dev24.json, a twenty-fifth author: a university-town practice, students home and
// international, hospitality and gig workers, older residents; loneliness, mood, money, housing, food, substances,
// safety, legal weighted). First contact, before any tuning on it: 0.855 (136/159) / 0.777 (136/175) (at the
// session's start: 0.855 / 0.773). Tuned on since and narrowed by a hostile review.
const DEV24: Floor = {
  recall: 0.937,
  precision: 0.805,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0.01, negated: 0.24, historical: 0.34, 'other-person': 0.38, hypothetical: 0.47 },
};

// Development half 25 (dev25.json, a twenty-sixth author: an Edinburgh/Leith practice's link-worker triage list,
// telephone and home-visit notes, district and frailty nurses, pasted social work emails; caring, loneliness, money,
// safety, mood, food, fuel, digital weighted). First contact, before any tuning on it, after the dev23 and dev24
// rounds: 0.827 (139/168) / 0.903 (139/154); at the session's start 0.815 / 0.907. Tuned on since.
const DEV25: Floor = {
  recall: 0.952,
  precision: 0.914,
  positivePrecision: 0.993,
  promptedAtMost: { neutral: 0.01, negated: 0.23, historical: 0.01, 'other-person': 0.36, hypothetical: 0.15 },
};

// Development half 26 (dev26.json, a twenty-seventh author: a Dundee practice on a peripheral housing scheme; an
// ANP's same-day list, a physician associate, video consultations, nurse reviews, a women's health clinic and a
// welfare-rights officer's notes; work, money, family, mood, long-term condition and activity weighted). First contact,
// before any tuning on it: 0.828 (120/145) / 0.870 (120/138). Tuned on since and narrowed by a hostile review.
const DEV26: Floor = {
  recall: 0.896,
  precision: 0.896,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0.01, negated: 0.1, historical: 0.34, 'other-person': 0.19, hypothetical: 0.08 },
};

// Development half 27 (dev27.json, a twenty-eighth author: Aberdeen and an Aberdeenshire town; offshore and energy
// workers, seasonal and farm staff from Eastern Europe, students, villages with one bus; Doric speech; work, money,
// housing, substances, safety, loneliness, legal and digital weighted). First contact: 0.838 (119/142) / 0.862
// (119/138). Tuned on since and narrowed by a hostile review.
const DEV27: Floor = {
  recall: 0.943,
  precision: 0.881,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0.01, negated: 0.1, historical: 0.12, 'other-person': 0.25, hypothetical: 0.43 },
};

// Development half 28 (dev28.json, a twenty-ninth author: an Inverclyde Deep End practice; GPs and trainees, a
// community addictions nurse, a health visitor, the pharmacist's methadone reviews, a CPN and a links practitioner's
// follow-ups; safety, substances, family, housing, food, mood, money and caring weighted). First contact, after the
// dev26/dev27 round: 0.823 (130/158) / 0.909 (130/143) (the session's starting code: 0.816 / 0.908). Tuned on since.
const DEV28: Floor = {
  recall: 0.879,
  precision: 0.914,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0.01, negated: 0.05, historical: 0.12, 'other-person': 0.44, hypothetical: 0.08 },
};

// Development half 29 (dev29.json, a thirtieth author: a Borders and Dumfries & Galloway market-town practice;
// structured review templates, district nurses, physio, out-of-hours, reception; transport, loneliness, caring,
// long-term condition, digital, fuel, activity and work weighted). First contact, after the dev26/dev27 round: 0.879
// (124/141) / 0.800 (124/155), the same as the session's starting code. Tuned on since (template denials).
const DEV29: Floor = {
  recall: 0.9,
  precision: 0.824,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.08, negated: 0.23, historical: 0.12, 'other-person': 0.44, hypothetical: 0.22 },
};

// Development half 30 (dev30.json, a thirty-first author: an Inverness and Moray Firth town practice; GPs writing in
// the first person, an advanced practitioner physiotherapist, a mental health and wellbeing practitioner, a link
// worker's outcome notes, pharmacy, pasted letters; forces families, seasonal workers, young men out of work, children
// with additional support needs; mood, family, work, housing, money, loneliness, long-term condition, substances
// weighted). Written after every change of the twelfth session and scored once: 0.897 (131/146) / 0.885 (131/148), the
// same as the session's starting code. Tuned on since (declined offers, services for someone else, a few phrases).
const DEV30: Floor = {
  recall: 0.917,
  precision: 0.905,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.01, negated: 0.14, historical: 0.12, 'other-person': 0.38, hypothetical: 0.15 },
};

// Development half 31 (dev31.json, a thirty-second author: a South Lanarkshire practice; GP partners, a salaried GP's
// long narratives, a registrar's ICE sections, practice nurses, a mental health nurse, a welfare and money adviser;
// money, caring, mood, housing, family, loneliness, substances and work weighted). Written after every change of the
// twelfth session (the dev30 round included) and scored once: 0.927 (140/151) / 0.848 (140/165); the session's
// starting code: 0.921 / 0.848. Tuned on since with two narrow cues for signposts given for later (two more, a repair
// done and a possible rent rise, were withdrawn after a hostile review, and these floors with them).
const DEV31: Floor = {
  recall: 0.927,
  precision: 0.858,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0.09, negated: 0.15, historical: 0.28, 'other-person': 0.32, hypothetical: 0.22 },
};

// Development halves 32 to 34 (thirteenth session), each by a new author given only BRIEF.md and a voice brief, scored once
// before any change for it. dev32 (a thirty-third author: an Ayrshire practice; terse EMIS entries with a trailing
// "Social:" line, an ANP's COPD and diabetes reviews, a CPN, a pharmacist, district nurses, reception messages; West of
// Scotland speech; fuel, money, loneliness, caring, long-term condition, mood, transport, food weighted): 0.887 (133/150) /
// 0.847 (133/157), the same as the session's starting code. dev33 (a thirty-fourth author: Perth, Stirling and Falkirk;
// first-person GP notes, a trainee's ICE sections, learning-disability health checks with a carer present, link-worker
// summaries, a veterans' support worker's letters, prison healthcare liaison; work, legal, family, housing, safety,
// substances, digital, activity, mood weighted): 0.924 (121/131) / 0.807 (121/150), the same as the starting code.
// dev34 (a thirty-fifth author: Angus and Moray; forces families, fishing and distillery workers, retired coastal
// villages; problem-orientated GP notes, a school nurse, a midwife and health visitor, a CMHN, out-of-hours handovers, a
// pharmacist, a link worker's "What matters to you" summaries; Doric): written after the session's first round and never
// tuned on; that round scored 0.877 (142/162) / 0.916 (142/155); three hostile reviews withdrew all of it but an inferred
// job-loss money prompt and four look-alikes, which score 0.877 / 0.904; the session's starting code: 0.870 / 0.904.
// These floors were first set on the first round; they hold what the reviewed engine reaches (for dev32 and dev33, what
// the session's starting code reaches).
const DEV32: Floor = {
  // 0.886 until the fourteenth session's "adult support (&) protection" phrase.
  recall: 0.893,
  precision: 0.848,
  positivePrecision: 0.97,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.12, 'other-person': 0.5, hypothetical: 0.29 },
};
const DEV33: Floor = {
  recall: 0.923,
  precision: 0.806,
  positivePrecision: 0.975,
  promptedAtMost: { neutral: 0.04, negated: 0.28, historical: 0.06, 'other-person': 0.63, hypothetical: 0.29 },
};
const DEV34: Floor = {
  recall: 0.876,
  precision: 0.904,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.06, 'other-person': 0.19, hypothetical: 0.36 },
};

// Development halves 35 and 36 (fourteenth session), 160 notes each, written by two new authors given BRIEF.md and a voice
// brief that weights safety and its look-alikes (dev36 also mental wellbeing and suicidal thoughts as GPs write them).
// dev35 (a thirty-sixth author): 0.904 (103/114) / 0.824 (103/125) at first contact; the session's safety round,
// withdrawn in most part after two hostile reviews (125 and 79 notes), leaves 0.904 / 0.844. dev36 (a thirty-seventh
// author: a city's outer estates), scored and never tuned on: 0.912 / 0.817 on the session's starting code, 0.920 / 0.819
// after the "life not worth living" / TLNWL phrases (written before dev36 existed), unchanged by the safety round.
const DEV35: Floor = {
  recall: 0.903,
  precision: 0.844,
  positivePrecision: 0.971,
  promptedAtMost: { neutral: 0, negated: 0.2, historical: 0, 'other-person': 0.5, hypothetical: 0.13 },
};
const DEV36: Floor = {
  recall: 0.92,
  precision: 0.818,
  positivePrecision: 0.981,
  promptedAtMost: { neutral: 0, negated: 0.23, historical: 0.22, 'other-person': 0.57, hypothetical: 0 },
};

// Development half 37 (sixteenth session), 200 notes by a thirty-eighth author (BRIEF.md and a voice brief: a West
// Lothian and Lanarkshire commuter town, GPs and registrars writing fast, every need evenly). At first contact, on code
// that had never seen it: recall 0.958 (113/118), precision 0.779 (113/145), 1 of 25 neutral notes prompted. Four changes
// from its misses, narrowed after a hostile review (120 notes: 8 better / 12 worse as first written, 5 / 0 after), no
// other development note's prompts changed: 0.966 (114/118) / 0.786 (114/145).
const DEV37: Floor = {
  recall: 0.966,
  precision: 0.786,
  positivePrecision: 0.974,
  promptedAtMost: { neutral: 0.04, negated: 0.23, historical: 0.23, 'other-person': 0.5, hypothetical: 0.29 },
};

// dev38 (seventeenth session, a thirty-ninth author): first contact 0.912 / 0.802; after its round and the hostile
// review's narrowing, 0.973 (143/147) / 0.817 (143/175); the floors are those figures rounded down.
const DEV38: Floor = {
  recall: 0.972,
  precision: 0.817,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.28, historical: 0.23, 'other-person': 0.5, hypothetical: 0.36 },
};

// dev39 (seventeenth session, a fortieth author, written after every change of the session and never tuned on):
// 0.944 (117/124) / 0.842 (117/139) at first contact; positive-note precision 117/118. Tuned on in the eighteenth
// session: 0.984 (122/124) / 0.904 (122/135); a hostile review then withdrew one of its rules ("she'd struggle then" as
// a possibility: "she would skip lunch then, to keep the meter topped up" is a Scots habitual), which put one
// hypothetical note back: 0.984 (122/124) / 0.897 (122/136), positive-note precision 122/122; floors those rounded down.
const DEV39: Floor = {
  recall: 0.983,
  precision: 0.897,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.23, 'other-person': 0.25, hypothetical: 0.15 },
};

// dev40 (eighteenth session, a forty-first author: nurse and pharmacist templates in West Lothian and Falkirk):
// first contact 0.943 (132/140) / 0.846 (132/156) on the session's starting code, 0.943 / 0.852 after the dev39 round;
// after its own round 1.000 (140/140) / 0.892 (140/157), positive-note precision 140/142; floors those rounded down.
const DEV40: Floor = {
  recall: 1,
  precision: 0.891,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.06, 'other-person': 0.44, hypothetical: 0.08 },
};

// dev41 (eighteenth session, a forty-second author: North Lanarkshire and East Dunbartonshire, terse notes and
// look-alike wording; written while the session worked and never tuned on, only its totals read): 0.958 (136/142) /
// 0.883 (136/154) on the session's starting code, 0.958 / 0.889 (136/153) on its final code; floors those rounded down.
const DEV41: Floor = {
  recall: 0.957,
  precision: 0.888,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.19, historical: 0.12, 'other-person': 0.38, hypothetical: 0.08 },
};

// dev42 (eighteenth session, a forty-third author: Aberdeenshire and Moray, Doric, 160 notes weighted to other-person
// notes in many sentence shapes): first contact 0.907 (88/97) / 0.772 (88/114); after its round 0.969 (94/97) / 0.803
// (94/117), then 0.969 / 0.797 (94/118) when a hostile review withdrew one of its rules (a benefit's loss as a condition
// reaching back over the sentence hid "Skipping meals and no gas on, advised to contact CAB should benefits be
// sanctioned"); positive-note precision 94/97; floors those rounded down. Other-person notes stay the weakest (13/25).
const DEV42: Floor = {
  recall: 0.969,
  precision: 0.796,
  positivePrecision: 0.969,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.07, 'other-person': 0.52, hypothetical: 0.14 },
};

// dev43 (nineteenth session, a forty-fourth author: Dundee and Angus practice nurses and an ANP, review templates with
// "Social:" lines, relatives beside the patient's review): first contact 0.934 (99/106) / 0.861 (99/115); after its round
// 0.981 (104/106) / 0.929 (104/112), then 0.962 (102/106) / 0.927 (102/110) when its hostile review (50 notes) had two
// of its changes taken out ("not known to young carers" as no denial prompted "Young carer: no. Not known to young
// carers"; "hasn't applied for" prompted "Hasn't applied for Scottish Child Payment - not eligible"); floors those
// rounded down (ceilings on prompted notes rounded up).
const DEV43: Floor = {
  recall: 0.962,
  precision: 0.927,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.17, historical: 0.08, 'other-person': 0.13, hypothetical: 0.17 },
};

// dev45 (nineteenth session, a forty-sixth author: Dumfries and Galloway and the Borders, families and relatives told
// in many shapes beside the patient): first contact 0.937 (89/95) / 0.679 (89/131), the lowest precision of any recent
// author; after its round 0.989 (94/95) / 0.740 (94/127). Other-person notes stay the weakest (12 of 28 prompted).
const DEV45: Floor = {
  recall: 0.989,
  precision: 0.74,
  positivePrecision: 0.93,
  promptedAtMost: { neutral: 0.09, negated: 0.22, historical: 0.34, 'other-person': 0.43, hypothetical: 0.22 },
};

// dev44 (nineteenth session, a forty-fifth author: Highland and island GPs, a locum in Glasgow's East End; long
// narratives, needs told through someone else; written while the session worked, never tuned on, only its totals
// read): 0.960 (95/99) / 0.833 (95/114) at first contact and unchanged after the dev43 round (a round on one author's
// notes moved another's not at all); other-person notes its weakest (6 of 14 prompted). Floors those, rounded.
// Twentieth session: 0.848 (95/112) after the dev46 round's first form, whose widening of "Pt herself ok" a hostile
// review then withdrew (twelve of its notes worse); back at 0.833, the floor set in the nineteenth session.
const DEV44: Floor = {
  recall: 0.959,
  precision: 0.833,
  positivePrecision: 0.979,
  promptedAtMost: { neutral: 0.06, negated: 0, historical: 0.09, 'other-person': 0.43, hypothetical: 0.28 },
};

// dev46 (twentieth session, a forty-seventh author: a Paisley and Renfrewshire GP partner; relatives in apposition
// and by pronoun, couples as "they"): first contact 0.950 (95/100) / 0.848 (95/112), 3 of 20 neutral notes prompted;
// after its round 0.990 (99/100) / 0.934 (99/106), then 0.925 (99/107) once the hostile review withdrew the widening
// of "Pt herself ok" (one other-person note prompted again). Floors the final figures.
const DEV46: Floor = {
  recall: 0.99,
  precision: 0.925,
  positivePrecision: 0.98,
  promptedAtMost: { neutral: 0.05, negated: 0.07, historical: 0, 'other-person': 0.19, hypothetical: 0.09 },
};

// dev48 (twentieth session, a forty-ninth author: Lanarkshire and the Lothians, weighted to other people's needs: 43
// of 150 notes): first contact 0.971 (68/70) / 0.708 (68/96), 17 of 43 other-person notes prompted; after its round
// 1.000 (70/70) / 0.787 (70/89), then 0.778 (70/90) once a hostile review (188 notes, 40 worse) took children out of
// the relative-clause cue ("Has 2 kids who she struggles to feed" is the patient's own); 12 of 43.
const DEV48: Floor = {
  recall: 1,
  precision: 0.777,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.1, 'other-person': 0.28, hypothetical: 0.2 },
};

// dev49 (twenty-first session, a fiftieth author: a Dundee, Fife and Perth & Kinross practice: terse SOAP notes, a
// mental health nurse, a pharmacist's medication reviews, patients' own words in quotes; needs told as behaviour):
// first contact 0.921 (117/127) / 0.866 (129/149 all prompts), 1 of 25 neutral notes prompted; after its round 0.986 /
// 0.908, then 0.979 (137/140) / 0.890 (137/154) once a hostile review (164 notes, 76 worse) withdrew or narrowed most
// of the round's cues; 0.901 (137/152) after the dev50 and dev51 rounds. Floors the final figures.
const DEV49: Floor = {
  recall: 0.978,
  precision: 0.901,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.19, historical: 0.12, 'other-person': 0.38, hypothetical: 0.15 },
};

// dev51 (twenty-first session, a fifty-second author: an Edinburgh and Leith practice: students, migrants through
// interpreters, gig and hospitality workers, sheltered housing): first contact 0.830 (132/159) / 0.892 (132/148);
// after its round 0.956 / 0.916, then 0.918 (146/159) / 0.912 (146/160) once a hostile review (159 notes, 66 worse)
// withdrew or narrowed most of it. Floors the final figures.
const DEV51: Floor = {
  recall: 0.918,
  precision: 0.912,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.12, 'other-person': 0.44, hypothetical: 0.08 },
};

// dev50 (twenty-first session, a fifty-first author: a Glasgow Deep End practice and an Ayrshire branch surgery: a
// trainee, template reviews, an ANP's home visits, a locum's one-liners): first contact 0.948 (128/135) / 0.848
// (128/151); after its round 1.000 / 0.900, then 0.985 (133/135) / 0.887 (133/150) once a hostile review (175 notes,
// 69 worse) withdrew or narrowed most of it. Floors the final figures.
const DEV50: Floor = {
  recall: 0.985,
  precision: 0.886,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.17, 'other-person': 0.5, hypothetical: 0.08 },
};

// dev52 (twenty-first session, a fifty-third author: the Borders, Dumfries and Galloway and Aberdeen; a GP's narrative,
// a health visitor, a district nurse, out-of-hours phone notes; written while the session worked, never tuned on, only
// its totals read): 0.965 (137/142) / 0.825 (137/166) on the session's starting code and on its final code.
const DEV52: Floor = {
  recall: 0.964,
  precision: 0.825,
  positivePrecision: 0.978,
  promptedAtMost: { neutral: 0.04, negated: 0.32, historical: 0.23, 'other-person': 0.32, hypothetical: 0.29 },
};

// dev47 (twentieth session, a forty-eighth author: Highland and Moray review templates, hedged narratives, rural home
// visits; written while the session worked, never tuned on, only its totals read): 0.920 (80/87) / 0.808 (80/99) at
// first contact and after the session's rounds (0.816 for a while, from a change a hostile review withdrew);
// other-person notes its weakest (8 of 12 prompted).
const DEV47: Floor = {
  recall: 0.919,
  precision: 0.808,
  positivePrecision: 0.975,
  promptedAtMost: { neutral: 0.05, negated: 0.07, historical: 0.25, 'other-person': 0.67, hypothetical: 0.28 },
};

// dev53 (twenty-second session, a fifty-fourth author: a North Lanarkshire and Falkirk practice; clipped GP notes, nurse
// templates, a links worker, a registrar): first contact 0.933 (140/150) / 0.881 (140/159); after its round and two
// hostile reviews 0.980 (147/150) / 0.907 (147/162). Floors the final figures.
const DEV53: Floor = {
  recall: 0.98,
  precision: 0.907,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0, historical: 0.17, 'other-person': 0.38, hypothetical: 0.22 },
};

// dev56 (twenty-second session, a fifty-seventh author: an Inverclyde and West Dunbartonshire practice; a first-person
// GP, a pharmacist, an MSK physio, a mental health nurse, an ANP): first contact 0.911 (133/146) / 0.887 (133/150);
// after its round and its hostile review 0.938 (137/146) / 0.907 (137/151). Floors the final figures.
const DEV56: Floor = {
  recall: 0.938,
  precision: 0.907,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.14, historical: 0.17, 'other-person': 0.38, hypothetical: 0.08 },
};

// dev54, dev55 and dev57 (twenty-second session; a Highlands and Islands author, an author given no voice brief, and a
// West and Midlothian author; written while the session worked, never tuned on, only their totals read): the same on
// the session's final code as on its starting code.
const DEV54: Floor = {
  recall: 0.916,
  precision: 0.852,
  positivePrecision: 0.975,
  promptedAtMost: { neutral: 0.04, negated: 0.19, historical: 0.17, 'other-person': 0.38, hypothetical: 0.15 },
};
const DEV55: Floor = {
  recall: 0.841,
  precision: 0.866,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.23, historical: 0.12, 'other-person': 0.38, hypothetical: 0.22 },
};
const DEV57: Floor = {
  recall: 0.946,
  precision: 0.868,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.08, negated: 0.14, historical: 0.06, 'other-person': 0.25, hypothetical: 0.29 },
};

// dev59 (twenty-third session, a sixtieth author: Dundee and Aberdeen city practices; an ANP and a salaried GP): first
// contact 0.924 (133/144) / 0.887 (133/150); after its round and its hostile review 0.979 (141/144) / 0.922 (141/153).
// dev58 (the same session, a fifty-ninth author: Dumfries and Galloway and the Borders; never tuned on, only its totals
// read): 0.910 / 0.859 on the session's starting code and on its final code.
const DEV59: Floor = {
  recall: 0.979,
  precision: 0.921,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.06, 'other-person': 0.32, hypothetical: 0.15 },
};
const DEV58: Floor = {
  recall: 0.91,
  precision: 0.859,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.28, 'other-person': 0.25, hypothetical: 0.22 },
};

// dev60 and dev61 (twenty-third session: two authors asked for the patient's own safety, abuse told every way notes tell
// it, with others' abuse, denials, pasts and look-alikes beside it). dev60 tuned on: 0.705 / 0.824 at first contact,
// 0.748 / 0.860 after its round and the two hostile reviews that cut it back; dev61 never tuned on: 0.743 / 0.765 on
// the session's starting code, 0.754 / 0.768 on its final code.
const DEV60: Floor = {
  recall: 0.748,
  precision: 0.859,
  positivePrecision: 0.962,
  promptedAtMost: { neutral: 0, negated: 0.17, historical: 0.2, 'other-person': 0.27, hypothetical: 0.5 },
};
const DEV61: Floor = {
  recall: 0.754,
  precision: 0.768,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0, negated: 0.34, historical: 0.4, 'other-person': 1, hypothetical: 0.25 },
};
// dev62 (the same session, a Fife and Perth & Kinross author, written after the session's changes and never tuned on):
// 0.960 / 0.829 on the session's starting code and on its final code.
const DEV62: Floor = {
  recall: 0.96,
  precision: 0.828,
  positivePrecision: 0.975,
  promptedAtMost: { neutral: 0.04, negated: 0.32, historical: 0.23, 'other-person': 0.19, hypothetical: 0.15 },
};
// dev63 (the same session, an author asked for denials, pasts and hypotheticals, 150 of 200 notes non-positive): 0.881 /
// 0.608 at first contact, 0.881 / 0.641 after its (small) round.
const DEV63: Floor = {
  recall: 0.88,
  precision: 0.641,
  positivePrecision: 0.983,
  promptedAtMost: { neutral: 0, negated: 0.22, historical: 0.23, 'other-person': 0.2, hypothetical: 0.15 },
};
// dev64 (twenty-fourth session, a Highlands, Moray and Western Isles author, tuned on): 0.904 / 0.847 at first contact,
// 1.000 / 0.912 after its round as first written, 1.000 / 0.888 once a hostile review (197 notes, 64 of them read worse)
// had cut back the phrases and cues that bought part of that (the first floor was set before the review and is not kept),
// 1.000 / 0.900 at the session's end.
const DEV64: Floor = {
  recall: 1,
  precision: 0.9,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0, 'other-person': 0.44, hypothetical: 0.15 },
};
// dev65 (the same session, an Edinburgh and Lothians author, never tuned on): 0.923 / 0.879 on the session's starting
// code and on its final code.
const DEV65: Floor = {
  recall: 0.922,
  precision: 0.879,
  positivePrecision: 0.977,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.28, 'other-person': 0.44, hypothetical: 0.15 },
};
// dev66 (the same session, an author asked whose need it is: 80 other-person notes, tuned on): 0.875 / 0.631 at first
// contact, 0.955 / 0.667 after its round and a hostile review of it.
const DEV66: Floor = {
  recall: 0.954,
  precision: 0.666,
  positivePrecision: 0.988,
  promptedAtMost: { neutral: 0, negated: 0.07, historical: 0.07, 'other-person': 0.34, hypothetical: 0 },
};
// dev67 (the same session, notes pasted from a desktop record, never tuned on): 0.969 / 0.824 on the session's starting
// code and on its final code.
const DEV67: Floor = {
  recall: 0.969,
  precision: 0.823,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.08, negated: 0.1, historical: 0.12, 'other-person': 0.63, hypothetical: 0.15 },
};
// dev68 (the same session, a Clackmannanshire, Falkirk and Stirling author, written after the session's changes, never
// tuned on): 0.945 / 0.852 on the session's starting code and on its final code.
const DEV68: Floor = {
  recall: 0.945,
  precision: 0.852,
  positivePrecision: 0.983,
  promptedAtMost: { neutral: 0, negated: 0.28, historical: 0.23, 'other-person': 0.32, hypothetical: 0.15 },
};
// dev69 (twenty-fifth session, a Glasgow north-east and Dundee "Deep End" author, needs told indirectly in the patient's
// own words): 0.803 / 0.876 at first contact, tuned on (0.939 / 0.911 as first written; a hostile review cut it back).
const DEV69: Floor = {
  recall: 0.893,
  precision: 0.907,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.17, 'other-person': 0.25, hypothetical: 0.08 },
};
// dev70 (the same session, a Dumfries and Galloway and Borders author, written while the session worked, never tuned on
// then): 0.940 / 0.817 on the twenty-fifth session's starting code and on its final code alike, and on the twenty-seventh's
// starting code. Tuned on in the twenty-seventh session: recall 0.992 (132/133), precision 0.892 (132/148). (A first floor
// of 0.904 was written before that session's hostile review withdrew three of the round's cues, "moved from" as a past,
// "worried about son" without a possessive, and "anxiety about the biopsy result" as a look-alike: the review's notes
// showed each hiding a current need. This floor is what the final code reaches.)
const DEV70: Floor = {
  recall: 0.992,
  precision: 0.891,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.17, 'other-person': 0.44, hypothetical: 0.08 },
};
// dev71 (twenty-seventh session, an East Ayrshire author, needs told indirectly in Ayrshire speech): 0.946 / 0.875 at
// first contact, tuned on: 0.993 (147/148) / 0.907 (147/162) (0.912 before the hostile review withdrew the look-alike
// for anxiety about a result, above).
const DEV71: Floor = {
  recall: 0.993,
  precision: 0.906,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0, negated: 0.28, historical: 0.12, 'other-person': 0.19, hypothetical: 0.08 },
};
// dev73 and dev74 (the same session: a Renfrewshire and Inverclyde author weighted to work, family, mood and food; a
// Stirling, Clackmannanshire and Perthshire author with two needs in a third of its positives): 0.887 / 0.846 (neutral
// notes prompted 4 of 25) and 0.870 / 0.914 at first contact, tuned on: 0.951 / 0.918 and 0.952 / 0.939.
const DEV73: Floor = {
  recall: 0.95,
  precision: 0.917,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.06, 'other-person': 0.32, hypothetical: 0.08 },
};
const DEV74: Floor = {
  recall: 0.952,
  precision: 0.939,
  positivePrecision: 0.978,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0, 'other-person': 0.13, hypothetical: 0.08 },
};
// dev72 (the same session, an East Lothian and Midlothian author, written while it worked, never tuned on): 0.908 (128/141)
// / 0.859 (128/149) on the session's starting code and on its final code alike.
const DEV72: Floor = {
  recall: 0.907,
  precision: 0.859,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.28, 'other-person': 0.5, hypothetical: 0.16 },
};

// dev75 (twenty-eighth session, an Aberdeen and Aberdeenshire author: offshore rotas, fish and farm workers, Doric):
// 0.918 / 0.891 at first contact (the session's starting code), tuned on: 0.985 (132/134) / 0.964 (132/137).
const DEV75: Floor = {
  recall: 0.985,
  precision: 0.963,
  positivePrecision: 0.977,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0, 'other-person': 0.07, hypothetical: 0 },
};
// dev76 (the same session, a West Dunbartonshire and Argyll & Bute author, needs told indirectly, written while the
// session worked and never tuned on): 0.922 / 0.906 on the session's starting code, 0.930 (107/115) / 0.907 (107/118)
// on its final code, its items never read.
const DEV76: Floor = {
  recall: 0.93,
  precision: 0.906,
  positivePrecision: 0.981,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.17, 'other-person': 0.13, hypothetical: 0.08 },
};
// dev77 (the same session, a Glasgow south side author: asylum seekers and refugees, Roma families, kinship carers,
// Glasgow speech): 0.969 / 0.832 at first contact (the session's starting code), tuned on: 1.000 (128/128) / 0.871
// (128/147); its author counts an asylum seeker who has a solicitor as no legal need, which stays unmet.
const DEV77: Floor = {
  recall: 1,
  precision: 0.87,
  positivePrecision: 0.955,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.12, 'other-person': 0.19, hypothetical: 0.15 },
};
// dev78 (the same session, a North Ayrshire, Arran and rural South Lanarkshire author, past and present in one sentence,
// a relative beside the patient; written while it worked, never tuned on): 0.919 / 0.906 on the session's starting code,
// 0.926 (126/136) / 0.920 (126/137) on its final code, its items never read.
const DEV78: Floor = {
  recall: 0.926,
  precision: 0.919,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.17, 'other-person': 0.19, hypothetical: 0.22 },
};
// dev79 and dev80 (the same session, asked for after the held-out half's weakest needs in aggregate: a West Lothian and
// Falkirk author weighted to mood, grief and family; a Dundee and Angus author weighted to food, money and family):
// 0.955 / 0.889 (one plain review prompted) and 0.941 / 0.876 at first contact, tuned on: 0.993 (133/134) / 0.911
// (133/146) and 0.978 (132/135) / 0.923 (132/143). (dev80's first floor, 0.985 / 0.923, was written before the session's
// third hostile review withdrew "hasn't applied for a bus pass", which it showed prompting for a man who still drives;
// this floor is what the final code reaches.)
const DEV79: Floor = {
  recall: 0.992,
  precision: 0.91,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.17, 'other-person': 0.19, hypothetical: 0.08 },
};
const DEV80: Floor = {
  recall: 0.977,
  precision: 0.923,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0, 'other-person': 0.38, hypothetical: 0.22 },
};
// dev81 and dev83 (twenty-ninth session: an Edinburgh north and west author weighted to mood, family and food; a North
// Lanarkshire author in clipped EMIS shorthand weighted to family, food, money and mood): 0.836 / 0.891 and 0.932 / 0.860
// at first contact (the session's starting code), tuned on: 0.918 (134/146) / 0.905 (134/148) and 0.970 (128/132) / 0.889
// (128/144), after a hostile review of the round withdrew some of what they had asked for.
const DEV81: Floor = {
  recall: 0.917,
  precision: 0.905,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.23, 'other-person': 0.07, hypothetical: 0.08 },
};
const DEV83: Floor = {
  recall: 0.969,
  precision: 0.888,
  positivePrecision: 0.927,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.06, 'other-person': 0.19, hypothetical: 0.08 },
};
// dev82 and dev84 (the same session, written while it worked and never tuned on, their items never read: a Highland
// author telling needs indirectly; a Dumfries and Galloway and Borders author with a relative's situation and the past
// beside the patient's, two or three needs in half the positives): 0.833 / 0.924 and 0.782 / 0.893 on the session's
// starting code, 0.833 (110/132) / 0.924 (110/119) and 0.788 (134/170) / 0.893 (134/150) on its final code. The lowest
// recall of any development half but the safety-only dev60 and dev61, near the held-out half's 0.827.
const DEV82: Floor = {
  recall: 0.833,
  precision: 0.924,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0, 'other-person': 0.25, hypothetical: 0 },
};
const DEV84: Floor = {
  recall: 0.788,
  precision: 0.893,
  positivePrecision: 0.978,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.17, 'other-person': 0.07, hypothetical: 0.22 },
};
// dev85 and dev87 (thirtieth session: a Fife author weighted to work, money and family; an Argyll, Bute and Western
// Isles author weighted to work, mood and food): 0.945 / 0.923 and 0.914 / 0.901 at first contact (the session's
// starting code), tuned on: 0.984 / 0.947 and 0.964 / 0.957 after the first round, then 0.976 (124/127) / 0.939 (124/132)
// and 0.943 (132/140) / 0.936 (132/141) once a hostile review of the round (100 notes aimed at it) had withdrawn what it
// showed too broad ('talking about', 'will think about it', 'might make it hard', a modern apprenticeship, flexible
// working, 'laid him off', 'info for him re'). dev86 and dev88 (the same session, never tuned on, their items never read:
// an Inverclyde and Renfrewshire author telling needs indirectly with a relative's situation beside the patient's; an
// East Ayrshire and West Dunbartonshire author weighted to work, family, mood and money): 0.881 / 0.739 and 0.916 / 0.923
// at first contact and now. dev86's other-person notes were prompted 11 times in 16, the widest gap the corpus had shown.
const DEV85: Floor = {
  recall: 0.976,
  precision: 0.939,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0.04, negated: 0.14, historical: 0, 'other-person': 0.13, hypothetical: 0.08 },
};
const DEV86: Floor = {
  recall: 0.881,
  precision: 0.739,
  positivePrecision: 0.875,
  promptedAtMost: { neutral: 0.04, negated: 0.14, historical: 0.23, 'other-person': 0.69, hypothetical: 0.29 },
};
const DEV87: Floor = {
  recall: 0.942,
  precision: 0.936,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.06, 'other-person': 0.2, hypothetical: 0.22 },
};
const DEV88: Floor = {
  recall: 0.916,
  precision: 0.923,
  positivePrecision: 0.991,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.06, 'other-person': 0.19, hypothetical: 0.15 },
};
// dev89 and dev90 (the same session, asked for after dev86's other-person figure: a Perth and Kinross and Stirling
// author and a South Lanarkshire author, each with 50 other-person notes in 200 and the patient's own need beside a
// relative's in many positives). dev89 tuned on: 0.961 (98/102) / 0.620 (98/158), other-person notes prompted 32 in 50,
// at first contact (the code after the dev85 and dev87 round); now 0.990 (101/102) / 0.669 (101/151), 29 in 50. dev90
// never tuned on: 0.970 (98/101) / 0.742 (98/132), 21 in 50, at first contact; 0.970 / 0.737 (98/133), 20 in 50, now (one
// hypothetical note gained two prompts with the review's withdrawals, one other-person note lost its prompt with a
// partner standing for "him"; their words were not read).
const DEV89: Floor = {
  recall: 0.99,
  precision: 0.668,
  positivePrecision: 0.943,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0, 'other-person': 0.58, hypothetical: 0.15 },
};
const DEV90: Floor = {
  recall: 0.97,
  precision: 0.736,
  positivePrecision: 0.98,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.14, 'other-person': 0.4, hypothetical: 0.25 },
};
// dev91 and dev92 (the thirty-first session): a Dumfries and Galloway author, needs told in everyday words with two needs
// in a third of the positives, tuned on: 0.858 (121/141) / 0.852 (121/142) at first contact, 0.965 / 0.932 after its round,
// now 0.950 (134/141) / 0.924 (134/145) after the hostile review's withdrawals; and an Aberdeen City and Aberdeenshire author, every need told indirectly with Doric, never tuned on: 0.964
// (135/140) / 0.912 (135/148) at first contact and now (its words were not read).
const DEV91: Floor = {
  recall: 0.95,
  precision: 0.924,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.23, 'other-person': 0.32, hypothetical: 0 },
};
const DEV92: Floor = {
  recall: 0.964,
  precision: 0.912,
  positivePrecision: 0.964,
  promptedAtMost: { neutral: 0.05, negated: 0.05, historical: 0.06, 'other-person': 0.19, hypothetical: 0.15 },
};
// dev93 and dev94 (the same session): a West Lothian and Falkirk author, everyday words weighted to work, money and
// family (the held-out half's weakest needs by its figures), tuned on: 0.903 (131/145) / 0.942 (131/139) at first
// contact, 0.966 / 0.972 after its round, 0.938 (136/145) / 0.951 (136/143) after the hostile review's withdrawals;
// and a Glasgow North East and East Dunbartonshire author, every need in everyday words, never tuned on: 0.886
// (117/132) / 0.886 (117/132) at first contact and now (its words were not read).
const DEV93: Floor = {
  recall: 0.937,
  precision: 0.951,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.12, 'other-person': 0.13, hypothetical: 0.15 },
};
const DEV94: Floor = {
  recall: 0.886,
  precision: 0.886,
  positivePrecision: 0.991,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.23, 'other-person': 0.25, hypothetical: 0 },
};
// dev95 and dev96 (the same session, later): a Highland and Moray author, described behaviour weighted to mood, food,
// family and work, tuned on: 0.760 (111/146) / 0.860 (111/129) at first contact, 0.842 (123/146) / 0.891 (123/138) after
// its round and the hostile review's withdrawals; and an Edinburgh and Midlothian author, every need in everyday words,
// never tuned on: 0.764 (97/127) / 0.782 (97/124) at first contact and now (its words were not read).
const DEV95: Floor = {
  recall: 0.842,
  precision: 0.891,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.06, 'other-person': 0.25, hypothetical: 0.15 },
};
const DEV96: Floor = {
  recall: 0.763,
  precision: 0.782,
  positivePrecision: 0.898,
  promptedAtMost: { neutral: 0, negated: 0.28, historical: 0.17, 'other-person': 0.19, hypothetical: 0.15 },
};
// dev97 (thirty-second session): an Inverclyde and Renfrewshire author, work, family, money, mood and food in everyday
// words and described behaviour, tuned on: 0.874 (118/135) / 0.915 (118/129) at first contact; 0.933 (126/135) /
// 0.933 (126/135) after its round and a hostile review's withdrawals.
const DEV97: Floor = {
  recall: 0.933,
  precision: 0.933,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.23, historical: 0.06, 'other-person': 0.13, hypothetical: 0.08 },
};
// dev98 (thirty-second session): a Borders and East Lothian author, every need in everyday words, never tuned on:
// 0.942 (113/120) / 0.876 (113/129) at first contact (its words were not read).
const DEV98: Floor = {
  recall: 0.941,
  precision: 0.875,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.08, negated: 0.05, historical: 0.23, 'other-person': 0.19, hypothetical: 0.22 },
};
// dev99 (the same session, later): a Fife author, work, family, mood and food told as people say them, tuned on:
// 0.830 (112/135) / 0.875 (112/128) at first contact (after dev97's round); 0.948 (128/135) / 0.895 (128/143) after its
// round and a second hostile review's narrowing.
const DEV99: Floor = {
  recall: 0.948,
  precision: 0.895,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.23, 'other-person': 0.13, hypothetical: 0.15 },
};
// dev100 (the same session): a Dundee and Angus author, every need in everyday words, never tuned on: 0.877 (107/122) /
// 0.877 (107/122) at first contact (after dev97's round; its words were not read); 0.885 (108/122) / 0.878 (108/123)
// after dev101's round.
// dev101 (the same session, later): an Ayrshire author, family, food, housing and money in described behaviour, tuned on:
// 0.779 (106/136) / 0.848 (106/125) at first contact (after dev99's round); 0.956 (130/136) / 0.890 (130/146) after its
// round and a third hostile review's narrowing.
const DEV101: Floor = {
  recall: 0.955,
  precision: 0.89,
  positivePrecision: 0.948,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0, 'other-person': 0.07, hypothetical: 0.29 },
};
// dev102 (the same session, later): a Lanarkshire author, every need in everyday words, never tuned on: 0.929 (105/113) /
// 0.820 (105/128) at first contact (after dev99's round; its words were not read): other people's needs prompted in 10
// of 16 other-person notes, hypothetical 6 of 14.
const DEV102: Floor = {
  recall: 0.929,
  precision: 0.82,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.14, historical: 0.06, 'other-person': 0.63, hypothetical: 0.43 },
};
// Thirty-third session. dev103 (an Orkney, Shetland and Caithness author: transport, loneliness, fuel, work and money
// told in island speech and described behaviour, other people's troubles beside the patient's), tuned on: 0.600
// (75/125) / 0.765 (75/98) at first contact, the lowest first contact in many rounds; 0.872 / 0.872 after its round
// (its lexicon forms, then its context forms: a look-alike "isolated", an isolation screen, transport that went well,
// "if it progresses", "now orders online", an age and a town in brackets after a relation).
const DEV103: Floor = {
  recall: 0.872,
  precision: 0.872,
  positivePrecision: 0.98,
  promptedAtMost: { neutral: 0, negated: 0.11, historical: 0.22, 'other-person': 0.17, hypothetical: 0.07 },
};
// dev104 (a Glasgow South author, every need in everyday words), never tuned on in the thirty-third session, measured
// before dev103's round and after it with the same figures: 0.905 (124/137) / 0.873 (124/142); other people's needs
// prompted in 8 of 16 other-person notes, work recall 0.55 (6/11). Tuned on in the thirty-fourth session, after a
// hostile review withdrew most of what its first round hid: 0.949 (130/137) / 0.890 (130/146), other-person 7 of 16.
const DEV104: Floor = {
  recall: 0.948,
  precision: 0.89,
  positivePrecision: 0.99,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0, 'other-person': 0.44, hypothetical: 0.15 },
};
// dev105 (a Falkirk, Clackmannanshire and West Lothian author, every need in everyday words), never tuned on, written
// and first measured after dev103's round: 0.992 (126/127) / 0.863 (126/146); other people's needs prompted in 5 of 16
// other-person notes, hypothetical 4 of 14, negated 3 of 22. Tuned on in the thirty-fourth session: 0.992 (126/127) /
// 0.881 (126/143), other-person 5 of 16, hypothetical 3 of 14, negated 2 of 22.
const DEV105: Floor = {
  recall: 0.992,
  precision: 0.881,
  positivePrecision: 0.99,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.06, 'other-person': 0.32, hypothetical: 0.22 },
};
// dev106 (a Perth and Kinross and Stirling author, every need evenly, 28 other-person and 17 hypothetical notes), never
// tuned on, first measured on the thirty-fourth session's starting code and after both its rounds with the same
// figures: 0.936 (102/109) / 0.850 (102/120); other people's needs prompted in 6 of 28 other-person notes, negated 3 of
// 20, hypothetical 2 of 17, historical 2 of 20.
const DEV106: Floor = {
  recall: 0.935,
  precision: 0.85,
  positivePrecision: 0.96,
  promptedAtMost: { neutral: 0, negated: 0.15, historical: 0.1, 'other-person': 0.22, hypothetical: 0.12 },
};
// dev107 (a Dumfries and Galloway author, every need evenly, some only implied), first measured on the thirty-fourth
// session's starting code, 0.858 (103/120) / 0.866 (103/119); tuned on to 0.942 / 0.897, but a hostile review of that
// round found 56 readings worse and all of it but one phrase was withdrawn: 0.867 (104/120) / 0.867 (104/120);
// other-person 6 of 16, historical 3 of 18, negated 1 of 22, neutral 1 of 25.
const DEV107: Floor = {
  recall: 0.866,
  precision: 0.866,
  positivePrecision: 0.97,
  promptedAtMost: { neutral: 0.04, negated: 0.05, historical: 0.17, 'other-person': 0.38, hypothetical: 0 },
};
// dev108 (an Argyll and Bute and West Dunbartonshire author, every need evenly), never tuned on, written during the
// thirty-fourth session and measured on its starting code and its final code with the same figures: 0.936 (117/125) /
// 0.848 (117/138); other people's needs prompted in 6 of 16 other-person notes, hypothetical 4 of 14, negated 3 of 22,
// historical 3 of 18.
const DEV108: Floor = {
  recall: 0.935,
  precision: 0.847,
  positivePrecision: 0.98,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.17, 'other-person': 0.38, hypothetical: 0.29 },
};
// dev109 (a Fife author, every need evenly in everyday words and described behaviour) and dev110 (a Western Isles, Skye
// and Lochalsh and Moray author, every need evenly), both never tuned on, written at the start of the thirty-seventh
// session and measured on its starting code: dev109 0.829 (102/123) / 0.872 (102/117), other people's needs prompted
// in 3 of 16 other-person notes, negated 4 of 22, historical 4 of 18, hypothetical 2 of 14; dev110 0.907 (117/129) /
// 0.929 (117/126), negated 2 of 22, historical 1 of 18, other-person 2 of 16, hypothetical 3 of 14, neutral 1 of 25.
const DEV109: Floor = {
  recall: 0.829,
  precision: 0.871,
  positivePrecision: 0.98,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.23, 'other-person': 0.19, hypothetical: 0.15 },
};
const DEV110: Floor = {
  recall: 0.906,
  precision: 0.928,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.06, 'other-person': 0.13, hypothetical: 0.22 },
};
// dev111 (a Glasgow South and East Renfrewshire author: interpreters, asylum seekers and no recourse to public funds,
// multigenerational households, zero-hours care work, every need evenly in everyday words and described behaviour),
// never tuned on, written in the thirty-eighth session and measured once, on that session's code (the prompts
// unchanged from its start): 0.807 (109/135) / 0.820 (109/133), positive precision 0.965; other people's needs
// prompted in 5 of 16 other-person notes, negated 5 of 22, historical 2 of 18, hypothetical 3 of 14, neutral 1 of 25.
const DEV111: Floor = {
  recall: 0.807,
  precision: 0.819,
  positivePrecision: 0.96,
  promptedAtMost: { neutral: 0.04, negated: 0.23, historical: 0.12, 'other-person': 0.32, hypothetical: 0.22 },
};
// dev112 (a Lanarkshire and Falkirk author: structured EMIS and Vision templates, routine enquiries and screening tools,
// most answered with nothing social) and dev113 (a Midlothian, East Lothian and Borders author: needs told indirectly,
// e-consults in the patient's own words), written in the fortieth session by authors who had not read the rules. Each
// was measured first on that session's starting code: dev112 0.908 (129/142) / 0.816, negated 7 of 22 prompted;
// dev113 0.890 (105/118) / 0.833, neutral 2 of 25. Then tuned on (template screening questions answered no, a bar
// between fields, "+ve" and "-ve", first-person notes, everyday words). dev112's first floors (0.829 precision, 0.12
// historical) were set on a form of the screening rule that a hostile review (review40) withdrew within the session:
// a screening field now prompts unless its own field answers no, which costs dev112 one historical note ("DA routine
// enquiry: made. Hx of DA from previous partner (2014)"), and a second review (review40b) had a bracket that only says a
// relative shares the home ("Brother (lives with pt) has a gambling problem") read as before, since cutting it hid the
// shared home's cold and damp ("Son (lives with pt) - flat has no heating"): one other-person note back. These are what
// the session's final rules reach.
// Forty-first session: 0.922 / 0.845 (negated 4 of 22, historical 2 of 18). Floors raised within the session on rounds
// a third review (review41c) withdrew (a damp question answered dry across any nine words, a past "now orders online")
// were set back to what the final rules reach, each still above the session's starting floors.
const DEV112: Floor = {
  recall: 0.922,
  precision: 0.845,
  positivePrecision: 0.942,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.12, 'other-person': 0.32, hypothetical: 0.15 },
};
const DEV113: Floor = {
  recall: 0.974,
  precision: 0.871,
  positivePrecision: 0.974,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.17, 'other-person': 0.32, hypothetical: 0.22 },
};
// dev114 (a North Ayrshire, Inverclyde and Bute author: shipyard, call-centre and ferry workers, island patients,
// methadone, kinship carers; every need evenly), never tuned on, written in the fortieth session and measured on its
// code: 0.946 (122/129) / 0.836 both on the session's starting rules and its final ones; other people's needs prompted
// in 7 of 16 other-person notes, negated 4 of 22, historical 2 of 18, hypothetical 3 of 14, neutral 1 of 25.
const DEV114: Floor = {
  recall: 0.945,
  precision: 0.841,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.04, negated: 0.19, historical: 0.12, 'other-person': 0.44, hypothetical: 0.22 },
};
// dev115 (a Dumfries and Galloway and Scottish Borders author: farm workers in tied cottages, mill redundancies,
// fishermen, one bus a day; needs as patients say them and as GPs paraphrase them, templates and abbreviations), written
// in the forty-first session and measured first on that session's starting code: 0.936 (132/141) / 0.863, other people's
// needs prompted in 6 of 16 other-person notes, hypothetical 6 of 14, historical 4 of 18. Then tuned on.
// After the session's final rules: 0.964 / 0.895 (hypothetical 5 of 14: "for when you need it" and "maybe I'll", read as
// hypothetical for two of its notes, were withdrawn after a fourth review, review41d, found them hiding current needs).
const DEV115: Floor = {
  recall: 0.964,
  precision: 0.894,
  positivePrecision: 0.985,
  promptedAtMost: { neutral: 0, negated: 0, historical: 0.17, 'other-person': 0.32, hypothetical: 0.36 },
};
// dev116 (an Edinburgh, West Lothian and Fife author: needs told through what people do, relatives' situations, the
// past, denials and possibilities in the same sentence as the patient's own), never tuned on, written in the
// forty-first session and measured on its code: 0.949 (130/137) / 0.861 on the session's starting rules and on the
// rules after dev115 alike; negated notes prompted in 7 of 22, other-person 5 of 16, hypothetical 3 of 14, historical
// 2 of 18, neutral 1 of 25. After the session's final rules: 0.949 / 0.872 (negated 7 of 22, other-person 3 of 16; a
// round that took it to 0.878 was withdrawn after review41c).
const DEV116: Floor = {
  recall: 0.948,
  precision: 0.872,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0.04, negated: 0.32, historical: 0.12, 'other-person': 0.19, hypothetical: 0.22 },
};
// dev117 (a Tayside author, weighted to work, money, family, food and mood told without the obvious keyword) and dev118
// (a Highland and Aberdeenshire author, weighted to work, money and family), written in the forty-first session for the
// held-out half's weakest needs (work 0.667, family 0.667, food 0.778). dev117 measured first, 0.891 (123/138) / 0.885
// on the session's starting rules and on the rules after dev115 and review41 alike, then tuned on; dev118 never tuned
// on: 0.876 (120/137) / 0.896 on the starting rules and on the rules after dev117's tuning alike.
const DEV117: Floor = {
  recall: 0.949,
  precision: 0.897,
  positivePrecision: 0.977,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.23, 'other-person': 0.19, hypothetical: 0.22 },
};
const DEV118: Floor = {
  recall: 0.875,
  precision: 0.895,
  positivePrecision: 0.991,
  promptedAtMost: { neutral: 0.12, negated: 0.19, historical: 0, 'other-person': 0.25, hypothetical: 0.08 },
};
// dev119 (a Glasgow East End and North Lanarkshire author, weighted to safety, substances, caring and loneliness, with
// 30 other-person notes, eight of them with the patient's own need beside a relative's) and dev120 (an Inverclyde,
// Ayrshire and Argyll author, weighted to housing, fuel, transport, digital and mood), written in the forty-second
// session. Both measured first on the session's starting rules: dev119 0.951 (137/144) / 0.783, dev120 0.978 (131/134)
// / 0.851. dev119 then tuned on; dev120 never tuned on, and it reads as it did on first contact.
const DEV119: Floor = {
  recall: 0.986,
  precision: 0.816,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0, negated: 0.28, historical: 0.28, 'other-person': 0.54, hypothetical: 0.36 },
};
const DEV120: Floor = {
  recall: 0.977,
  precision: 0.85,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.08, negated: 0.19, historical: 0, 'other-person': 0.57, hypothetical: 0.29 },
};
// dev121 (an Aberdeen and Moray author, weighted to money, work, mood, family and long-term conditions, needs described
// rather than named) and dev122 (a Stirling, Clackmannanshire and Perth and Kinross author with first-person e-consults,
// weighted to caring, transport, loneliness, food and safety, with hedged denials, pasts and possibilities), later in
// the forty-second session. Measured first, on the session's starting rules and on its rules after dev119 alike: dev121
// 0.883 (121/137) / 0.917, dev122 0.946 (122/129) / 0.841. dev121 then tuned on; dev122 never tuned on, unchanged.
// dev121 reached 0.956 / 0.922 before a hostile review (review42b) had eleven of its round's phrases withdrawn ("the
// nights are very long" from night shifts, "doesn't bother with lunch", "lying in her bed until the carer came", "gave
// up his licence" beside "no problems getting to appointments"...); the floor is what the final rules reach.
const DEV121: Floor = {
  recall: 0.927,
  precision: 0.92,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.06, 'other-person': 0.13, hypothetical: 0.22 },
};
const DEV122: Floor = {
  recall: 0.945,
  precision: 0.841,
  positivePrecision: 0.983,
  promptedAtMost: { neutral: 0.04, negated: 0.05, historical: 0.12, 'other-person': 0.63, hypothetical: 0.29 },
};
// Forty-third session: dev123 (a Dundee, Angus and North East Fife author, weighted to money, work, family and legal
// told without the obvious keyword) and dev124 (a West and East Dunbartonshire and Helensburgh author, every need evenly,
// with roundabout denials and another household member's need told like the patient's), measured first on the session's
// starting rules and on its rules after the first round alike: dev123 0.930 (133/143) / 0.893, dev124 0.948 (128/135) /
// 0.865. dev123 then tuned on; it reached 0.993 / 0.928 before a hostile review (review43) had most of the round
// withdrawn or narrowed; the floor is what the final rules reach. dev124 never tuned on, its items never read.
// dev125 (an East and South Ayrshire author, written after the first round, never tuned on): 0.961 (122/127) / 0.797
// on the session's starting and final rules alike, its items never read.
const DEV123: Floor = {
  recall: 0.986,
  precision: 0.903,
  positivePrecision: 0.986,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.06, 'other-person': 0.25, hypothetical: 0.29 },
};
const DEV124: Floor = {
  recall: 0.948,
  precision: 0.864,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0.04, negated: 0.23, historical: 0.06, 'other-person': 0.44, hypothetical: 0 },
};
const DEV125: Floor = {
  recall: 0.96,
  precision: 0.797,
  positivePrecision: 0.976,
  promptedAtMost: { neutral: 0.05, negated: 0.34, historical: 0.34, 'other-person': 0.5, hypothetical: 0.22 },
};
// Forty-sixth session: dev127 (a South Lanarkshire author asked for whose need it is: 55 other-person notes, and
// positives with a relative's words beside the patient's own need) and dev128 (a Perth and Kinross and Angus author,
// every need evenly, told indirectly), both measured first on the session's starting rules: dev127 0.946 (105/111) /
// 0.808, dev128 0.901 (109/121) / 0.886. dev127 then tuned on (a service for an elderly neighbour or a lunch club for
// mum, Money Matters, Families Outside, proving the right to work; a rule for a service given beside someone else's
// trouble was withdrawn, above); dev128 never tuned on, its items never read, and the same on the final rules.
const DEV127: Floor = {
  recall: 0.972,
  precision: 0.824,
  positivePrecision: 0.981,
  promptedAtMost: { neutral: 0, negated: 0.2, historical: 0, 'other-person': 0.19, hypothetical: 0.07 },
};
const DEV128: Floor = {
  recall: 0.9,
  precision: 0.886,
  positivePrecision: 0.99,
  promptedAtMost: { neutral: 0.08, negated: 0.1, historical: 0.06, 'other-person': 0.32, hypothetical: 0.22 },
};
// Forty-seventh session: dev129 (a north Edinburgh and East Lothian author, weighted to work, family, mood, food and
// money told without the obvious keyword) and dev130 (a Glasgow north-west and Clydebank author, every need evenly, told
// indirectly), both measured first on the session's starting rules: dev129 0.846 (115/136) / 0.871, dev130 0.767
// (99/129) / 0.884. dev129 then tuned on (unopened post, £3 until Friday, locking herself in the bedroom, living off
// coffee, vouchers for the food place, help getting other work, a supervisor stopping toilet breaks, digital sessions,
// storage heaters' bills, tenancy rights advice, children's bereavement support, the first bus, a finished trust deed, a
// lonely first year that is over, "Asked about couch-to-5k"; two context rules withdrawn after review47, below); dev130
// never tuned on, its items never read, and the same on the final rules.
const DEV129: Floor = {
  recall: 0.948,
  precision: 0.895,
  positivePrecision: 0.962,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0, 'other-person': 0.32, hypothetical: 0.08 },
};
const DEV130: Floor = {
  recall: 0.767,
  precision: 0.883,
  positivePrecision: 0.97,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.17, 'other-person': 0.13, hypothetical: 0.15 },
};
// Later in the same session: dev131 (a Glasgow east end and North Lanarkshire Deep End author, every need evenly, told
// indirectly) and dev132 (a Fife author, every need evenly, told indirectly in Fife speech), measured first on the
// session's starting rules and on its first round alike: dev131 0.901 (118/131) / 0.814, dev132 0.950 (114/120) / 0.857.
// dev131 then tuned on (not speaking to a single person, a ground floor or sheltered, neither having an email address,
// a bursary late, "no enough in the hoose", Scottish Child Payment not known about, a door kicked in when she said no,
// sleeping with a chair against the door, children with a dad in the jail; look-alikes: "rent is affordable", "contact
// in case"; three hiding rules withdrawn after review47b, below); dev132 never tuned on, its items never read.
const DEV131: Floor = {
  recall: 0.984,
  precision: 0.832,
  positivePrecision: 0.962,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0, 'other-person': 0.5, hypothetical: 0.36 },
};
const DEV132: Floor = {
  recall: 0.95,
  precision: 0.857,
  positivePrecision: 0.991,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.06, 'other-person': 0.38, hypothetical: 0.29 },
};
// Last in the same session: dev133 (a south-east Edinburgh and Midlothian author, mostly patients' own online
// consultation forms in their first-person words with a clinician's telephone follow-up) and dev134 (a Falkirk,
// Grangemouth, Bo'ness and Denny author, every need evenly), measured first on the session's starting rules and its
// second round alike: dev133 0.955 (127/133) / 0.847, dev134 0.965 (109/113) / 0.940. dev133 then tuned on (a dads group,
// a phased return with the employer, hands round her throat; a look-alike "no bother affording the shopping"; a suicide
// safety plan's helplines across a comma and a boss's threat were withdrawn after review47d, below); dev134 never tuned
// on, its items never read.
const DEV133: Floor = {
  recall: 0.962,
  precision: 0.853,
  positivePrecision: 0.977,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.12, 'other-person': 0.63, hypothetical: 0 },
};
const DEV134: Floor = {
  recall: 0.964,
  precision: 0.939,
  positivePrecision: 0.99,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0, 'other-person': 0.25, hypothetical: 0 },
};
// Forty-eighth session: dev135 (a North Lanarkshire and East Dunbartonshire author, weighted to the kinds a tool gets
// wrong: 90 positive, 30 neutral, 30 negated, 20 historical, 18 other-person, 12 hypothetical) and dev136 (a Moray and
// Banffshire coast author, every need evenly), measured first on the session's starting rules: dev135 0.953 (121/127) /
// 0.871, dev136 0.873 (130/149) / 0.878. dev135 then tuned on (whose a spouse's service is, a template's "no" to damp or
// mould, a dismissal; most of the round withdrawn after review48a and review48b, below); dev136 never tuned on, its items
// never read.
const DEV135: Floor = {
  recall: 0.96,
  precision: 0.871,
  positivePrecision: 0.983,
  promptedAtMost: { neutral: 0, negated: 0.17, historical: 0.15, 'other-person': 0.28, hypothetical: 0.17 },
};
const DEV136: Floor = {
  recall: 0.872,
  precision: 0.878,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0.04, negated: 0.23, historical: 0.28, 'other-person': 0.25, hypothetical: 0 },
};
// Later in the session: dev137 (a West Lothian author, notes told by or about someone other than the patient: relatives
// phoning or doing the talking, carers, interpreters, a patient asking about help for a relation) and dev138 (a Dundee
// and Angus author, every need evenly), measured first on the session's first round: dev137 0.920 (149/162) / 0.798,
// dev138 0.956 (129/135) / 0.832. dev137 then tuned on (a relation's aside in brackets, a signpost handed over for a
// relation, a blue badge or bus pass for one; advice to a relation and "will pass on" withdrawn after review48c; "needs
// help getting there" and "would like to see the kids more", 2 of its hits, withdrawn after review48d); dev138
// never tuned on, its items never read.
const DEV137: Floor = {
  recall: 0.927,
  precision: 0.819,
  positivePrecision: 0.933,
  promptedAtMost: { neutral: 0, negated: 0.1, historical: 0.14, 'other-person': 0.37, hypothetical: 0.09 },
};
const DEV138: Floor = {
  recall: 0.955,
  precision: 0.832,
  positivePrecision: 0.962,
  promptedAtMost: { neutral: 0.04, negated: 0.1, historical: 0.45, 'other-person': 0.5, hypothetical: 0 },
};
// Forty-ninth session: dev139 (a Perth and Kinross and Angus author weighted to the kinds a tool gets wrong, with yes/no
// review templates and relatives speaking for the patient) and dev140 (a Glasgow north-west author, every need evenly),
// measured first on the session's starting rules: dev139 0.898 (115/128) / 0.762, dev140 0.874 (125/143) / 0.880. dev139
// then tuned on (a list question's one answer, a worry about a topic answered no, a spaced slash in a label, a relative
// telling the note, what ended as a cause, a past told by where the patient lived); dev140 never tuned on, its items
// never read.
// (dev139's floor was first set at 0.937 / 0.845 after the first round; review49c withdrew "most of last year", one of its
// past cues, and the floor is what remains: 0.937 / 0.839.)
const DEV139: Floor = {
  recall: 0.937,
  precision: 0.839,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.2, historical: 0.1, 'other-person': 0.34, hypothetical: 0.34 },
};
const DEV140: Floor = {
  recall: 0.874,
  precision: 0.88,
  positivePrecision: 0.992,
  promptedAtMost: { neutral: 0, negated: 0.23, historical: 0.17, 'other-person': 0.13, hypothetical: 0.36 },
};
// Later in the session: dev141 (a South Ayrshire and Carrick author with patients' online forms and relatives calling,
// weighted to mood, loneliness, money, caring and food) and dev142 (a Caithness, Orkney and Shetland author, every need
// evenly), measured first on the session's starting rules: dev141 0.901 (136/151) / 0.824, dev142 0.898 (123/137) /
// 0.837; on the first round's rules, before tuning on either, dev141 0.901 / 0.840 and dev142 unchanged. dev141 then tuned
// on (phrases for company, going days without speaking, nerves, a bit of company, no phone credit, "skipping" in a
// template question, a workplace's reach ending at a conjunct; narrowed after review49c); dev142 never tuned on.
// (dev141's floor was first set at 0.96 / 0.863; review49d's narrowing of the relative-telling rule cost it one hit.)
const DEV141: Floor = {
  recall: 0.953,
  precision: 0.862,
  positivePrecision: 0.96,
  promptedAtMost: { neutral: 0, negated: 0.05, historical: 0.17, 'other-person': 0.38, hypothetical: 0.15 },
};
const DEV142: Floor = {
  recall: 0.897,
  precision: 0.836,
  positivePrecision: 0.968,
  promptedAtMost: { neutral: 0.08, negated: 0.05, historical: 0.28, 'other-person': 0.44, hypothetical: 0.08 },
};
// Fiftieth session: dev143 (an Inverclyde author weighted to the negated, historical, other-person and hypothetical kinds,
// positives beside a denied, past or relative's need) and dev145 (a West Lothian author with patients' online forms,
// weighted to work, money, family, digital, transport, legal and safety), measured first on the session's starting rules
// at 0.958 (137/143) / 0.859 and 0.921 (117/127) / 0.795, then tuned on (advice to someone else to go to a service, a
// service "for him" standing for a relation, an offer asked as a question and answered no, "her man", "affordable",
// "Does she feel safe?", phrases; narrowed after review50a and review50b); dev144 (Dundee) and dev146 (the Borders and
// Dumfries and Galloway), every need evenly, never tuned on: 0.904 / 0.875 and 0.893 / 0.797, unchanged by the round.
// (dev143's and dev145's floors were first set at 0.875 and 0.835 precision, other-person at 0.28 and 0.5; review50d's
// withdrawals, "her man" and the advice verbs, gave back a wrong prompt in each.)
const DEV143: Floor = {
  recall: 0.983,
  precision: 0.868,
  positivePrecision: 0.937,
  promptedAtMost: { neutral: 0, negated: 0.12, historical: 0, 'other-person': 0.34, hypothetical: 0.07 },
};
const DEV144: Floor = {
  recall: 0.904,
  precision: 0.875,
  positivePrecision: 0.974,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.06, 'other-person': 0.25, hypothetical: 0.29 },
};
const DEV145: Floor = {
  recall: 0.968,
  precision: 0.831,
  positivePrecision: 0.984,
  promptedAtMost: { neutral: 0, negated: 0.14, historical: 0.23, 'other-person': 0.57, hypothetical: 0.15 },
};
const DEV146: Floor = {
  recall: 0.893,
  precision: 0.797,
  positivePrecision: 0.905,
  promptedAtMost: { neutral: 0.08, negated: 0.14, historical: 0.17, 'other-person': 0.44, hypothetical: 0.15 },
};
// Later in the session: dev147 (an Aberdeen and Aberdeenshire author weighted to two people in a note and services
// signposted for someone else) measured first on the first round's rules at 0.926 (113/122) / 0.808, the same as on the
// session's starting rules, then tuned on (a job loss's money not when money worries are denied now; a relation's label
// only before its own colon; phrases; most of the round withdrawn after review50c); dev148 (Stirling, Clackmannanshire
// and Argyll and Bute, every need evenly) 0.884 / 0.865 on the starting rules, 0.891 / 0.866 on the first round's, never
// tuned on.
const DEV147: Floor = {
  recall: 0.95,
  precision: 0.812,
  positivePrecision: 0.951,
  promptedAtMost: { neutral: 0, negated: 0.34, historical: 0.05, 'other-person': 0.3, hypothetical: 0.19 },
};
const DEV148: Floor = {
  recall: 0.891,
  precision: 0.866,
  positivePrecision: 0.968,
  promptedAtMost: { neutral: 0.04, negated: 0.23, historical: 0.12, 'other-person': 0.25, hypothetical: 0.15 },
};
const DEV100: Floor = {
  recall: 0.885,
  precision: 0.878,
  positivePrecision: 1,
  promptedAtMost: { neutral: 0, negated: 0.19, historical: 0.06, 'other-person': 0.25, hypothetical: 0.22 },
};

describe.each([
  ['held-out', 'heldout', HELD_OUT],
  ['development', 'dev', DEV],
  ['development 2', 'dev2', DEV2],
  ['development 3', 'dev3', DEV3],
  ['development 4', 'dev4', DEV4],
  ['development 5', 'dev5', DEV5],
  ['development 6', 'dev6', DEV6],
  ['development 7', 'dev7', DEV7],
  ['development 8', 'dev8', DEV8],
  ['development 9', 'dev9', DEV9],
  ['development 10', 'dev10', DEV10],
  ['development 11', 'dev11', DEV11],
  ['development 12', 'dev12', DEV12],
  ['development 13', 'dev13', DEV13],
  ['development 14', 'dev14', DEV14],
  ['development 15', 'dev15', DEV15],
  ['development 16', 'dev16', DEV16],
  ['development 17', 'dev17', DEV17],
  ['development 18', 'dev18', DEV18],
  ['development 19', 'dev19', DEV19],
  ['development 20', 'dev20', DEV20],
  ['development 21', 'dev21', DEV21],
  ['development 22', 'dev22', DEV22],
  ['development 23', 'dev23', DEV23],
  ['development 24', 'dev24', DEV24],
  ['development 25', 'dev25', DEV25],
  ['development 26', 'dev26', DEV26],
  ['development 27', 'dev27', DEV27],
  ['development 28', 'dev28', DEV28],
  ['development 29', 'dev29', DEV29],
  ['development 30', 'dev30', DEV30],
  ['development 31', 'dev31', DEV31],
  ['development 32', 'dev32', DEV32],
  ['development 33', 'dev33', DEV33],
  ['development 34', 'dev34', DEV34],
  ['development 35', 'dev35', DEV35],
  ['development 36', 'dev36', DEV36],
  ['development 37', 'dev37', DEV37],
  ['development 38', 'dev38', DEV38],
  ['development 39', 'dev39', DEV39],
  ['development 40', 'dev40', DEV40],
  ['development 41 (never tuned on)', 'dev41', DEV41],
  ['development 42', 'dev42', DEV42],
  ['development 43', 'dev43', DEV43],
  ['development 45', 'dev45', DEV45],
  ['development 44 (never tuned on)', 'dev44', DEV44],
  ['development 46', 'dev46', DEV46],
  ['development 47 (never tuned on)', 'dev47', DEV47],
  ['development 48', 'dev48', DEV48],
  ['development 49', 'dev49', DEV49],
  ['development 50', 'dev50', DEV50],
  ['development 51', 'dev51', DEV51],
  ['development 52 (never tuned on)', 'dev52', DEV52],
  ['development 53', 'dev53', DEV53],
  ['development 56', 'dev56', DEV56],
  ['development 54 (never tuned on)', 'dev54', DEV54],
  ['development 55 (never tuned on)', 'dev55', DEV55],
  ['development 57 (never tuned on)', 'dev57', DEV57],
  ['development 59', 'dev59', DEV59],
  ['development 58 (never tuned on)', 'dev58', DEV58],
  ['development 60 (safety)', 'dev60', DEV60],
  ['development 61 (safety, never tuned on)', 'dev61', DEV61],
  ['development 62 (never tuned on)', 'dev62', DEV62],
  ['development 63 (denials and pasts)', 'dev63', DEV63],
  ['development 64', 'dev64', DEV64],
  ['development 65 (never tuned on)', 'dev65', DEV65],
  ['development 66 (whose need)', 'dev66', DEV66],
  ['development 67 (never tuned on)', 'dev67', DEV67],
  ['development 68 (never tuned on)', 'dev68', DEV68],
  ['development 69 (needs told indirectly)', 'dev69', DEV69],
  ['development 70', 'dev70', DEV70],
  ['development 71', 'dev71', DEV71],
  ['development 72 (never tuned on)', 'dev72', DEV72],
  ['development 73', 'dev73', DEV73],
  ['development 74', 'dev74', DEV74],
  ['development 75', 'dev75', DEV75],
  ['development 76 (never tuned on)', 'dev76', DEV76],
  ['development 77', 'dev77', DEV77],
  ['development 78 (never tuned on)', 'dev78', DEV78],
  ['development 79', 'dev79', DEV79],
  ['development 80', 'dev80', DEV80],
  ['development 81', 'dev81', DEV81],
  ['development 82 (never tuned on)', 'dev82', DEV82],
  ['development 83', 'dev83', DEV83],
  ['development 84 (never tuned on)', 'dev84', DEV84],
  ['development 85', 'dev85', DEV85],
  ['development 86 (never tuned on)', 'dev86', DEV86],
  ['development 87', 'dev87', DEV87],
  ['development 88 (never tuned on)', 'dev88', DEV88],
  ['development 89', 'dev89', DEV89],
  ['development 90 (never tuned on)', 'dev90', DEV90],
  ['development 91', 'dev91', DEV91],
  ['development 92 (never tuned on)', 'dev92', DEV92],
  ['development 93', 'dev93', DEV93],
  ['development 94 (never tuned on)', 'dev94', DEV94],
  ['development 95', 'dev95', DEV95],
  ['development 96 (never tuned on)', 'dev96', DEV96],
  ['development 97', 'dev97', DEV97],
  ['development 98 (never tuned on)', 'dev98', DEV98],
  ['development 99', 'dev99', DEV99],
  ['development 100 (never tuned on)', 'dev100', DEV100],
  ['development 101', 'dev101', DEV101],
  ['development 102 (never tuned on)', 'dev102', DEV102],
  ['development 103', 'dev103', DEV103],
  ['development 104', 'dev104', DEV104],
  ['development 105', 'dev105', DEV105],
  ['development 106 (never tuned on)', 'dev106', DEV106],
  ['development 107', 'dev107', DEV107],
  ['development 108 (never tuned on)', 'dev108', DEV108],
  ['development 109 (never tuned on)', 'dev109', DEV109],
  ['development 110 (never tuned on)', 'dev110', DEV110],
  ['development 111 (never tuned on)', 'dev111', DEV111],
  ['development 112', 'dev112', DEV112],
  ['development 113', 'dev113', DEV113],
  ['development 114 (never tuned on)', 'dev114', DEV114],
  ['development 115', 'dev115', DEV115],
  ['development 116 (never tuned on)', 'dev116', DEV116],
  ['development 117', 'dev117', DEV117],
  ['development 118 (never tuned on)', 'dev118', DEV118],
  ['development 119', 'dev119', DEV119],
  ['development 120 (never tuned on)', 'dev120', DEV120],
  ['development 121', 'dev121', DEV121],
  ['development 122 (never tuned on)', 'dev122', DEV122],
  ['development 123', 'dev123', DEV123],
  ['development 124 (never tuned on)', 'dev124', DEV124],
  ['development 125 (never tuned on)', 'dev125', DEV125],
  ['development 127', 'dev127', DEV127],
  ['development 128 (never tuned on)', 'dev128', DEV128],
  ['development 129', 'dev129', DEV129],
  ['development 130 (never tuned on)', 'dev130', DEV130],
  ['development 131', 'dev131', DEV131],
  ['development 132 (never tuned on)', 'dev132', DEV132],
  ['development 133', 'dev133', DEV133],
  ['development 134 (never tuned on)', 'dev134', DEV134],
  ['development 135', 'dev135', DEV135],
  ['development 136 (never tuned on)', 'dev136', DEV136],
  ['development 137', 'dev137', DEV137],
  ['development 138 (never tuned on)', 'dev138', DEV138],
  ['development 139', 'dev139', DEV139],
  ['development 140 (never tuned on)', 'dev140', DEV140],
  ['development 141', 'dev141', DEV141],
  ['development 142 (never tuned on)', 'dev142', DEV142],
  ['development 143', 'dev143', DEV143],
  ['development 144 (never tuned on)', 'dev144', DEV144],
  ['development 145', 'dev145', DEV145],
  ['development 146 (never tuned on)', 'dev146', DEV146],
  ['development 147', 'dev147', DEV147],
  ['development 148 (never tuned on)', 'dev148', DEV148],
] as const)('%s half of the notes corpus', (_name, file, floor) => {
  const s = score(file);
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total), 'recall').toBeGreaterThanOrEqual(floor.recall);
    expect(precision(s.total), 'precision').toBeGreaterThanOrEqual(floor.precision);
    expect(precision(s.byKind.get('positive') as Score['total']), 'precision on positive notes').toBeGreaterThanOrEqual(floor.positivePrecision);
  });
  test.each(Object.entries(floor.promptedAtMost))('%s notes prompted at most as often as reached', (kind, most) => {
    expect(burden(s.byKind.get(kind as Kind) as Score['total']), `${kind} notes with any prompt`).toBeLessThanOrEqual(most);
  });
});

// Fortieth session: a hostile review (review40) of a change that took domestic abuse screening questions as no
// disclosure unless answered "positive" or "disclosed". Its first 26 notes are the patient's own abuse told as a
// template's answer in every form a reviewer could think of ("Domestic abuse asked: yes", "DV Qs | Positive", "DA asked:
// aye", "GBV enquiry: yes"); the first form hid 17 of them. Withdrawn for the reviewer's design: a screening field prompts
// unless its own field answers no. Every one of them prompts safety: the last two since the forty-first session,
// "Routine enquiry about domestic abuse: Disclosed" (the enquiry's own "about" negated forward; now a signal with its
// answer) and "Feels safe at home | No" (a bar before an answer cell is the label's colon).
describe('review40: domestic abuse screening answered yes', () => {
  const s = score('review40');
  const own = s.items.filter((r) => /^r40-0(0\d|1\d|2[0-6])$/.test(r.item.id));
  test('the set holds its 26 notes, each expecting safety', () => {
    expect(own).toHaveLength(26);
    for (const r of own) expect(r.item.expected, r.item.id).toContain('safety');
  });
  test.each(own.map((r) => [r.item.id, r] as const))('%s prompts safety', (_id, r) => {
    expect(r.missed, r.item.notes).not.toContain('safety');
  });
  test('the whole set stays at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(1);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.923);
  });
});

// A second review (review40b, 59 notes) of the session's final rules, first-person notes above all: "my" led the relation
// in but let it reach past the writer's dropped "I" ("My mum has dementia, struggling to cope looking after her"), the
// practice's "we" read as a couple's, a negative screening answer that was not the whole answer ("DA routine enquiry -
// no longer feels safe at home") hid a disclosure, and new words read help or childhood as abuse. Fixed where the review
// found them; the rest stays below this floor (0.587 / 0.750 on the session's starting code).
describe('review40b: first person and screening answers', () => {
  const s = score('review40b');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.934);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.914);
  });
});

// A third review (review40c, 60 notes) of the rounds after review40b: a bare "no" answered with a hedge after it ("DA
// asked: no, not physically", "no, only when he has had a drink") still hid the disclosure, a relation led by "my" still
// took the writer's own "…and no money coming in", "he hurt me" read a dentist as abuse, and new words fired on their
// look-alikes. Fixed where the review found them, but not every "My X and …": after "and", "can't" and "feeling" are as
// often the relative's ("My husband has MS and can't work"), so only a conjunct that cannot be theirs ("and no money")
// is the writer's. Its known misses of first-person abuse ("My partner, who I live with, hits me", a same-sex partner's
// "she hits me") were mended last. 0.559 / 0.655 on the session's starting code.
describe('review40c: hedged screening answers and the writer\'s own conjuncts', () => {
  const s = score('review40c');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.911);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.815);
  });
});

// Forty-first session: a hostile review (review41, 60 notes) of the session's first round, which made a domestic abuse
// screening field recorded only as done ("DA routine enquiry completed") no signal. Its first 17 notes are the
// patient's own abuse told right after such a field, in words no lexicon holds or as the field's answer ("…completed:
// positive", "…completed - unable to speak freely", "…completed ⏎ Disclosure: Yes", "… completed | Yes"); the round hid
// all 17. A field only done now counts as answered no only where its sentence ends and the next does not open as an
// answer; every one of the 17 prompts safety. The review also found new look-alikes hiding assaults ("Punched and
// thrown out by partner", "it hit her on the head"), new verbs taking "choking on her tablets", hypothetical cues
// reaching a current need ("Women's Aid number given for when she is ready") and loose new signals; each was narrowed or
// withdrawn. Not mended: a bare "Safe at home | No" ("Safe at home at present: no - needs 24hr care" is a care need,
// not abuse) and "Frightened of partner | No" (safety is never denied by a bare no). 0.804 / 0.854 on the session's
// starting code.
describe('review41: a screening field recorded as done, and what follows it', () => {
  const s = score('review41');
  const own = s.items.filter((r) => /^r41-0(0\d|1[0-7])$/.test(r.item.id));
  test('the set holds its 17 notes, each expecting safety', () => {
    expect(own).toHaveLength(17);
    for (const r of own) expect(r.item.expected, r.item.id).toContain('safety');
  });
  test.each(own.map((r) => [r.item.id, r] as const))('%s prompts safety', (_id, r) => {
    expect(r.missed, r.item.notes).not.toContain('safety');
  });
  test('the whole set stays at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.941);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.979);
  });
});

// A second review of the forty-first session (review41b, 60 notes) of its later rounds (denials with a reason, coping
// with a death or a caring role, benefits checks, new signals) found 52 notes worse as first written: "lives alone,
// feels safe" written as a global look-alike hid a disclosure on the same line ("Lives alone, feels safe at home: no",
// "Lives alone, boyfriend hits her, no problems with mobility"), a coping word at a sentence's start read a question or
// a task ("Coping? Not really", "Managing his incontinence is getting too much"), "worried he will start" hid "start
// hitting her again", 9-word look-alikes spanned a need ("Benefits check by CAB: PIP refused"), and new signals fired
// on look-alikes ("that's my job, I married him", "paid them off", "not kept a hot meal down"). Each was narrowed or
// withdrawn (the next-sentence decline and "frightened to be in the house" without him); 0.978 / 0.833 on the code the
// review read against, 0.065 / 0.130 as first written.
describe('review41b: denials, coping and new signals beside a real need', () => {
  const s = score('review41b');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.978);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.9);
  });
});

// A third review of the forty-first session (review41c, 60 notes) of the rounds after review41b found 50 notes worse
// as they stood: "worried he will start drinking again" read as hypothetical hid "…and hit her", "much happier now" and
// "now uses the app" read as the past hid a refuge and rent arrears, "is fine" after a finding ("Inhaler technique is
// fine") read as coping with a death, a carer "managing okay" hid "he is up 4-5 times a night" and "He shoved her last
// week", the reason after a food or housing "says no" was often the need ("staying with her sister for now"), and
// look-alikes still spanned a need in their gaps. Withdrawn or narrowed: the relapse cue, the two past cues, a reported
// no denying food or housing, the gaps; "fine" and "alright" are coping only after the patient's own subject, a carer's
// coping needs its qualifier and is taken back by strain or harm in the next sentence, and a decline in the next
// sentence is read again for every need but caring. 0.885 / 0.902 on the code the review read against (the rounds'
// starting point, 29fc463).
describe('review41c: coping, past cues and answers with reasons beside a real need', () => {
  const s = score('review41c');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.98);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.98);
  });
});

// A fourth review (review41d, 40 notes) of the session's final rules, whole, against the session's starting code found
// 15 notes worse: "she's grand" ending its sentence read as coping with a death ("Says she's grand. Hasn't been back to
// work, thoughts she'd be better off not here"), "for when she needs it" hid the need a service was given for, "her own
// flat is fine" hid the patient's own overcrowding, "maybe I will lose the flat", the Scots "he'll no work again". Each
// was withdrawn or narrowed (the own-home rule removed). 0.667 / 0.811 on the starting code.
describe('review41d: the final rules against the starting code', () => {
  const s = score('review41d');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.711);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.969);
  });
});

// Forty-second session: a hostile review (review42) of a rule that hid a relative's abuse where the clinician wrote that
// the patient was safe in herself ("Pt herself safe", "Pt herself coping"; the thirty-eighth session's idea, review38n
// below, narrowed to an emphatic statement and a relative told as the one hurt). Its first 15 notes are the patient's own
// abuse the rule hid: a son "being abusive to her", a grandson "being aggressive", a son "in a rage", a daughter's partner
// "who also threatened her", a man "being violent to him". The rule was withdrawn; 14 of them prompt safety again (and
// r42-014, "Turned out husband had run up debts in her name", its money: "turned out" no longer leads in to a relation).
// Its "wrong both" notes (the patient hit beside a relative: "hits them both", "pt was hit when she tried to intervene",
// "both hit by sister's husband", a grandson "rough with her during personal care") gave safety phrases; five are
// still missed (a relative's partner hurting "her", same-sex abuse of a man by a grandson's boyfriend).
describe('review42: the patient\'s own abuse a "safe in herself" rule hid', () => {
  const s = score('review42');
  const hidden = s.items.filter((r) => /^r42-0(0\d|1[0-5])$/.test(r.item.id));
  test('the set holds its 15 notes', () => {
    expect(hidden).toHaveLength(15);
  });
  test.each(hidden.filter((r) => r.item.id !== 'r42-014').map((r) => [r.item.id, r] as const))('%s prompts safety', (_id, r) => {
    expect(r.item.expected, r.item.id).toContain('safety');
    expect(r.missed, r.item.notes).not.toContain('safety');
  });
  test('r42-014 prompts money', () => {
    const r = hidden.find((x) => x.item.id === 'r42-014');
    expect(r?.missed, r?.item.notes).not.toContain('money');
  });
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.8);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.864);
  });
});

// Forty-second session, later: a hostile review (review42b) of the round tuned on dev121. It found no disclosure of
// abuse newly missed; 24 of its 162 notes worse, all from the new everyday phrases with nothing tying them to a need
// ("the nights are very long" from night shifts, "only a slice of toast for her tea" on chemotherapy, "drinking down to
// two days a week", "declined to make a statement on his solicitor's advice"), each withdrawn or narrowed. Two of its
// notes missed in both trees were the patient's own abuse: "Partner hits her, declined referral to Women's Aid" (a
// declined referral was read as denying the sentence; it now spares safety) and "Partner shouting at her and the kids"
// (now a phrase); both prompt safety.
describe('review42b: everyday phrases and a declined referral', () => {
  const s = score('review42b');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.5);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.476);
  });
});

// Forty-third session: a hostile review (review43) of the round tuned on dev123. All 40 of its notes read worse on the
// round as first written: a parent or spouse said to be low since a death is the patient in a caller's note or shares
// the loss; "put him out" in a woman's notes is a household put out together; "own money fine" beside the patient's own
// debt; a negation of help with one thing ("No help needed with the garden, can't afford to heat the house") carried over
// the comma; foodbank volunteers who rely on it; a declined rehab course beside a patient not coping. Those were
// withdrawn or narrowed. Its first 26 notes are the patient's own needs, and every one prompts each of its needs.
//
// Forty-third session, later: two hostile reviews (review43b, review43c) of a rule for a benefit review or a move to
// Universal Credit still to come, told with the patient managing now (pendingChange): it quieted 7 tuned and 5
// never-tuned hypothetical notes, but as first written it hid the current hardship of 30 of review43b's 40 notes
// ("Nothing received yet", "currently getting letters from sheriff officers", "Pain currently managing"), and made strict
// it hid 30 of review43c's ("UC review" for ulcerative colitis, "R index PIP joint", a husband's PIP review and his
// coping, "owes council tax", "paid off", "hee haw"): a list of hardship words cannot be complete. Withdrawn. The first
// 30 notes of each are the patient's own current money or work need, and each prompts its needs, but the fuel needs
// missed on the session's starting code too. One block serves the three sets.
//
// Forty-sixth session: two hostile reviews (review46, review46b) of a rule that read a service given beside another
// household's trouble as given for them (signpostForOther: "Sister in an abusive relationship - pt asking how best to
// support her. Scottish Women's Aid info given. Pt herself safe"). As first written it hid 21 of review46's first 30
// notes, the patient's own need beside a relative's or friend's told in words no lexicon reads ("Pt's own boyfriend has
// started pushing her around", "Pt hasnae seen a soul since his own wife passed"), the service the only thing that read
// it; guarded (the notes to say whom the service was for or that the patient is fine, and nothing to say the patient
// shares it), it still hid 28 of review46b's 30: "Well in herself otherwise" or a relative named only as the one who goes
// along meets any such guard. It read about 8 fewer wrong prompts of about 5,500 shown on the never-tuned halves. Withdrawn. The
// first 30 notes of each are the patient's own needs, and each prompts them (r46b-015's mood was missed on the
// session's starting code too).
//
// Forty-seventh session: a hostile review (review47) of the round tuned on dev129, written against the code. Its first 30
// notes are the patient's own current needs beside the round's hiding rules: a finished debt solution ("Trust deed still
// not discharged", "debts over £12k", "Debt arrangement scheme - paid off the first creditor, 4 to go"), "the first
// year" or "the first winter" of something still going on ("skipping meals in the first year of her course", "first
// winter wi the storage heaters"), a clinician's question about immigration answered well at first ("Asked re visa -
// grand until it runs out"; "Asked about immigration status - nil"), and "Asked about <an exercise group>" beside another
// need. As first written the round hid 9 of them: "the first year" as past and the immigration question were withdrawn
// (a loneliness look-alike for "was isolated the first year" kept), the debt solution narrowed to the scheme followed at
// once by completed, finished or discharged. The notes still missing a need missed it on the session's starting code
// too. One of its look-alikes reads worse: food vouchers offered and declined prompt food, as a declined food bank
// referral already did (declinedOffer leaves food alone by design).
//
// Later in the session: a second review (review47b) of the round tuned on dev131. As first written that round hid 14 of
// its 30 notes of the patient's own need: "rehoused ... after temporary accommodation" as a look-alike ("Rehoused into a
// damp mouldy flat after 8 months in temporary accommodation", "Housed in a Premier Inn room after presenting as
// homeless"), "maybe ... one day", "some day" and "I'll maybe need" as possibilities ("She'll maybe need to use the food
// bank again this week, nothing in till Friday", "Might get a night off one day she says"), and "naw" or "nah" after an
// offer as a decline ("Offered carers centre - 'naw, I cannae leave him long enough to go'"): the three were withdrawn,
// and the cues that read its look-alikes narrowed or dropped (a chair against the door only when sleeping or sitting, a
// door kicked in only by a relation or "when she said no", a flip phone, pay "weeks late", a dad in prison only for the
// children). The notes still missing a need missed it on the session's starting code too; one look-alike reads worse
// ("Would love to do a midwifery course after she qualifies", as "would like to" already read). Its police officer who
// "kicked the door in on a warrant" prompted safety on the starting code too, from an older cue with "he" among its
// agents; "he" or "she" kicking a door in is now read only as the other sex's doing (`otherSexAgent`), as "he reads her
// messages" is.
//
// Last: a third review (review47d, 24 notes) of the round tuned on dev133. Its first 16 are the patient's own needs
// beside that round's hiding rules. A suicide safety plan's helplines read across a comma ("Safety plan agreed, Childline/
// Samaritans") hid the only safety cue of "Safety plan: crisis team number, Samaritans, and police re partner" after
// "partner had his hands round her throat": withdrawn, and "hands round her throat" is now a safety phrase. A boss's threat
// ("Boss says if I miss another shift I'm out") read a joke about holidays: withdrawn. The notes still missing a need
// missed it on the session's starting code too.
//
// Forty-eighth session: two hostile reviews of a round tuned on dev135. review48a (30 notes) found the first form of two
// rules on whose a service is hiding 16 of its 22 notes of the patient's own need: a relative telling it ("Wife phoned.
// Asked about a lunch club for her husband", in his notes), the patient going too ("could also use", "as they want to go
// together", "with her"), "get" as supplying ("a taxicard her daughter could get for her", "street valium his pal can
// get"), and a spouse's lifts to dialysis. Both rules were narrowed: the spouse must be the patient's own (her husband in
// her notes), a service someone else would use must be a service, and a household's needs (transport among them) stay
// the patient's. review48b (40 notes) then found 23 of its first 30 hidden and 7 of its 10 look-alikes prompting:
// a multi-word possibility covering a mention starting on its last word ("might end it all" read as a possibility), a
// listing question's "no" reaching back over a social history line ("lives alone, isolated since wife died, alcohol:
// no"), "now attending" an exercise class, and new phrases (paid off, the week is long, a carers' network, routes to work)
// read in look-alikes: each withdrawn, "dismissed" kept with its look-alikes. Every note of both sets' first parts
// prompts its needs but r48a-009's caring, missed on the session's starting code too.
//
// A second round, tuned on dev137, and its review (review48c, 40 notes): as first written the round hid 15 of its 30
// notes of the patient's own need and prompted 8 of its 10 look-alikes. A spouse's or partner's bracket passed over
// ("Husband (lost his job in March) they are now 3 months behind with the rent") hid the couple's own trouble, so asides
// are read only after other relations; advice to a relation ("Advised daughter to take her to the food bank") and "will
// pass on" ("Happy for HV to pass on details to Womens Aid re ongoing abuse from partner") were withdrawn; a service's
// two words are covered only for a blue badge or a bus pass ("help with food for her son" is the household's); grief
// "worked through" and four new phrases withdrawn or narrowed. Its notes still missing a need missed it on the code
// before the round too.
//
// Last, a review of the session's kept rules together (review48d, 30 notes): a spouse's service hid the patient's own
// drinking or counselling taken up for the spouse ("Accepted referral to alcohol service for her husband's sake"), so
// substances, mood and safety are a household's needs there; "free from damp and mould? No" was read as a denial ("free"
// and "dry" now ask whether something good is so); a look-alike for "dismissed" hid "back pain which meant she got
// dismissed"; "needs help getting there" (a weight goal), "would like to see her son more" (at university) and "meet other
// women with endometriosis" prompted. Each fixed or withdrawn; its notes still missing a need missed it before the
// session too.
// Forty-ninth session: review49a (30 notes) of three template-answer changes found the first form hiding all 22 of its
// notes of the patient's own need: openers that begin statements ("Worried about rent, any SI? No" read as one list
// question), a spaced slash after a field's value ("Accommodation: hostel / Alcohol: no") or a finding ("Mood low /
// isolated / SI: no"). A list question now opens with "any", "are", "do" or "does" and no item asks a question of its
// own; a spaced slash joins only a sentence's first word (or a chain of them). review49b (40 notes) of the relative-
// telling rule found the first form giving 23 of its 25 look-alikes' needs to the patient ("with" and "from" read as a
// call, the patient phoning about her own child, "their mum", in-laws, toddlers, a teller's label): each refused, the
// label rule withdrawn, a child's telling read only for a patient aged 60 or more. Its first 25 are look-alikes (two read
// worse than on the session's starting rules: r49b-024, where "he is drinking" in a woman's notes is no other person's,
// and r49b-025, a daughter's stress paired with the patient's home); of its last 15, five notes still miss a need (an
// in-law, a possessive after "about", a same-sex spouse, "re her father, who", a 42-year-old's daughter), each missed
// before the session too. review49c (40 notes) of the session's tuned cues and phrases found the first forms hiding 21 of
// its first 24 and prompting 14 of its 16 look-alikes: "most of last year" over what still goes on, a denied list over
// things lacked ("No money, no electric or gas, meter problems again"), a service "for the future" reaching back over
// the need ("Very lonely so gave details of befriending service for the future"), "until … went into" a home over
// respite, a past "when he was staying" or "in the pandemic when" over the present ("… and has had no work or income
// since"), the safety "card" narrowed past financial abuse ("Husband keeps the card and gives her £20 a week"), and
// phrases read in look-alikes (nerves before a flight, a verruca "getting her down", a hen do "on the gin", a transfer
// that came through, tea and toast for breakfast, "talk to someone at the pharmacy"). Each withdrawn or narrowed; of its
// first 24, r49c-020 ("he is her only carer so gave carers centre for future") now misses caring that the service alone
// had prompted, and three notes miss needs they missed before the session too. Last, review49d (30 notes) of the kept
// rules together found a list question's "no" standing against a relative who disputes it ("Any worries about money,
// heating or food? No. Daughter disagrees, thinks mum is struggling"), a form a relative filled in, and a daughter's or
// granddaughter's own trouble given to the patient once "mum" or "gran" named her ("Gran letting her stay as she was
// evicted", "Mum minding the kids while daughter at the jobcentre"). A relation disputing the answer in the next
// sentence, or a relative filling in the form, now refuses the denial; a same-sex teller's word for the patient stays a
// relation when "she" (or "he", "him") or the teller follows in its sentence. That costs r49b-030 and r49b-038 ("Mum's
// flat is freezing, she can't afford to put the heating on") their fuel, and dev32's ay-162 its transport: where it is
// unclear whose the trouble is, it is not given to the patient. Of review49d's first 22, 16 still miss a need, r49d-007
// alone newly ("Any worries about money? No. Worried sick about her son's debts, can't sleep": the question's own worry
// no longer pairs with the sleep, and the worry about a son's debts is read as his).
// Fiftieth session: two hostile reviews of the first round's rules, with the list of changes and the code in hand.
// review50a (33 notes: its first 25 the patient's own need, the rest another person's) found every one of its notes read
// wrongly: a spouse after an advice verb or after a relation reporting ("Suggested he phones CAB re the rent arrears",
// "Her mum thinks he has run up rent arrears again"), a son or grandson advised to go somewhere for an older parent, a
// child of the household "for him", "sending him to the food bank", a who-clause about the patient after a bracket,
// "when"/"since" over run-on notes, the need named inside an asked offer, and "patient transport" or "pt reassured sister
// …" read as the patient acting. Each refused, narrowed or withdrawn; all 33 now read right. review50b (33 notes: its
// first 20 the patient's own need, the rest look-alikes) found the asked offer reaching over its reason, "now full time at
// the …" reaching back over the present (withdrawn), "affordable" forms ("hardly", "far from", "more affordable"), falls
// questions ("feel safe in the shower"), and phrases in clinical senses (a warning bleed, an OT's adjustments, a tablet
// to take, an MSK AP referral). Its notes r50b-016 to r50b-020 still miss a need: "her man" is read as her husband, and
// the rules already give a husband's reach the household's money, food and fuel ("Her husband's at the bookies every day
// and there's no money for the electric meter" misses both on the session's starting rules too); a spouse's reach left
// to the household for those needs was tried and withdrawn (23 more wrong prompts on the tuned halves, 8 on the
// never-tuned). After review50d "her man" is withdrawn too, and all 20 read right; r50b-033 ("Sister phoned - her man has
// been violent") no longer prompts safety.
// review50c (33 notes: its first 22 the patient's own need, the rest look-alikes) of the second round found every note
// read wrongly as first written: "not the problem" denying what a patient plays down, a loneliness label's "N - reason"
// where the reason is the isolation, "already attends" over help that is not enough, "left care/hospital/prison" over
// the patient's own trouble, a past money denial ("had no money worries when she was working") turning off a job loss's
// money, and phrases in other senses (eating less to make weight, speaking only to her husband in a language, meeting
// other men with the same cancer, time spent on the train, an insurance payout). The first four and most of the phrases
// are withdrawn; the money denial counts only for money worries told now; all 33 read right. Last, review50d (32 notes:
// its first 22 the patient's own need, the rest look-alikes) of the first round's kept rules found 30 notes read right on
// the starting rules and wrong on the kept ones: the one advised acting for the patient ("Son attended with her… Suggested
// he contacts Home Energy Scotland re the old storage heaters"; "Brother is his appointee. Advised brother to contact
// DWP"), an asked offer over "help with the loneliness" or "now she can't drive", "her man" taking the household's money,
// "Heating affordable - N" and "much less affordable", a household's child after a relation's report, falls questions,
// and phrases (a son left out at school, no signal at work, an MSK AP referral, sheriff officers at the door). The advice
// verbs and "her man" are withdrawn; a relation told as acting for the patient or sharing the home is refused; the offer
// ends at "with" and "now"; "affordable" is a fuel question; a falls answer is no safety answer. r50d-013 and r50d-014
// still miss their needs (a transport pair and a legal phrase begin inside the declined offer), and r50d-015 its work:
// "paid off from the yard" (Scots for laid off) was tried as a phrase and withdrawn, as it gave a daughter's and a
// husband's job loss to the patient (dev141-095, dev35's sf-066) below their floors.
describe.each([
  ['review43', /^r43-0(0\d|1\d|2[0-6])$/, 26, {}, 1, 0.939],
  ['review43b', /^r43b-0(0\d|1\d|2\d|30)$/, 30, { 'r43b-023': ['fuel'] }, 0.968, 0.72],
  ['review43c', /^r43c-0(0\d|1\d|2\d|30)$/, 30, { 'r43c-009': ['fuel'], 'r43c-014': ['fuel'], 'r43c-017': ['fuel'], 'r43c-019': ['fuel'] }, 0.891, 0.75],
  ['review46', /^r46-0(0\d|1\d|2\d|30)$/, 30, {}, 1, 0.731],
  ['review46b', /^r46b-0(0\d|1\d|2\d|30)$/, 30, { 'r46b-015': ['mental-wellbeing'] }, 0.966, 0.966],
  ['review47', /^r47-0(0\d|1\d|2\d|30)$/, 30, { 'r47-004': ['mental-wellbeing'], 'r47-006': ['food'], 'r47-008': ['money'], 'r47-020': ['legal'], 'r47-021': ['housing'], 'r47-023': ['legal', 'work'], 'r47-029': ['activity'] }, 0.864, 0.944],
  ['review47b', /^r47b-0(0\d|1\d|2\d|30)$/, 30, { 'r47b-004': ['money'], 'r47b-005': ['money'], 'r47b-011': ['family'], 'r47b-012': ['family'], 'r47b-013': ['family', 'loneliness'], 'r47b-023': ['work'], 'r47b-026': ['money'], 'r47b-030': ['legal', 'work'] }, 0.767, 0.916],
  ['review47d', /^r47d-0(0\d|1[0-6])$/, 16, { 'r47d-013': ['money'], 'r47d-015': ['money'], 'r47d-016': ['food'] }, 0.888, 0.923],
  ['review48a', /^r48a-0(0\d|1\d|2[0-2])$/, 22, { 'r48a-009': ['caring'] }, 0.958, 0.851],
  ['review48b', /^r48b-0(0\d|1\d|2\d|30)$/, 30, {}, 1, 1],
  ['review48c', /^r48c-0(0\d|1\d|2\d|30)$/, 30, { 'r48c-008': ['caring'], 'r48c-010': ['money'], 'r48c-011': ['loneliness'], 'r48c-014': ['money'] }, 0.891, 0.97],
  ['review48d', /^r48d-0(0\d|1\d|2[0-4])$/, 24, { 'r48d-014': ['safety'], 'r48d-015': ['mental-wellbeing'], 'r48d-016': ['food'], 'r48d-017': ['loneliness'], 'r48d-023': ['substances'] }, 0.807, 0.875],
  ['review49a', /^r49a-0(0\d|1\d|2[0-2])$/, 22, {}, 1, 0.86],
  ['review49b', /^r49b-0(2[6-9]|3\d|40)$/, 15, { 'r49b-027': ['loneliness'], 'r49b-030': ['fuel'], 'r49b-033': ['loneliness'], 'r49b-034': ['substances'], 'r49b-037': ['mental-wellbeing'], 'r49b-038': ['fuel', 'food'], 'r49b-040': ['substances', 'food'] }, 0.576, 0.652],
  ['review49c', /^r49c-0(0\d|1\d|2[0-4])$/, 24, { 'r49c-011': ['fuel'], 'r49c-012': ['fuel'], 'r49c-020': ['caring'], 'r49c-024': ['substances'] }, 0.885, 0.939],
  ['review49d', /^r49d-0(0\d|1\d|2[0-2])$/, 22, { 'r49d-003': ['loneliness'], 'r49d-006': ['caring', 'mental-wellbeing'], 'r49d-007': ['mental-wellbeing'], 'r49d-010': ['safety'], 'r49d-011': ['substances'], 'r49d-012': ['loneliness'], 'r49d-013': ['loneliness'], 'r49d-014': ['fuel', 'food'], 'r49d-015': ['fuel'], 'r49d-016': ['caring'], 'r49d-017': ['money', 'fuel'], 'r49d-018': ['food', 'money'], 'r49d-019': ['substances'], 'r49d-020': ['money'], 'r49d-021': ['fuel'], 'r49d-022': ['money', 'housing'] }, 0.4, 0.636],
  ['review50a', /^r50a-0(0\d|1\d|2[0-5])$/, 25, {}, 1, 1],
  ['review50b', /^r50b-0(0\d|1\d|20)$/, 20, {}, 1, 0.96],
  ['review50c', /^r50c-0(0\d|1\d|2[0-2])$/, 22, {}, 1, 1],
  ['review50d', /^r50d-0(0\d|1\d|2[0-2])$/, 22, { 'r50d-013': ['transport'], 'r50d-014': ['legal'], 'r50d-015': ['work'] }, 0.875, 0.954],
] as const)('%s: the patient\'s own needs a change hid', (file, ownIds, count, missedBefore, minRecall, minPrecision) => {
  const s = score(file);
  const own = s.items.filter((r) => ownIds.test(r.item.id));
  const before = missedBefore as Record<string, readonly string[]>;
  test(`the set holds its ${count} notes, each expecting a need`, () => {
    expect(own).toHaveLength(count);
    for (const r of own) expect(r.item.expected.length, r.item.id).toBeGreaterThan(0);
  });
  test.each(own.map((r) => [r.item.id, r] as const))('%s prompts its needs', (id, r) => {
    expect(r.missed, r.item.notes).toEqual(before[id] ?? []);
  });
  test('the whole set stays at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(minRecall);
    expect(precision(s.total)).toBeGreaterThanOrEqual(minPrecision);
  });
});

// Forty-third session, last: a hostile review (review43d, 20 notes) of seven work phrases for an employer pushing the
// patient out and a living gone. As first written 19 read worse: "HR" as heart rate, "manage her out of hospital", "their
// living room is finished", "my living will", a landlord's excuse to get rid of her, a son's sick days at school. Each
// phrase now needs the employer as its subject, or was withdrawn (a licence lost, an employer not interested in
// alternative duties); one note still reads worse ("Employer was pushing for a return date in Jan", back at work now).
describe('review43d: work phrases and their look-alikes', () => {
  const s = score('review43d');
  test('the set stays at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(1);
    expect(precision(s.total)).toBeGreaterThanOrEqual(0.25);
    expect(burden(s.byKind.get('neutral') as Score['total']), 'neutral notes with any prompt').toBeLessThanOrEqual(0.25);
  });
});

// Forty-second session, last: a hostile review (review42c) of a clause scope for "declined referral" (so that "Drinking
// 60 units a week, declined referral to addictions" would prompt) found it worse in 27 of 78 notes and better in 19:
// a service named before the comma became the need ("Debt advice, declined referral, no debts"), and abuse in the
// decline's own clause was hidden ("Partner hits her and declined referral to Women's Aid"). Withdrawn; these figures
// are the rules without it.
describe('review42c: a declined referral\'s reach', () => {
  const s = score('review42c');
  test('recall and precision stay at or above what was reached', () => {
    expect(recall(s.total)).toBeGreaterThanOrEqual(0.23);
    expect(precision(s.total)).toBeGreaterThanOrEqual(1);
    expect(burden(s.byKind.get('negated') as Score['total']), 'negated notes with any prompt').toBe(0);
  });
});

// Thirty-eighth session: a hostile review (review38n, written against a rule that took a relation's abuse, told by a
// patient said to be safe, as no safety need; the rule was withdrawn). Its first 25 notes tell the patient's own abuse
// beside a relation's ("Worried about her daughter - partner hits her and pt too", "Pt insists she's fine herself"),
// and every one prompts safety today: any later rule about whose abuse a note tells must keep them all.
describe('review38n: the patient\'s own abuse told beside a relation\'s', () => {
  const s = score('review38n');
  const own = s.items.filter((r) => /^r38n-0(0\d|1\d|2[0-5])$/.test(r.item.id));
  test('the set holds its 25 notes, each expecting safety', () => {
    expect(own).toHaveLength(25);
    for (const r of own) expect(r.item.expected, r.item.id).toContain('safety');
  });
  test.each(own.map((r) => [r.item.id, r] as const))('%s prompts safety', (_id, r) => {
    expect(r.missed, r.item.notes).not.toContain('safety');
  });
});
