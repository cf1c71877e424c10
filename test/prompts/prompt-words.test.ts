// ADR 0013 (hazard H23): pasted notes keep only the words the prompts can read. The words kept, the words elided, and
// the promise that makes it safe to do: on every notes corpus, the prompts for the notes as elided are the prompts for
// the notes as written, but for wrong prompts lost (never a right prompt lost, never a wrong prompt gained).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contextOf, GP_DEFAULTS, parseCorpus } from '../../scripts/lib/score-prompts';
import { compileRuleSet } from '../../src/prompts/compile';
import { isPromptWord, promptWordsOnly } from '../../src/prompts/prompt-words';
import { promptsFor } from '../../src/prompts/prompts-for';
import { findPhrases } from '../../src/prompts/text-match';
import type { Rule } from '../../src/prompts/schema';
import { tokenize } from '../../src/prompts/tokenize';

describe('promptWordsOnly', () => {
  test.each([
    ['names no rule foresaw', 'Lives alone on the croft since tormod died. peigi and dolina visit.', 'Lives alone on the … since … died. … and … visit.'],
    ['a run of words elided is one "…"', 'Wife Olena Kovalenko Petrenko rang.', 'Wife … rang.'],
    ['placeholders, numbers, dates, doses and amounts stay', 'son [name] at [address] since 14/02/2016, owes £900, 5mg od, 3/52.', 'son [name] at [address] since 14/02/2016, owes £900, 5mg od, 3/52.'],
    ['misspellings the prompts read stay', 'struggling with benifits, lonley most days', 'struggling with benifits, lonley most days'],
    ['contractions and Scots words the prompts read stay', "she'd been evicted, cannae afford the messages", "she'd been evicted, cannae afford the messages"],
    ['a word a prefix phrase reads stays; a name that only starts like one does not', 'struggling, calls daily. callum and monica rang.', 'struggling, calls daily. … and … rang.'],
    ['line breaks and punctuation stay', 'Rent arrears.\nAmlodipine 7.5mg - no change.', 'Rent arrears.\n… 7.5mg - no change.'],
    ['text with no words is as it was', '12/03 - 4', '12/03 - 4'],
    // A given name that a phrase of several words uses is read only inside that phrase (review36); months stay.
    ['a given name only inside the phrase that reads it', 'bf paul controls the money. robbing peter to pay paul. ex gordon rang, gordon moody helpline given. widowed in june.', 'bf … controls the money. robbing peter to pay paul. ex … rang, gordon moody helpline given. widowed in june.'],
    // Only the readers' own placeholders are kept whole: a word after any other "[" is read like any other (review36).
    ['a bracket that is no placeholder', 'TPI [Lorraine says mum drinking] son [name], baby [date of birth].', '… [… says mum drinking] son [name], baby [date of birth].'],
    // Straight after a relation's word, a name the prompts also read as a word is a name (thirty-seventh session: review36's
    // "HUSBAND BILL"); never after a possessive, never a month, never a modal verb, and not across a comma or a bracket
    // (review37 found "son's charlie" and "lost husband june" lost, review37b "for the baby, bill went through the roof").
    ['a name the prompts read, after a relation', 'HUSBAND BILL DRINKS HEAVILY. NEIGHBOUR DESMOND DOES SHOPPING. daughter penny rang.', 'HUSBAND … DRINKS HEAVILY. NEIGHBOUR … DOES SHOPPING. daughter … rang.'],
    ['not across a comma or a bracket that does not close right after the name', 'since the twins, bill went through the roof. funeral for husband (bill £4500).', 'since the twins, bill went through the roof. funeral for husband (bill £4500).'],
    // Thirty-ninth session (what the thirty-eighth left): a name set off whole by commas or brackets after its relation; a
    // word such as "wee" between; a name's possessive after a relation, not after a role that sends bills; before its
    // relation in brackets, "bill" only after a word a person follows; lists with commas; a name taken once, again where
    // it starts a sentence, not where the word after makes it the thing; more of what only a person does.
    [
      'commas, brackets, "wee", possessives, lists with commas, a name again',
      "Her husband, bill, drinks. husband (bill) drinks. Son wee bill drinks. Husband bill's drinking. carer bill's gone up. lives with bill (husband) who drinks. penny (daughter) helps. gas bill (husband) sorted it. kids bill, ken and joy. husband bill, bill arrears too. wife joy in hospice. Joy has weeks to live. husband bill lost job. Gas bill overdue. Bill arrears. Landlord bill told her to leave. husband old bill retired.",
      'Her husband, …, drinks. husband (…) drinks. Son wee … drinks. Husband … drinking. carer bill\'s gone up. lives with … (husband) who drinks. … (daughter) helps. gas bill (husband) sorted it. kids …, … and …. husband …, bill arrears too. wife … in hospice. … has weeks to live. husband … lost job. Gas bill …. Bill arrears. Landlord … told her to leave. husband old bill retired.',
    ],
    // ("hubby" is read as "husband", spelling.json.)
    ['after "hubby" or a step-parent too', 'hubby bill shouts. stepdad ken controls the money.', 'hubby … shouts. stepdad … controls the money.'],
    ["such a name's possessive before a relation", "Bill's wife drinks.", '… wife drinks.'],
    // Thirty-eighth session (review38, review38b): after the paste reader's own relations and roles too, and the few
    // only notes add ("fella", "in-law", "other half", "bf", "bro", "support worker", "befriender", "boss", plurals; "man"
    // after a possessive only); further names joined by "and", "n", "&", "+" or "/" to one taken, or to the paste
    // reader's "[name]" after a relation, a month heading the list ("daughters june and penny") included.
    ['after an in-law, "fella", "other half" or a landlord', 'Mother-in-law joy is unwell. her fella bill drinks. Other half ken out of work. landlord bill threatening eviction. BF ken controlling. Bro ken skint. Support worker penny. Carers joy and penny. befriender ken visits. boss bill bullying her.', 'Mother-in-law … is unwell. her fella … drinks. Other half … out of work. landlord … threatening eviction. BF … controlling. … skint. Support worker …. Carers … and …. befriender … visits. boss … bullying her.'],
    ['names in a list', 'sons bill and ken both drink. sons gary & penny. kids [name] & penny. kids bill and ken and joy. sons bill + ken. daughters june and penny help.', 'sons … and … both drink. sons … & …. kids [name] & …. kids … and … and …. sons … + …. daughters june and … help.'],
    ["a relation's possessive without its apostrophe", 'husbands bill drinking again.', 'husbands … drinking again.'],
    // After the prompts' own relation words a name stays a name whatever follows it (review38b, review38c).
    ['after a relation, whatever follows', 'husband bill for hip op. son billy due in court. husband ken problems with alcohol. Son ken the only one who visits. Befriender bill from Age Scotland. Sons bill and ken in prison. MIL joy, BIL ken. Her new man ken hits her. OH ken gambling again.', 'husband … for hip op. son … due in court. husband … problems with alcohol. Son … the only one who visits. Befriender … from Age Scotland. Sons … and … in prison. MIL …, BIL …. Her new man … hits her. OH … gambling again.'],
    // The thing, not the person: "and" after a relation alone; in a list, a word after that makes it the thing; after a
    // role, "bill" before a money word; after a role that sends bills, "bill" unless what a person does follows
    // ("landlord bill threatening eviction" is his name); a word of a phrase that matched; after the reader's "[name]",
    // a list's name before a preposition; after a role, Scots "ken" before a pronoun; "penny pinching".
    ['a bill, not a name', 'lives with husband and bill arrears. Landlord bill debt £1400. Carer bill arrears £600. Pays private carer bill for mum. Main stressors husband ken and bill arrears. She pays half, other half bill arrears.', 'lives with husband and bill arrears. Landlord bill debt £1400. Carer bill arrears £600. Pays private carer bill for mum. Main stressors husband … and bill arrears. She pays half, other half bill arrears.'],
    ['a bill a role sends, a preposition, a verb, a word after', 'Dreading the carer bill this winter. Carer bill keeps going up. Home help bill takes most of her pension. Mums bill came to £900. Gas + carers bill worrying her. Worried re mums bill at the care home. Son [name] and bill from sheriff officers. husband [name] and bill worry. Lost husband [name] and joy in life. her pals ken she is drinking again. Pals ken aboot her drinking. bf penny pinching. Grandkids joy of her life.', 'Dreading the carer bill this winter. Carer bill keeps going up. Home help bill takes most of her pension. Mums bill came to £900. Gas + carers bill worrying her. Worried re mums bill at the care home. Son [name] and bill from sheriff officers. husband [name] and bill worry. Lost husband [name] and joy in life. her pals ken she is drinking again. Pals ken aboot her drinking. bf penny …. Grandkids joy of her life.'],
    // A name inside a matched phrase is still a name after a relation: "Dreading husband bill getting out of prison" had
    // been kept as the fuel phrase's bill (review38d); and a role's person verbs, and lists after a name taken.
    ['a name in a phrase, a role that harms, a list', 'Dreading husband bill getting out of prison. Cant afford funeral for husband bill. landlady bill shouting at her. support worker ken about his rent arrears. grandkids billy and penny at school. Her auld man bill drinks. warden ken checks on her.', 'Dreading husband … getting out of prison. Cant afford funeral for husband …. landlady … shouting at her. support worker … about his rent arrears. grandkids … and … at school. Her auld man … drinks. … checks on her.'],
    // Review38e: after the prompts' own relation words a name is taken before "in" or "of" too ("wife joy in hospice");
    // after a relation's possessive without its apostrophe, a childminder or a care worker "bill" is the bill; a month
    // heading a list reads as "[name]" does; after a plural role "ken" is the verb unless a person's verb follows.
    ['review38e', 'wife joy in hospice. Wife joy of 50 yrs died. Struggling to pay childminder bill. Care worker bill gone up. Fathers bill at care home unpaid. Husbands bill for funeral still outstanding. Lost husband june and bill for funeral. Neighbours ken naebody visits her. Neighbours ken wee boy is left alone. Befriender ken the only visitor. Landlord bill selling up. Pals joy riding.', 'wife … in hospice. Wife … of 50 yrs died. Struggling to pay childminder bill. Care worker bill gone up. Fathers bill at care home unpaid. Husbands bill for funeral still outstanding. Lost husband june and bill for funeral. Neighbours ken naebody visits her. Neighbours ken wee boy is left alone. Befriender … the only visitor. Landlord … selling up. Pals joy ….'],
    // Review38f: only what a person alone does makes a bill-sender's "bill" a name; every relation's possessive without
    // its apostrophe sends bills; "bill for" and "bill collectors" are the bill; "joy to", "joy and" after a plural role.
    ['review38f', 'Carer bill putting her into debt. Carers bill hit £900. Carer bill says she owes £800. brothers bill for funeral. other half bill for gas paid by ex. Son billy and bill collectors at the door. Grandkids joy and only company. Carers joy and penny come. Befriender joy to visit weekly. husbands bill drinking again.', 'Carer bill putting her into debt. Carers bill hit £900. Carer bill says she owes £800. brothers bill for funeral. other half bill for gas paid by ex. Son … and bill collectors at the door. Grandkids joy and only company. Carers … and … come. Befriender … to visit weekly. husbands … drinking again.'],
    // Review38g: social work and a warden send bills; in a list "bill" before a word of nounsAfterAName; plural roles
    // only from a list ("sis" is one person); a list goes on only from a head that is a name; a person's "took".
    ['review38g', 'SW bill going up for care. Warden bill due. Stress re husband ken and bill worries. Husband ken + bill going up. Sis joy to visit at weekend. Carers bill and joy both lovely. neighbours bill and joy help. Carer bill took her bank card.', '… bill going up for care. … bill due. Stress re husband … and bill worries. Husband … + bill going up. Sis … to visit at weekend. Carers bill and joy both …. neighbours … and … help. Carer … took her bank card.'],
    // A possessive is read only where its word is ("hdle's" joins to "hdles", a plural the phrase word "hdl" makes; a
    // property test drew it); "Parkinson's" stays, a phrase writes "parkinsons" itself.
    ["a possessive of a word no phrase reads", "stays at hdle's most nights. Parkinson's nurse. mum's house.", "stays at … most nights. Parkinson's nurse. mum's house."],
    ['a month, a possessive\u2019s word, a modal verb and a course after a relation stay', "husband June 2025 died. sister june and her husband. lost husband june. admits using son's charlie. april's child benefit. Husband may be moving out. Son will phone. Wife on the DESMOND course.", "husband June 2025 died. sister june and her husband. lost husband june. admits using son's charlie. april's child benefit. Husband may be moving out. Son will phone. Wife on the DESMOND course."],
    // Review39: a comma joins names only in a list that closes with "and" and a name; "big" is no word between, and after
    // "wee" "bill" is a name only before what a person does; before its relation in brackets only after "with", "and"...;
    // "bill" in brackets at a sentence's end or before money is the bill; a name again, not before a comma; "hit her";
    // quotes, an age in the brackets, a list after a colon, "bill, her husband,".
    [
      'review39',
      'Heating on all day for wife joy, bill went through the roof. Son billy, ken, he is trouble. takes every penny (son). Dreading kids big bill at xmas. Son wee bill in trouble. Husband bill left. Bill, the gas and the rent all behind. £150 to daughter (bill), £300 rent. Left with bill (husband) for funeral. Carer bill texted to her daughter. Landlord bill hit her. Carers bill hit £900. Husband "bill" drinks. Husband (bill, 58) controls the money. Kids: bill, ken and joy. Lives with bill, her husband, who drinks.',
      'Heating on all day for wife …, bill went through the roof. Son …, ken, he is trouble. takes every penny (son). Dreading kids big bill at …. Son wee bill in trouble. Husband … left. Bill, the gas and the rent all behind. £150 to daughter (bill), £300 rent. Left with bill (husband) for funeral. Carer bill texted to her daughter. Landlord … hit her. Carers bill hit £900. Husband "…" drinks. Husband (…, 58) controls the money. Kids: …, … and …. Lives with …, her husband, who drinks.',
    ],
    // Review39c: "hit her" only in its clause and not "hit her hard"; "pushed" is what a bill does; no commas round "ken";
    // only the lexicon's names in punctuation; a quote opens after a space; "bill's £200" is "bill is"; a name again
    // only before a word in its clause, not past a dated header; "(her husband)", "bill, husband,", "Husband: bill,".
    [
      'review39c',
      "Dreading the carer bill - hit her hard. Carer bill pushed him into debt. Home help bill hit her pension hard. Struggling wi her man, ken, he's aye drinking. School uniforms for the kids bill's £200. Booked with husband (DESMOND) next month. Nursery fees (the kids' bill) since May. Husband (bill) is drinking. Lives with bill (her husband) who drinks. Lives with bill, husband, who drinks. Husband: bill, drinks heavily. HUSBAND (BILL, 62 YRS) DRINKS. Landlord bill has threatened eviction. Husband bill drinking.\n12/11/2026 Dr A\nBill - red letter from the electric.",
      "Dreading the carer bill - hit her hard. Carer bill pushed him into debt. Home help bill hit her pension hard. Struggling wi her man, ken, he's aye drinking. School uniforms for the kids bill's £200. Booked with husband (DESMOND) next month. Nursery fees (the kids' bill) since May. Husband (…) is drinking. Lives with … (her husband) who drinks. Lives with …, husband, who drinks. Husband: …, drinks heavily. HUSBAND (…, 62 YRS) DRINKS. Landlord … has threatened eviction. Husband … drinking.\n12/11/2026 Dr A\nBill - red letter from the electric.",
    ],
    // Review39e: "kicked" withdrawn; after a role whose bill is a charge "hit him" is the bill's, after a landlord the
    // person's whatever follows; "bill" set off by punctuation only before what a person does; an age is 105 at most; no
    // "joy" after "little"; "of" before a bracketed relation; a name again after "after" or "with"; "bill's been banging".
    [
      'review39e',
      "Carer bill kicked in this month. Carer bill hit him badly. Mums bill hit them badly. £150 to daughter (bill) and £300 rent. daughter (bill, 150). Grandson little joy in her life. Stressors: husband, bill, kids. funeral for husband (bill) and headstone. Landlord bill hit her hard across the face. Husband bill drinking. Police called after bill punched her. Scared of bill (husband) when drunk. Landlord bill's been banging on the door. Wife joy in hospice. Pt sitting with joy most days.",
      'Carer bill kicked in this month. Carer bill hit him badly. Mums bill hit them badly. £150 to daughter (bill) and £300 rent. daughter (bill, 150). Grandson little joy in her life. Stressors: husband, bill, kids. funeral for husband (bill) and …. Landlord … hit her hard across the face. Husband … drinking. Police called after … punched her. Scared of … (husband) when drunk. Landlord … been banging on the door. Wife … in hospice. Pt sitting with … most days.',
    ],
    // Review39g: across a comma or dash what only a person does; "bill's" only before what a person does; "told" only
    // before a person after a role who is one; "bill" before its bracketed relation not at the sentence's end; "joy"
    // between commas only before what a name does.
    [
      'review39g',
      "Landlord bill - shouting and threatening her. CARER BILL, TOOK £200 FROM HER PURSE. kept warm for the baby bill's went through the roof. Letter about carer bill told her she owes £800. help with rent (council) and bill (son). Since losing her husband, joy, appetite and sleep all gone. Husband bill's gambling. Landlord (bill) threatening eviction.",
      "Landlord … - shouting and threatening her. CARER …, TOOK £200 FROM HER PURSE. kept warm for the baby bill's went through the roof. Letter about carer bill told her she owes £800. help with rent (council) and bill (son). Since losing her husband, joy, appetite and sleep all gone. Husband … gambling. Landlord (…) threatening eviction.",
    ],
  ])('%s', (_, text, expected) => expect(promptWordsOnly(text)).toBe(expected));

  test('an elided word keeps its place for the tokenizer: a sentence that began with it does not begin with the word after it', () => {
    const words = (text: string): string[] => tokenize(text).map((t) => t.word);
    expect(words('… partner hit her')).toEqual(['\u2026', 'partner', 'hit', 'her']);
    // A real ellipsis after a word is no word.
    expect(words('not sure… lonely')).toEqual(['not', 'sure', 'lonely']);
  });

  // Thirty-seventh session: the long-term conditions table (matched against problem lists) had fed the vocabulary, so a
  // second patient's "Gout" stayed in pasted notes once the prompts had run, and not before: what is kept no longer
  // depends on what the page has loaded, only on the notes phrases compiled.
  test('a problem list term, or a caller\u2019s own search phrase, is no word the prompts read in notes', () => {
    promptsFor({ age: 70, sex: 'male', problems: [{ term: 'Gout' }, { term: 'Type 2 diabetes' }], notes: 'Lives alone.', pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } }, GP_DEFAULTS);
    findPhrases('whatever', ['zorblax quintessence']);
    for (const word of ['gout', 'zorblax', 'quintessence']) expect(isPromptWord(word), word).toBe(false);
    expect(promptWordsOnly('Next patient: Gout flare.')).not.toMatch(/gout/i);
  });

  test("a practice's own phrase is read once its rules are compiled in the page", () => {
    expect(isPromptWord('zumba')).toBe(false);
    const own: Rule = {
      id: 'own-zumba',
      need: 'activity',
      strength: 1,
      enabled: true,
      openers: { gp: 'Would a class help?' },
      title: 'Zumba',
      when: { notes: { phrases: ['zumba class'] } },
    } as unknown as Rule;
    compileRuleSet([own]);
    expect(isPromptWord('zumba')).toBe(true);
    expect(promptWordsOnly('goes to zumba class weekly')).toBe('goes to zumba class weekly');
  });

  test("a word read by a practice's own `word*` phrase is read once that phrase is compiled, though it was asked before", () => {
    // "str" already files "struggl*": a new prefix under the same three letters must still count as learned.
    expect(isPromptWord('strumming')).toBe(false);
    compileRuleSet([{ id: 'own-guitar', need: 'activity', title: 'Guitar', strength: 1, enabled: true, openers: { gp: 'A music group?' }, when: { notes: { phrases: ['strumm*'] } } } as unknown as Rule]);
    expect(isPromptWord('strumming')).toBe(true);
  });

  test('every lower-case word the prompt engine\u2019s code compares is kept (src/prompts/data/code-words.json), or is a code identifier', () => {
    // Identifiers, kinds and keys in src/prompts/*.ts, never read from notes.
    const IDENTIFIERS = new Set(
      'anchor backward clause datazone datazonecode dateofdeletion deleted denial deprivation doterm dz dzcode ed female greedy hints household hypothetical lexicon ltc male met negated object pairs papaparse pc pcd pcds phrases possessive postalcode postcode postcodes pronoun receptionist relation schema sentence sentences signals string subject title undefined unknown valibot'.split(' '),
    );
    const missing: string[] = [];
    const dir = resolve(__dirname, '../../src/prompts');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(resolve(dir, file), 'utf8').matchAll(/'([a-z][a-z]{1,20})'/g)) {
        const word = m[1] as string;
        if (!IDENTIFIERS.has(word) && !isPromptWord(word)) missing.push(`${file}: ${word}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("a prompt's reason", () => {
  const why = (notes: string): string =>
    promptsFor({ sex: 'female', age: 40, problems: [], notes, pageKind: 'consultation', source: { adapter: 'test', confidence: 1 } }, GP_DEFAULTS)
      .flatMap((p) => p.why)
      .join(' | ');
  test.each([
    // A name no list holds, in lower case, in a quote's context: on a web record's notes as in a paste's.
    ['a lower-case name beside the words matched', 'Partner dmytro controls the money.', '\u2026 controls the money', 'dmytro'],
    // A name the shape rules find is "[name]" as before.
    ['a capitalised name inside a sentence', 'Scared of her ex, Kerrigan threatening her.', '[name] threatening her', 'Kerrigan'],
    // Title case of the words matched and the words a phrase reads stay.
    ['the words matched, in title case', 'Got an Eviction Letter yesterday.', 'an Eviction Letter', ''],
  ])('%s', (_, notes, shown, hidden) => {
    const reasons = why(notes);
    expect(reasons).toContain(shown);
    if (hidden) expect(reasons).not.toContain(hidden);
  });
});

describe('the prompts read the elided notes as they read the notes', () => {
  const dir = resolve(__dirname, '../fixtures/notes');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  test(`on every notes corpus (${files.length} files): no right prompt lost, no wrong prompt gained`, () => {
    let notes = 0;
    let changed = 0;
    const broken: string[] = [];
    for (const file of files) {
      for (const item of parseCorpus(JSON.parse(readFileSync(resolve(dir, file), 'utf8')))) {
        notes += 1;
        const context = contextOf(item);
        const asWritten = new Set(promptsFor(context, GP_DEFAULTS).map((p) => p.need));
        const elided = new Set(promptsFor({ ...context, notes: promptWordsOnly(context.notes ?? '') }, GP_DEFAULTS).map((p) => p.need));
        if ([...asWritten].sort().join() !== [...elided].sort().join()) changed += 1;
        // Only the held-out half's count is kept, never its items (it is measured, not read).
        const where = file.startsWith('dev') ? `${file} ${item.id}` : file;
        for (const need of asWritten) if (!elided.has(need) && item.expected.includes(need)) broken.push(`${where}: lost ${need}`);
        for (const need of elided) if (!asWritten.has(need) && !item.expected.includes(need)) broken.push(`${where}: gained ${need}`);
      }
    }
    expect(notes).toBeGreaterThan(20_000);
    expect(broken).toEqual([]);
    // Measured when this was written: 3 of 21,510 notes changed, each losing a wrong prompt.
    expect(changed).toBeLessThanOrEqual(3);
  }, 300_000);
});
