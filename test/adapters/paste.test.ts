// The pasted-text reader (issue #17, standalone mode), case by case: how desktop records copy, what is refused.
import { describe, expect, test } from 'vitest';
import { identifiersIn, readPasted } from '../../src/adapters/paste/read-pasted';
import lexicon from '../../src/adapters/paste/lexicon.json';
import { promptWordsOnly } from '../../src/prompts/prompt-words';

const NOW = new Date('2026-12-03T10:00:00Z');
const CHI = { kind: 'chi' as const, value: '1402514301' };

describe('identifiersIn', () => {
  test.each([
    ['CHI No. 140 251 4301', ['1402514301']],
    ['CHI 140251 4301 Mobile 07700 900412', ['1402514301']],
    ['CHI 1402514301 0141 554 2210', ['1402514301']],
    ['Home 0141 554 2210', []],
    ['1402514302 (a wrong check digit)', []],
    ['NHS No. 943 476 5919', ['9434765919']],
  ])('%s', (text, ids) => expect(identifiersIn(text)).toEqual(ids));
});

describe('readPasted', () => {
  test.each([
    [
      'an EMIS Web banner with the usual GP and the practice on its own line',
      'Mrs Catherine DOCHERTY (Cathy)    Born 14-Feb-1951 (75y)    Gender Female    CHI No. 140 251 4301\nUsual GP  Dr Priya Menon    Reg. Practice  Parkhead Medical Practice\nFlat 2/1, 14 Westmuir Street, Glasgow, G31 5AD',
      { ok: true, birthDate: '1951-02-14', sex: 'female', postcode: 'G31 5AD' },
    ],
    [
      'a Vision grid, the address on indented lines, a next of kin below',
      'Surname\tDOCHERTY\nForename\tCatherine\nDate of birth\t14/02/1951\nCHI Number\t1402514301\nAddress\t14 Westmuir Street\n\tGlasgow\n\tG31 5AD\n\nNext of Kin\nName\tMr Alan DOCHERTY\nAddress\t9 Brae Road, Dundee, DD5 2JT',
      { ok: true, name: 'Catherine DOCHERTY', postcode: 'G31 5AD' },
    ],
    [
      'an HTML fragment from a portal',
      '<div><span>Mrs</span> <span>Catherine</span> <span>DOCHERTY</span></div>\n<div><label>Born</label> 14-Feb-1951 <label>CHI No.</label> 140251&nbsp;4301</div><div>14 Westmuir Street,<br>G31 5AD</div>',
      { ok: true, name: 'Mrs Catherine DOCHERTY', postcode: 'G31 5AD' },
    ],
    [
      'an e-mail whose header holds addresses in angle brackets (text, not HTML), the patient in the subject',
      'From: Hastings, Maureen <maureen.hastings@nhs.scot>\nTo: Cowan, Aileen (Dr) <aileen.cowan@nhs.scot>\nCc: Gynae Secretaries <gynae@nhs.scot>\nSubject: RE: Catherine Docherty CHI 1402514301 - DNA\n\nShe could not get childcare.',
      { ok: true, notes: 'She could not get childcare.' },
    ],
  ])('%s', (_, pasted, expected) => expect(readPasted(pasted, CHI, NOW)).toMatchObject(expected));

  // From a hostile review (fifteenth session): someone else's details in shapes the first version did not expect.
  const B = 'Name: Catherine DOCHERTY   DOB: 14/02/1951   CHI: 1402514301';
  /**
   * The notes read from `pasted` hold none of `gone` (as words) and every phrase of `kept` as the prompts read it: the
   * notes keep only the words a prompt can read, "…" for the others (ADR 0013), so "alone on tiree" is "alone on …".
   */
  const expectNotes = (pasted: string, gone: readonly string[], kept: readonly string[]): void => {
    const read = readPasted(pasted, CHI, NOW);
    const notes = read.ok ? read.notes : '';
    for (const word of gone) expect(notes, JSON.stringify(read)).not.toMatch(new RegExp(`\\b${word}\\b`));
    for (const words of kept) expect(notes, JSON.stringify(read)).toContain(promptWordsOnly(words));
  };
  test.each([
    ['a practice address label', `${B}\nPractice Address: 101 Salamanca Street, Glasgow, G31 5BA`, ['G31 5BA', 'Salamanca']],
    ['a GP address label', `${B}\nGP address: 101 Salamanca Street, Glasgow, G31 5BA   GP tel: 0141 531 9000`, ['G31 5BA', '531 9000']],
    ['a ward address', `${B}\nWard 7, Royal Alexandra Hospital, Corsebar Road, Paisley PA2 9PN`, ['PA2 9PN', 'Corsebar']],
    ['a copy line', `${B}\nCopy: Mrs Jean Watt, 9 Brae Road, Dundee, DD5 2JT`, ['DD5', 'Brae', 'Watt']],
    ['an emergency contact in HTML', '<div>Mrs Catherine DOCHERTY</div><div>DOB 14/02/1951</div><div>CHI 1402514301</div><div>Emergency: Karen</div><div>Tel: 07700 900118</div>', ['900118', 'Karen']],
    ['a contact row in a grid after a blank line', 'Surname\tDOCHERTY\nForename\tCatherine\nDate of birth\t14/02/1951\nCHI Number\t1402514301\n\nContact\tKaren McLeod\nMobile\t07700 900118', ['Karen', 'McLeod', '900118']],
    ['an e-mail signature without a sign-off', 'From: Maureen Hastings <m.hastings@lomondha.org.uk>\nSubject: Catherine Docherty CHI 1402514301\n\nHi Aileen\nRent arrears now £2,300, eviction notice served.\n\nMaureen Hastings\nHousing Officer\nLomond Housing\nTel 0141 496 0999', ['Maureen', 'Hastings', '496 0999']],
    ['a relative named before the relation, or after an abbreviation', `${B}\n\nKaren (her daughter) visits daily. Dtr Karen helps. Hubby Tam drinks heavily.`, ['Karen', 'Tam']],
    ['a lone name above the banner, across a blank line', 'Jean Watt\n\nCATHERINE DOCHERTY  14.02.1951  1402514301', ['Jean', 'Watt']],
    ['a household member under "Also at address"', 'Mrs Catherine DOCHERTY   CHI 140 251 4301\nAlso at address: WATT, James  010123/3000  Tel 0141 554 2210', ['WATT', '554 2210']],
    ['a baby\u2019s name and date of birth in the notes', `${B}\n\nMum and baby seen. Baby Ava Docherty DOB 01/10/2026 feeding well`, ['Ava', '01/10/2026']],
    ['dates of birth written out in the notes', `${B}\n\nGrandson born on 3rd March 2019 lives with her. Son d.o.b. Feb 2, 1980.`, ['March 2019', '1980']],
    ['a relative\u2019s street in lower case', `${B}\n\nmoved in with her son at 9 brae road, sleeping on sofa`, ['brae road']],
  ])('not read as the patient\u2019s: %s', (_, pasted, gone) => {
    const shown = JSON.stringify(readPasted(pasted, CHI, NOW));
    for (const g of gone) expect(shown).not.toContain(g);
  });

  test.each([
    ['a housing association is not a person', `${B}\n\nEvicted by Glasgow Housing Association last month.`, 'Housing Association'],
    ['a sentence beginning like a sign-off', `${B}\n\nMany thanks for seeing her.\nShe is behind with the rent.`, 'behind with the rent'],
    ['a salutation with the letter on its line', `${B}\n\nDear Aileen, this lady is about to be evicted.`, 'about to be evicted'],
    ['a service named in the notes', `${B}\n\nCitizens Advice appt booked\nBehind with rent\nNo gas`, 'Behind with rent'],
    ['a few words after a relative\u2019s row', 'Mrs Catherine DOCHERTY   CHI 140 251 4301\nNext of kin: Mr Alan Docherty\nLonely, lives alone', 'lives alone'],
    ['an everyday word that is also a street word', `${B}\n\nA 5 min walk to the shops is too far now. Dobbie 12/12/2020 is her dog.`, 'A 5 min walk to the shops'],
    ['what is left of a line once a date of birth is out', `${B}\n\nBaby Ava DOB 01/10/2026 feeding poorly, no money for formula`, 'no money for formula'],
  ])('kept in the notes: %s', (_, pasted, kept) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read.ok && read.notes).toContain(kept);
  });

  // From the thirty-second session's writers and hostile review: other people in the shapes they wrote.
  test.each([
    ['a letter\u2019s sender above a job title', 'Lorna Paterson\nWelfare Rights Officer\nGlasgow City HSCP\nMrs Catherine Docherty   14/02/1951   CHI 1402514301\n\nBehind with rent.', ['Paterson']],
    ['an e-mail\u2019s sender above its date', 'Karen McLeod\nWed 03/12/2026 19:42\nTo: Riverside Medical Practice\nSubject: Catherine Docherty 14/02/1951 CHI 1402514301\n\nMum is sitting in the cold.', ['McLeod']],
    ['a carer under a "Carers and Next of Kin" heading', 'Surname\tDOCHERTY\nForename\tCatherine\nDate of Birth\t14/02/1951\nCHI Number\t140251 4301\nCarers and Next of Kin\nName\tKaren McLeod\nTelephone\t07700 900461', ['McLeod', '900461']],
    ['a team\u2019s letterhead above a Re: line', 'East Glasgow CMHT\nBuilding 2, 10 Westmuir Street\nGlasgow G31 5BQ\nTel: 0141 232 4455\n\nRe: Mrs Catherine Docherty, DOB 14/02/1951, CHI 1402514301', ['G31 5BQ', '232 4455']],
    ['a correspondence address in someone else\u2019s care', `${B}\nAddress: No fixed abode\tCorrespondence address: Mrs P Gallacher, 41 Kenmure Crescent, Glasgow G21 3QW`, ['Gallacher', 'G21 3QW']],
    ['a mobile annotated as a daughter\u2019s', 'DOCHERTY, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\nAddress 3 Orchard Grove, Kirkcaldy, KY1 2NR\tMobile 07700 900461 (Karen dtr)', ['900461']],
    ['a journal line that starts with "Tel" or "Home"', `${B}\n\nTel call from Alison Baird CPN 07700 900734 - flat is cold.\n\nHome visit with DN Fiona Reilly. No gas credit.`, ['Baird', '900734', 'Reilly']],
    ['relatives with a dash, a particle, a stepdad, capitals with a number', `${B}\n\nCollateral from daughter \u2013 Morag Hendry. Carer Mrs da Silva visits. Lives with stepdad Craig Munro.\nTEL CALL FROM DAUGHTER KAREN BRODIE 07700 900512 - NOT COPING.`, ['Hendry', 'Silva', 'Munro', 'BRODIE']],
    ['a husband whose name begins with a social word', `${B}\n\nLives with husband Grant Hastie who controls the money.`, ['Hastie']],
    ['a relative\u2019s one-word street and local number', `${B}\n\nMoved in with her sister at 146 Gallowgate. Neighbour rang on 554 2210.`, ['Gallowgate', '554 2210']],
    ['a problem title naming someone', 'DOCHERTY, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\n\nActive Problems\n04-Mar-2025\tVictim of domestic abuse - ex-partner Steven Boyle', ['Boyle']],
    ['an appointment book copied with the banner', 'DOCHERTY, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\n\n09:10\tDOCHERTY, Catherine (Mrs)\tArrived\n09:20\tKERRIGAN, Jane (Mrs)\tBooked', ['KERRIGAN']],
    ['a clinician in a journal\u2019s header', 'DOCHERTY, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\n\n04-Dec-2026\tNICOLSON, Fiona (Dr)\tSurgery Consultation\nHistory\tWorried about the mortgage.', ['NICOLSON']],
    // (Thirty-ninth session: a line of everyday words in capitals is the notes; a name alone on its line still is not.)
    ['a name alone on its line in capitals, beside everyday words in capitals', `${B}\n\nNOT EATING\nKAREN BRODIE\nGRANT HILL`, ['KAREN', 'BRODIE', 'GRANT', 'HILL']],
    // (Review39b: names of everyday words, a given name among them or no need read in them.)
    ['names that are everyday words, alone on their lines', `${B}\n\nNOT EATING\nJUNE WALKER\nMay Little\nPEG WALKER\nOlive Cook\nHOPE BAKER`, ['JUNE', 'WALKER', 'May', 'Little', 'PEG', 'Olive', 'Cook', 'HOPE', 'BAKER']],
    // (Review39: a name taken after its relation on one line is taken again where it opens a sentence on the next.)
    ['a relation\u2019s name again on the next line', `${B}\n\nHusband bill drinking heavily.\nBill punched her on Saturday.`, ['bill', 'Bill']],
    // (Review39d: a name the lists of given names hold, or read after a relation, with a surname that is a need word; a
    // two-word line under one that introduces someone or above a role.)
    ['names whose surnames are need words', `${B}\n\nNEIGHBOUR PHONED US\nKEN GRIEVE\n\nSeen with her nephew\nBilly PRICE\n\nLonely since wife died.\nKen Cash\nWelfare Rights Officer`, ['GRIEVE', 'PRICE', 'Cash']],
    // (Review39f: forenames no list holds beside a surname that is a need word: only a need's phrase of two words or
    // more, or a word no name has, keeps a short line; a relation's label names someone whatever its words.)
    ['forenames no list holds, surnames that are need words', `${B}\n\nATTENDED WITH HER NEPHEW TODAY\nPETER HOUSE\n\nThanks\nPip Cook\n\nAgency carer present today\nSUNDAY PRICE\n\nSON IN PRISON\nPETER MONEY`, ['PETER', 'Pip', 'Cook', 'SUNDAY', 'PRICE']],
    // (A line of any length under one that introduces someone, with no word no name has, is theirs: whose job it is
    // cannot be told, and "PETER" is on no list.)
    ['a relative\u2019s line in capitals under one that introduces them', `${B}\n\nNEPHEW CALLED\nPETER LOST JOB\nNOT COPING`, ['PETER']],
    // (Review39h: a relative's rows go on past a short line in capitals, and a line under them is theirs; a name beside a
    // need's words is a name.)
    // (Review39i: a line in capitals about a relative opens their rows, whatever its words: the phone or address under it
    // is theirs.)
    ['a relative\u2019s phone and address under a line in capitals about them', `${B}\n\nWIFE IN NURSING HOME\nTEL 01505 612345\n\nSON IN PRISON\nHMP BARLINNIE, 81 LEE AVENUE, GLASGOW G33 2QX`, ['612345', 'BARLINNIE', 'G33 2QX']],
    ['a relative\u2019s rows past a short line in capitals', `${B}\n\nCarer: Mrs June Walker (daughter)\nALSO CARES FOR HUSBAND\nMob 07700 900461\n\nNOK: SON - IAN DUNCAN\nNO FIXED ABODE\n\nSUNDAY PRICE WORK COACH\nSEEN WITH PEACE GRIEVE`, ['900461', 'NO FIXED ABODE', 'SUNDAY', 'PRICE', 'PEACE', 'GRIEVE']],
    ['a next of kin in capitals named by everyday words, and the rows under it', `${B}\n\nNEXT OF KIN: JUNE WALKER\n07700 900123\nNOT SLEEPING`, ['JUNE', 'WALKER', '900123']],
  ])('not read as the patient\u2019s (thirty-second session): %s', (_, pasted, gone) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read.ok, JSON.stringify(read)).toBe(true);
    const shown = JSON.stringify(read);
    for (const g of gone) expect(shown).not.toContain(g);
  });

  // An age beside a date of birth that the age does not fit today is a contradiction, even one or two years behind and
  // even beside the CHI's own date: reading that as an older letter's age (thirty-seventh session) let another person's
  // 2024 letter with the same date of birth, and a letter whose next of kin's address was read as the patient's, through
  // (review37); withdrawn. Refused, with the reason, the clinician can paste the text without the letter's header.
  test.each([
    ['one year behind, in a letter\u2019s banner', 'Name: Mrs Catherine Docherty\tDOB: 14/02/1951 (Age 74)\tCHI: 1402514301\nDischarged home.'],
    ['two years behind', 'Mrs Catherine DOCHERTY   DOB 14/02/1951 (73y)   CHI 140251 4301\nLives alone.'],
    ['a year ahead of the date', 'Name: Mrs Catherine Docherty\tDOB: 14/02/1951 (Age 76)\tCHI: 1402514301'],
    ['another person\u2019s older letter with the same date of birth and no number', 'Re: Mrs Jean Laird, DOB 14/02/1951 (Age 73)\n14 Castle Street, Forfar DD8 3AB\n\nSeen in clinic, 2024.'],
  ])('an age the date of birth beside it does not give today: %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal: 'contradiction' });
  });

  test.each([
    ['a second letter\u2019s Re: line with another date of birth', 'Re: Mrs Catherine Docherty, DOB 14/02/1951, CHI 1402514301\nStable.\n\nRe: Mr Robert Docherty DOB 12/01/1950\nLost his job.', 'another-banner'],
    ['a reference that is another CHI', 'Ref: CHI 2209451558\nRe: Mr Alan Brown, 22 Sep 1945\n14 Brae Road, Paisley PA2 7QT', 'typed-number-absent'],
    ['"DOB/Age:" against the CHI', 'Name: Mrs Catherine Docherty\tDOB/Age: 14/02/1961 (65y)\tCHI: 1402514301', 'contradiction'],
    ['"4th of March" against the CHI', 'Name: Mrs Catherine Docherty\nDate of Birth: 4th of March 1951\nCHI: 1402514301', 'contradiction'],
    ['"81yo M" against the CHI', 'Catherine Docherty   81yo M   CHI 1402514301', 'contradiction'],
    ['a household grid without the typed number', 'Name\tRelationship\tSex\tDate of Birth\tCHI Number\nSUTHERLAND, Craig\tHead\tM\t11/02/1984\t1102848417\nSUTHERLAND, Nicola\tPartner\tF\t19/09/1986\t1909868663', 'typed-number-absent'],
  ])('refused (thirty-second session): %s', (_, pasted, refusal) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal });
  });

  test.each([
    ['a Vision grid with a header row', 'Surname\tForenames\tDate of Birth\tSex\tPostcode\tCHI Number\tUsual GP\nDOCHERTY\tCatherine Anne\t14/02/1951\tF\tG31 5AD\t1402514301\tDr S Bonthrone', { ok: true, name: 'Catherine Anne DOCHERTY', birthDate: '1951-02-14', postcode: 'G31 5AD' }],
    ['a household grid: the typed number\u2019s row', 'Name\tRelationship\tSex\tDate of Birth\tCHI Number\nDOCHERTY, Alan\tHead\tM\t11/02/1984\t1102848417\nDOCHERTY, Catherine\tPartner\tF\t14/02/1951\t1402514301', { ok: true, name: 'Catherine DOCHERTY', birthDate: '1951-02-14' }],
    ['SystmOne: a date of birth line under the name', 'DOCHERTY, Catherine (Mrs)\n14 Feb 1951 (75 yrs)  Female\nCHI: 140 251 4301\n6 Castlegate, Berwick-upon-Tweed, TD15 1JS', { ok: true, name: 'Mrs Catherine DOCHERTY', birthDate: '1951-02-14', sex: 'female', postcode: 'TD15 1JS' }],
    ['EMIS PCS: the day\u2019s date above a labelled date of birth', 'SUMMARY                       06/12/26\nPATIENT : DOCHERTY, CATHERINE (MRS)   DOB 14.02.51 (75)  F\nCHI     : 1402514301', { ok: true, birthDate: '1951-02-14' }],
    ['EMIS PCS: surname and forenames in cells of their own', 'DOCHERTY        CATHERINE ANNE      MRS   F   14.02.51   75Y\nCHI 1402514301', { ok: true, name: 'CATHERINE ANNE DOCHERTY' }],
    ['a letter\u2019s Re: line with the address', 'Re: Ms Catherine DOCHERTY, 1 Castlegreen Road, Thurso KW14 7LS     DOB 14/02/1951', { ok: true, name: 'Ms Catherine DOCHERTY', postcode: 'KW14 7LS' }],
    ['a preferred name in brackets or on a row of its own', 'Name\tDOCHERTY, Catherine (Mrs)\nPreferred name\tCathy\nCHI\t140 251 4301\nDate of birth\t14-Feb-1951', { ok: true, name: 'Mrs Catherine DOCHERTY' }],
    ['a letter addressed to the patient, the banner without a postcode', 'Our ref: LSW/HM/2291\n\nMrs Catherine Docherty\nTigh an Uillt\nRoy Bridge\nPH31 4AQ\n\nClient: Catherine Docherty   DOB: 14/02/1951   CHI: 1402514301\n\nDear Mrs Docherty', { ok: true, postcode: 'PH31 4AQ' }],
    ['a letter copied to the patient', 'Patient: DOCHERTY, Catherine   CHI: 1402514301   DOB: 14-Feb-1951\n\nDear Dr Nicolson\nMould in the bedroom.\n\ncc: Mrs Catherine Docherty, Flat 1, Bridge Road, Portree IV51 9ER', { ok: true, postcode: 'IV51 9ER' }],
    ['a surname that is a relation word', 'FRIEND, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tGender Female\tCHI No. 140 251 4301', { ok: true, name: 'Mrs Catherine FRIEND' }],
  ])('read (thirty-second session): %s', (_, pasted, expected) => expect(readPasted(pasted, CHI, NOW)).toMatchObject(expected));

  // Thirty-sixth session (review36, dev6): "Pt" without a colon labels a name only when a name follows it; a note that
  // starts "Pt ..." is a note, never the patient's name.
  test.each([
    ['a note starting "Pt" under the banner', 'Mrs Catherine DOCHERTY   Born 14-Feb-1951 (75y)   CHI No. 140 251 4301\nPt attended with Lorna Paterson, struggling with the rent.', 'Mrs Catherine DOCHERTY'],
    ['an EMIS PCS journal in capitals, no banner', '29.11.26  DR RM   NEW REG\n          PT HOMELESS - IN B&B IN AYR.\n          NO INCOME.', undefined],
    ['"Pt" before a name still labels it', 'Pt Catherine DOCHERTY   DOB 14/02/1951   CHI 1402514301', 'Catherine DOCHERTY'],
  ])('the name (thirty-sixth session): %s', (_, pasted, name) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.name).toBe(name);
  });

  test.each([
    ['"No fixed abode" as the address', 'Patient: DOCHERTY, Catherine (Mrs)\nCHI: 1402514301    DOB: 14-Feb-1951\nAddress: No fixed abode', 'No fixed abode'],
    ['a benefit after a relation', `${B}\n\nStruggling since son\u2019s PIP stopped.`, 'PIP stopped'],
    ['a clinic after "Nurse"', `${B}\n\n29-Nov-2026 Practice Nurse Diabetes review: skipping meals.`, 'Diabetes review'],
    ['an alert in capitals', 'DOCHERTY, CATHERINE (MRS)   DOB 14.02.51   CHI 1402514301\n\nALERTS\n        LIVES ALONE', 'LIVES ALONE'],
    ['a template\u2019s rows of the patient\u2019s situation', `${B}\n\nHousehold: 5 in a 2-bed flat, overcrowded and damp\nPartner: controlling, takes her bank card`, 'controlling'],
    ['a journal entry that ends with a service\u2019s number', `${B}\n\nHistory: lost job, can\u2019t afford food or heating\nPlan: foodbank voucher given\nGlasgow North East Foodbank\n0141 552 1234`, 'can\'t afford food or heating'],
    ['a dose that looks like a postcode', `${B}\n\nB12 1mg IM given\nLost job at Christmas, can\u2019t afford heating`, 'afford heating'],
    ['the patient as the carer', 'DOCHERTY, Catherine (Mrs)\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\n\nActive Problems\nHypertension\nCarer for husband Tom (dementia)', 'Carer for husband'],
    // Thirty-ninth session: a short line of everyday words in capitals has a name's shape, and had been dropped whole.
    ['a short line of everyday words in capitals', `${B}\n\nDRINKS HEAVILY\nSTRUGGLING WITH RENT ARREARS\nNOT EATING`, 'DRINKS HEAVILY\nSTRUGGLING WITH RENT ARREARS\nNOT EATING'],
    // (A dated journal header that ends in "Surgery" had opened an organisation's address, every short line under it lost.)
    ['a journal header ending in "Surgery", short lines in capitals under it', `${B}\n\n01.12.26 DR JM  SURGERY\nH/O LOW MOOD\nNOT SLEEPING\nSTRUGGLING WITH BILLS`, 'NOT SLEEPING\nSTRUGGLING WITH BILLS'],
    ['a relation\u2019s line in capitals that names nobody', `${B}\n\nSON IN PRISON\n\nNOT SLEEPING`, 'SON IN PRISON\nNOT SLEEPING'],
    // (A heading with its answer alone on the next line is a label and its value: the prompts read "No" as the heading's.)
    // (Review39f: a heading naming something the patient has is not joined to "Nil" or "None": the need is there.)
    ['a heading of what the patient has, above "Nil"', `${B}\n\nFamily support\nNil\nMoney for food\nNone`, 'Family support\nNil\nMoney for food\nNone'],
    ['a report above "Denies" keeps its need', `${B}\n\nMum reports partner hits her\nDenies\nSmells of cannabis\nDenies`, 'Mum reports partner hits her\nDenies\nSmells of cannabis\nDenies'],
    ['a narrative line above "Denies" keeps its need, not joined as a heading', `${B}\n\nDaughter concerned, she says he has hit her\nDenies`, 'he has hit her\nDenies'],
    ['a template\u2019s heading and its answer on the next line', `${B}\n\nDOMESTIC ABUSE\nRoutine enquiry - no concerns\nDRUG MISUSE\nNone`, 'DOMESTIC ABUSE: no concerns (Routine enquiry)\nDRUG MISUSE: None'],
  ])('kept in the notes (thirty-second session): %s', (_, pasted, kept) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read.ok && read.notes, JSON.stringify(read)).toContain(kept);
  });

  // Thirty-third session: names that are everyday words, lone first names and surnames left by a harvested first name
  // (the third hostile review), against the words a prompt reads.
  test.each([
    ['an everyday given name after a relation', `${B}\n\nHusband Grant died in August. Grant's pension stopped.`, ['Grant'], ['Husband [name] died', 'pension stopped']],
    ['a name of everyday words after a relation', `${B}\n\nLives with partner Peter Hall, who controls the money. Daughter June Brown has moved in.`, ['Peter', 'Hall', 'June', 'Brown'], ['controls the money', 'Daughter [name] has moved in']],
    ['a lone first name inside a sentence', `${B}\n\nLives with parents Jim and Senga, both drinking. Sleeping at Dougie & Morag's most nights.`, ['Senga', 'Dougie', 'Morag'], ['both drinking', 'most nights']],
    ['a surname after a first name taken out', `${B}\n\nCall from daughter Nicola. Nicola Gallacher happy to be contact for social work.`, ['Nicola', 'Gallacher'], ['happy to be contact for social work']],
    ['a first name before ", other daughter,"', `${B}\n\nShona, other daughter, lives away and can't visit often.`, ['Shona'], ['other daughter']],
    ['a grant, a service, a value after a colon', `${B}\n\nApplied for a crisis grant. Carers Centre referral. Wife: Deceased. Son Has key. Partner's UC claim sanctioned.`, [], ['crisis grant', 'Carers Centre referral', 'Wife: Deceased', 'Son Has key', "Partner's UC claim"]],
    ['national services by name', `${B}\n\nSelf-referral to Lifelink, and Simon Community outreach. Main carer since Xmas, in temporary accommodation Jan-Mar.`, [], ['Lifelink', 'Simon Community', 'since Xmas', 'Jan-Mar']],
    ['"Simon" alone is still a name', `${B}\n\nHer brother Simon visits. Simon drinks heavily.`, ['Simon'], ['drinks heavily']],
    ['a child with an age or a date of birth in brackets', `${B}\n\nTyler (7) needs new school shoes. Kids - Kayla (01/02/2019) and Jack (8).`, ['Tyler', 'Kayla', 'Jack'], ['needs new school shoes']],
    ['names typed in lower case after a relation or a title', `${B}\n\nspoke to dtr kirsty (kirsty duthie) - not coping. hc jolene says fridge empty. neighbour mr mcrobbie found her out.`, ['kirsty', 'duthie', 'jolene', 'mcrobbie'], ['not coping', 'says fridge empty', 'neighbour mr [name] found her out']],
    ['a name alone in brackets, possessive, in quotes, or before a name taken out', `${B}\n\nAsked to see by senior carer (Lynne). Fiona's own health poor. On pal's sofa (Davie, "Dazza"). Lynsey Kerrigan works nights.`, ['Lynne', 'Fiona', 'Dazza', 'Lynsey'], ["own health poor", 'works nights']],
    ['a relation and a name in capitals', 'DOCHERTY, CATHERINE (MRS)   DOB 14.02.51   CHI 1402514301\n\nNEPHEW RODDY HELPS WI THE GARDEN. SON-IN-LAW (D. SANGSTER) CUTS STICKS.', ['RODDY', 'SANGSTER'], ['HELPS WI THE GARDEN']],
    ['names a fourth review found: at a sentence\u2019s start before what a person does, after a clock time, in brackets with a slash', `${B}\n\nIsobel from across the landing pops in. Supportive family (Shona/Kirsty). 10:15 Alison from Care at Home rang. Bernadette asking about an alarm.`, ['Isobel', 'Shona', 'Kirsty', 'Alison', 'Bernadette'], ['pops in', 'asking about an alarm']],
    ['a two-letter name, a name in lower case before its relation, a given name that is a word', `${B}\n\nDaughter Jo phoned. Jo says he sits in the cold. spoke to shona (dtr). Stuart Grant asking about alcohol services.`, ['Jo', 'shona', 'Stuart', 'Grant'], ['sits in the cold', 'asking about alcohol services']],
    ['words the prompts need stay', `${B}\n\nHusband Grant died. Applied for a Crisis Grant and a Best Start Grant. Partner Violent when drinking. Overcrowding, Sofa Surfing, Sheltered Housing.`, ['Husband Grant'], ['Crisis Grant', 'Best Start Grant', 'Partner Violent when drinking', 'Overcrowding', 'Sofa Surfing', 'Sheltered Housing']],
    ['a service\u2019s name does not shield a surname or a title', `${B}\n\nSeen with Kevin Macmillan. Mrs Macmillan next door helps. Referred to Macmillan.`, ['Kevin', 'Mrs Macmillan'], ['Referred to Macmillan']],
    ['local numbers after "landline", "ph" or "contact ("', `${B}\n\nUse mum\u2019s landline 554 2210, or gran ph 778 4109, contact (612345) if concerns.`, ['554 2210', '778 4109', '612345'], ['if concerns']],
    ['lower-case words after a relation that name nobody, titles and headings in brackets', `${B}\n\nStaying with sister meantime, son offshore. Repeat Medication (Repeat). Seen with KELLY, Samantha (Mrs).`, [], ['sister meantime', 'son offshore', 'Repeat Medication', '(Mrs)']],
  ])('the notes (thirty-third session): %s', (_, pasted, gone, kept) => {
    expectNotes(pasted, gone, kept);
  });

  // Thirty-fourth session (a fifth hostile review, review33 and review32c): the shapes still kept, against the words a
  // prompt reads.
  test.each([
    ['a lower-case name with a possessive or a second person joined on', `${B}\n\nnow living with dtr kirsty and her 3 kids. kirsty works nights. stay at my pal jolene's with the wean.`, ['kirsty', 'jolene'], ['and her 3 kids', 'works nights', 'with the wean']],
    ['a name set off by commas after a relation, a month that is a name', `${B}\n\nMade redundant in the summer. His daughter, June, has moved back in with her baby. Daughter April rang.`, ['June', 'April'], ['Made redundant in the summer', 'moved back in with her baby']],
    ['a value after a relation and a comma stays', `${B}\n\nWife, Deceased, 2019. Son, Universal Credit, sanctioned.`, [], ['Deceased', 'Universal Credit, sanctioned']],
    ['a street in lower case, short forms and everyday last words', `${B}\n\nstaying with her sister at 22 kirkton rd. previous address 9 main st. brother at 18 ardbeg place.`, ['kirkton', 'main st', 'ardbeg'], ['staying with her sister at [address]']],
    ['a distance, a care package or a park is no street', `${B}\n\nA 5 min walk to the shops is too far now. 10 mins drive to the surgery. 2 carers in place. Walks 2 miles round the park.`, [], ['5 min walk', '10 mins drive', '2 carers in place', 'round the park']],
    // (Until the thirty-sixth session any other old date stayed whole: "Homeless 12/05/2008" now keeps its year, below.)
    ['an old whole date after a name keeps only its year; a death\u2019s stays', `${B}\n\nHusband James 01/01/1948 - ankle swelling. Homeless 12/05/2008, housed since. Son Scott died 07/12/2009 - anniversary Monday.`, ['01/01/1948', 'James', 'Scott', '12/05/2008'], ['Husband [name] 1948', 'Homeless 2008, housed since', 'died 07/12/2009 - anniversary Monday']],
    ['names and dates a fifth review wrote', `${B}\n\nHis wife (June) rang. dtr june rang. daughter - April - visits. son ryan and girlfriend staying. niece shannon, her partner. my pal jolene's flat; jolene also using. gran senga helps. grandson dob - 14/02/2015. dob 1988-07-21. DOB 03071991. b. 03.07.51. DOB 14th Feb '79.`, ['June', 'june', 'April', 'ryan', 'shannon', 'jolene', 'senga', '14/02/2015', '1988-07-21', '03071991', '03.07.51', "14th Feb '79"], ['rang', 'staying', 'also using', 'helps']],
    ['words a sixth review wrote that name nobody', `${B}\n\nbf established now, gf products no longer on prescription. dtr may also come. husband June '25 died. AA meets Thurs 7 pm st columba's church hall. Court 14 jan sheriff court.`, [], ['bf established now', 'gf products', 'dtr may also come', "June '25", "7 pm st columba's", '14 jan sheriff court']],
    ['words a fifth review wrote that name nobody', `${B}\n\nson - tourette's and adhd. husband paraplegic and his care package was cut. husband June 2025 died. 3 kids at st ninian's. 60 units ave per week. £15 each way. 4 double-ups in place. 2 appearances at court. 2 deceased, 2008.`, [], ["tourette's and adhd", 'paraplegic and his care package', 'June 2025', "st ninian's", 'units ave per week', 'each way', 'double-ups in place', 'appearances at court', '2 deceased, 2008']],
  ])('the notes (thirty-fourth session): %s', (_, pasted, gone, kept) => {
    expectNotes(pasted, gone, kept);
  });

  // Thirty-fifth session: a given name in lower case is taken out wherever it stands (the registers of births' names that
  // are no English word), a child's date of birth after a name keeps only its year, and where someone stays after "at"
  // is an address; the words the prompts read, Scots words and short forms stay.
  test.each([
    ['lower-case names in any shape', `${B}\n\nson jamie in barlinnie since October. after kirsty's eviction. bf jordan controls the money. Dtr leanne rang, colin also worried. pal senga helps.`, ['jamie', 'kirsty', 'jordan', 'leanne', 'colin', 'senga'], ['in barlinnie since October', 'eviction', 'controls the money', 'rang', 'also worried', 'helps']],
    ['Scots words, short forms and things that are names too stay', `${B}\n\ntel call fae pt, mair pals than eh ken. reg with practice. seb keratosis. older sib well. stanley knife injury. moses basket. foodbank at st margaret's.`, [], ['fae pt', 'mair pals', 'reg with practice', 'seb keratosis', 'older sib well', 'stanley knife', 'moses basket', "st margaret's"]],
    ['a given name opening a line or a sentence, or after a dash', `${B}\n\nMoira will phone back. Lost his job. - Kirsty to collect the prescription.\nLeanne's being evicted next month.`, ['Moira', 'Kirsty', 'Leanne'], ['will phone back', 'to collect the prescription', 'being evicted next month']],
    ['a word that is a name too opens a sentence and stays', `${B}\n\nWill need a food parcel. Grace period on the rent ends Friday. Roma family, eldest missing school.`, [], ['Will need a food parcel', 'Grace period on the rent', 'Roma family']],
    ['the patient\u2019s own name in lower case stays', `${B}\n\npt says "catherine, you need to get out more" is what her mum used to say.`, [], ['catherine, you need']],
    ['a child\u2019s date of birth on a household list keeps only its year', `${B}\n\nLives with partner and 2 children:\nKai Brown, 12/03/2019\nAva Brown (05/06/2021)\nHousing letter from Karen Smith 01/12/2026 received.`, ['12/03/2019', '05/06/2021', 'Kai', 'Ava'], ['[name], 2019', '[name] ([date of birth])', 'from [name] 01/12/2026 received']],
    ['where someone stays after "at", in lower case', `${B}\n\nStays some nights at his daughter's at 7 west view, other nights at his brother's at 22 braehead or the hostel. ex now lives at 12 the square, kelso.`, ['west view', 'braehead', 'the square'], ["daughter's at [address]", "brother's at [address] or the hostel", 'lives at [address], kelso']],
    ['a time or a count after "at" is no address', `${B}\n\nstaying at 10 pm curfew. lives at 3 weeks notice. moved at 16 to her gran's.`, [], ['staying at 10 pm curfew', 'lives at 3 weeks notice', "moved at 16 to her gran's"]],
    // A seventh hostile review of the round above: words that are names too, times and amounts after "at", recent dates.
    ['places, employers, drinks and drugs after a word that says where or what', `${B}\n\nlives alone on tiree. evicted from a let in leith. sacked from arnold clark. 8 cans of stella a day. using tina at weekends. marie curie nurses at night. william hill app daily.`, [], ['alone on tiree', 'let in leith', 'from arnold clark', 'cans of stella', 'using tina', 'marie curie nurses', 'william hill app']],
    ['short forms, Scots and Urdu words that are names too', `${B}\n\n?tia last week. abi after an assault. the ned next door shouts. her abu has dementia.`, [], ['?tia last week', 'abi after an assault', 'the ned next door', 'her abu has dementia']],
    ['an age, a temperature, a time and an amount after "at" stay', `${B}\n\nleft home at 16 after rows with dad. house at 12 degrees most days. hearing's at 10 tomorrow. he's at 2 litres of cider.`, [], ['left home at 16 after', 'house at 12 degrees', "hearing's at 10 tomorrow", "he's at 2 litres"]],
    ['a recent date after a name or a place stays whole', `${B}\n\nson Jamie (11/12/2025, drug death). court at hamilton 02/09/2026.`, ['Jamie'], ['11/12/2025, drug death', 'hamilton 02/09/2026']],
    ['pet forms, Polish names, accents and hyphens', `${B}\n\nrab from the close helps. shug takes her shopping. tomek and łukasz share the flat. mòrag visits. bf kai-lee's dad.`, ['rab', 'shug', 'tomek', 'łukasz', 'mòrag', 'kai-lee'], ['from the close helps', 'takes her shopping', 'share the flat', 'visits']],
    ['addresses after moving back, and after a flat position', `${B}\n\nex moved back to 23 glenbervie, 2 doors down. sister stays at 0/2, 17 lochview and she may go there.`, ['glenbervie', 'lochview'], ['moved back to [address], 2 doors down', 'stays at [address] and she may go there']],
    ['children\u2019s dates after a dash or with two digits of year keep their year', `${B}\n\nhousehold: kai - 03/04/2015, ava 11/09/19.`, ['03/04/2015', '11/09/19'], ['2015', '2019']],
    // An eighth hostile review, of the whole change after the seventh's round.
    ['a dose, a weight or a count after "stays at" or "moved to" is no address', `${B}\n\nintake stays at 60 units pw. weight stays at 44 kg, low. moved to 5 mg bd. Moved to 2 bed flat, damp.`, [], ['stays at 60 units pw', 'stays at 44 kg', 'moved to 5 mg bd', 'Moved to 2 bed flat']],
    ['an eponym, or a place or a service named after someone', `${B}\n\naddison's disease. iga nephropathy. at the hamish allan centre last night. skye house admission. mac benefits adviser.`, [], ["addison's disease", 'iga nephropathy', 'hamish allan centre', 'skye house', 'mac benefits adviser']],
    ['a number, "cash" or travel before a word that is a name too', `${B}\n\n6-8 stella daily. cash isa gone. flew home to india in march.`, [], ['6-8 stella daily', 'cash isa', 'home to india']],
    ['a possessive, "from" and "of" name people', `${B}\n\nstays at kirsty's most nights. sleeps on jordan's couch. texts from ryan. frightened of ryan. staying at jamie's house.`, ['kirsty', 'jordan', 'ryan', 'jamie'], ["stays at [name]'s most nights", "on [name]'s couch", 'texts from [name]', 'frightened of [name]']],
  ])('the notes (thirty-fifth session): %s', (_, pasted, gone, kept) => {
    expectNotes(pasted, gone, kept);
  });

  // Thirty-sixth session: any whole date more than two years old keeps only its year, wherever it stands (a child's in a
  // household list, a relative's card line, a second record's heading), unless it is the patient's own or a death's; a
  // date with an age beside it is a date of birth however recent (reviews 35q and 35r).
  test.each([
    ['dates in a household list, in any shape', `${B}\n\nLives with partner and 2 kids - Kai: 14/02/2016, Ava \u2014 03/07/2018. Kinship carer for grandchildren billy 22/04/2015 and sally 09/10/2017.`, ['14/02/2016', '03/07/2018', '22/04/2015', '09/10/2017'], ['2016', '2018', 'Kinship carer for grandchildren', '2015', '2017']],
    ['a relative\u2019s card line, and a second heading with two digits of year', `${B}\n\nFemale \u00b7 30 Jan 1996 (30y) \u00b7 mum rang\nbaby 09 Oct 2026 (0y 1m) feeding well\nseen with KERR AGNES F 14.08.61 re her husband`, ['30 Jan 1996', '09 Oct 2026', '14.08.61'], ['[date of birth] \u00b7 mum rang', 'baby [date of birth] feeding well', '1961 re her husband']],
    ['recent and coming dates, a death\u2019s and the patient\u2019s own stay whole', `${B}\n\nseen 01/12/2026, R/V 14/12/26. Court 3rd March 2027. Husband passed away on 3 May 2011. Her birthday 14/02/1951 was hard. Eviction notice 2025-11-30.`, [], ['seen 01/12/2026, R/V 14/12/26', 'Court 3rd March 2027', 'passed away on 3 May 2011', 'birthday 14/02/1951', 'notice 2025-11-30']],
    ['an old event keeps its year for the prompts', `${B}\n\nHomeless 12/05/2015 to 2017. MI 3rd of June 2019. Divorce 14-Aug-2020, lives alone since.`, ['12/05/2015', 'June 2019', '14-Aug-2020'], ['Homeless 2015 to 2017', 'MI 2019', 'Divorce 2020, lives alone since']],
    // A hostile review of the round (review36).
    ['two digits of year stay two: a four-digit year would read as a past event', `${B}\n\npartner punched her 14/10/23 and again last night. Sofa surfing 14.10.23 onwards.`, ['14/10/23', '14.10.23'], ["punched her '23 and again last night", "Sofa surfing '23 onwards"]],
    ['a baby\u2019s date with its age in weeks, and a date written month first', `${B}\n\nlooking after dtr's baby 10/10/2026 (8/52) and Kai (Feb 14th 2016). baby 01/11/2026 (5 wks).`, ['10/10/2026', 'Feb 14th 2016', '01/11/2026'], ["baby [date of birth] and", '(2016)']],
    ['a death\u2019s date keeps its day only in the same sentence', `${B}\n\nBereavement - dtr died. Grandson (14/02/2016) lives with her now.`, ['14/02/2016'], ['dtr died. Grandson (2016) lives with her now']],
    ['a local number right after a name, with no word before it', `${B}\n\nContact dtr Kirsty 552 3345 if any concerns. Takes 100 mg daily.`, ['552 3345', 'Kirsty'], ['Contact dtr [name] [phone] if any concerns', '100 mg daily']],
  ])('the notes (thirty-sixth session): %s', (_, pasted, gone, kept) => {
    expectNotes(pasted, gone, kept);
  });

  test.each([
    ['a second record\u2019s card: a sex and a date of birth with its age', 'Catherine Docherty\nFemale \u00b7 14 Feb 1951 (75y) \u00b7 CHI 140251 4301\nPatient response \u00b7 05 Dec 2026 14:02\nHelp with heating please.\n\nMary Gallacher\nFemale \u00b7 14 Aug 1961 (65y)\nPatient response \u00b7 05 Dec 2026 15:10\nI need a letter for the housing.'],
    ['a child\u2019s card with its age in years and months', 'Patient\nMrs Catherine Docherty\nFemale \u00b7 14 Feb 1951 (75y)\nCHI 140 251 4301\n\nPatient\nOliver Stevenson\nMale \u00b7 03 Feb 2022 (4y 10m)\n\nhis cough is no better.'],
    ['a second card with its date first and the sex after', 'Mrs Catherine DOCHERTY\nBorn 14-Feb-1951 (75y)   Gender Female   CHI No. 140 251 4301\nOff work, worried re bills.\n\nEwan McDonald\n12 May 1979 (47y) \u00b7 Male\nRequest: a sick line please'],
  ])('refused (thirty-fifth session): %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false });
  });

  test.each([
    ['another patient\u2019s request listed with a date of birth', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\n"Signed off work, can\u2019t pay the mortgage."\nBRODIE, Derek (Mr) 12-May-1979 \u00b7 Prescription request \u00b7 05 Dec 2026 09:15\n"Can I get my inhalers please."'],
    ['a Mc surname and a toddler\u2019s date of birth', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\nHRT review.\n\nMcDONALD, Ava (Miss) 14-Mar-2025 \u00b7 Immunisation clinic\n20 month old, jags given.'],
    // The eighth review's second patients.
    ['a surname of two words', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\nTasks\nDE SOUSA, Maria (Mrs) 02-Jun-1984 \u00b7 Call back re smear'],
    ['a titled name and a date between dashes', 'Catherine Docherty \u00b7 14 Feb 1951 (75y) \u00b7 Female \u00b7 CHI 140 251 4301\n"Can\u2019t afford more time off."\n\nMr Callum REID - 12/05/1979 - Fit note request\n"Need my line extended."'],
  ])('two patients (thirty-fifth session): %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
  });

  test.each([
    ['its own card with its own date and age', 'Catherine Docherty\nFemale \u00b7 14 Feb 1951 (75y) \u00b7 CHI 140251 4301\nPatient response \u00b7 05 Dec 2026 14:02\nHelp with heating please.'],
    ['its own listed heading with its date of birth', 'DOCHERTY, Catherine (Mrs) 14-Feb-1951 \u00b7 CHI 140 251 4301\nPrescription request \u00b7 05 Dec 2026 09:15\n"Can I get my inhalers please."'],
    ['its own name without the accent in a document list', 'Mrs Mòrag DOCHERTY   DOB 14/02/1951   CHI 140251 4301\n\nDOCHERTY, Morag (Mrs) 14-Feb-1951 \u00b7 Letter filed\nHousing letter.'],
    ['its own PCS row with no title or sex', 'DOCHERTY   CATHERINE   14.02.51   75Y   CHI 140251 4301\n\n06.12.26 STRUGGLING ON OWN.'],
    ['its own request heading between dashes', 'Mrs Catherine DOCHERTY - 14/02/1951 - Fit note request\nCHI 140 251 4301\n"Off with my back."'],
    // A ninth review's shapes of the patient's own paste that the eighth review's round refused (since withdrawn or
    // narrowed): a task list's authors, a recall row's interval, a surgeon's letter, a carer's card under its label,
    // the patient's name filed without its apostrophe or its Polish letter.
    ['a task list with its authors and dates', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\nTasks\nPATERSON, Iain (Dr) 03-Feb-2019 \u00b7 Review bloods\nNAIRN, Ruth (Prof) 12-Mar-2018 \u00b7 Letter'],
    ['a recall row with its interval', 'DOCHERTY   CATHERINE   MRS   F   14.02.51   75Y   CHI 140251 4301\n\nCERV CYTOLOGY   LAST DONE   14.02.23   3Y\nDIAG   14.03.19   7Y'],
    ['a surgeon\u2019s letter between dashes', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\nLetters\nMr Ahmed HUSSAIN - 14/08/2026 - Orthopaedic clinic letter'],
    ['a carer\u2019s card and heading under their labels', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\n\nMain carer: husband\nDOCHERTY, Thomas (Mr) 03-Feb-1940 \u00b7 Tel 01592 611 204\n\nKinship carer (gran)\nMrs Elizabeth DEVLIN\nFemale \u00b7 17 Jun 1958 (68y)\n\nCarer details (son, lives with her):\nMr Craig DOCHERTY - 22/10/1968 - phone'],
    ['its own name filed without its apostrophe', 'Mrs Catherine O\u2019NEILL   DOB 14/02/1951   CHI 140251 4301\n\nONEILL, Catherine (Mrs) 14-Feb-1951 \u00b7 Letter filed'],
  ])('read (thirty-fifth session): %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: true });
  });

  test.each([
    ['a letter\u2019s Re: line with another date of birth in brackets', 'Re: Mrs Catherine DOCHERTY (born 12/03/1951)\n14 Bridge Road, Portree IV51 9ER\nCHI: 140251 4301\n\nStruggling with money.'],
    ['a message\u2019s sender with "b." and another date', 'From: Catherine Docherty (b. 14/05/1951)\nCHI 1402514301\n\nCan I get my tablets please.'],
    ['a handover\u2019s age that the number cannot have', 'Resident: Catherine Docherty, 67 yrs, CHI 1402514301\nRoom 12. Low mood since moving in.'],
    ['another person seen today, with a date of birth', 'Mrs Catherine DOCHERTY\tBorn 14-Feb-1951 (75y)\tCHI No. 140 251 4301\n\nAlso seen today: James DOCHERTY 01/01/1948 - ankle swelling.'],
    ['a date of birth typed against its label', 'Patient: Mrs Catherine Docherty\nDOB:14/02/1950\nCHI 1402514301\nBlue Badge assessment.'],
    ['a council letter\u2019s "14 February, 1950"', 'Re: Mrs Catherine Docherty\nDate of birth: 14 February, 1950\nCHI 1402514301\nFinancial harm concerns.'],
  ])('refused (thirty-fourth session): %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false });
  });

  test.each([
    ['a handover line of another patient: name and date alone', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 140251 4301\nSofa surfing.\n\nDerek Brodie, 12/05/1979\nChest pain, lost his job.'],
    ['an EMIS PCS header of another patient with no number', 'DOCHERTY   CATHERINE   MRS   F   14.02.51   75Y   CHI 140251 4301\n\n01.12.26 LOW MOOD.\n\nBRODIE   THOMAS   MR   M   12.05.79   47Y\n\n01.12.26 CHEST PAIN.'],
  ])('two patients (thirty-fourth session): %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
  });

  test.each([
    ['its own heading lines and age', 'Re: Mrs Catherine DOCHERTY (born 14/02/1951)\nCHI: 140251 4301\nResident: Catherine Docherty, 75 yrs\n\nLow mood.'],
    ['a registration date in a grid', 'Surname\tDOCHERTY\nForename 1\tCatherine\nDate of Birth\t14/02/1951\nCHI Number\t1402514301\nDate Registered\t12/05/1979'],
    ['its own "DOB:" with no space', 'Patient: Mrs Catherine Docherty\nDOB:14/02/1951\nCHI 1402514301\nBlue Badge assessment.'],
    // A fifth hostile review's shapes of the patient's own paste that the first heading rule refused.
    ['a Re: line with a span of years', 'Re: Mrs Catherine DOCHERTY DOB 14/02/1951 - 5 year surveillance colonoscopy\nCHI 1402514301\nPIP stopped.'],
    ['a companion\u2019s age and a history\u2019s length', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 1402514301\nSeen with: daughter aged 52\nPt: 3 yr hx of low mood.'],
    ['its own age on an older document', 'Client: Catherine Docherty, 73 yrs\nCHI 1402514301\nReferred to welfare rights in 2024.'],
    ['its own PCS header on a scanned summary', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 1402514301\n\nDOCHERTY   CATHERINE   MRS   F   14.02.51   75Y\nSOCIAL: LIVES ALONE.'],
    ['adults and children listed at home', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 1402514301\nOthers at home:\nLorraine Brodie, 04/09/1981\nConnor Brodie, 22/01/2004'],
    ['a dated past history in title case', 'Patient: Mrs Catherine DOCHERTY   DOB: 14/02/1951   CHI: 1402514301\n\nPast Medical History\nMyocardial Infarction 03/04/2009\nCOPD'],
    ['a next of kin\u2019s Name: line with their own date of birth', 'Name: Mrs Catherine DOCHERTY   DOB: 14/02/1951   Sex: F   CHI: 1402514301\n\nNext of Kin\nName: Mr James Docherty   DOB: 14/07/1946   Relationship: Husband'],
    ['a heading\u2019s other cells with other people\u2019s ages', 'Client: Mrs Catherine DOCHERTY\tDOB: 14/02/1951\tMain carer: husband Tom aged 84\nCHI: 1402514301\nPatient: Mrs Catherine Docherty\tSocial: widowed 2 yrs, lives alone'],
    ['children listed with their dates', 'Mrs Catherine DOCHERTY   DOB 14/02/1951   CHI 1402514301\nLives with partner and 2 grandchildren:\nKai Brown, 12/03/2019\nAva Brown, 05/06/2021'],
  ])('read (thirty-fourth session): %s', (_, pasted) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read).toMatchObject({ ok: true });
    // (Where the paste labels the date of birth, it is read.)
    if (/DOB|Date of Birth/.test(pasted)) expect(read).toMatchObject({ birthDate: '1951-02-14' });
  });

  test('a next-of-kin column of a form laid out in columns is another person\u2019s', () => {
    const read = readPasted('Patient details\tNext of kin\nName: Mrs Catherine DOCHERTY\tNOK: Mrs Jean Fleming\nAddress: No fixed abode\tAddress: 14 Cardross Crescent, Greenock PA15 4AB\nCHI: 140251 4301\tTel: 01475 720 311\n\nHomeless since tenancy ended.', CHI, NOW);
    expect(read).toMatchObject({ ok: true });
    expect(JSON.stringify(read)).not.toMatch(/PA15 4AB|Cardross|720 311|Fleming/);
  });

  // Every word of the prompt lexicons is an everyday word to this reader, never taken out as a name: a town written
  // into a phrase ("stranded in Kirkwall", thirty-third session) made it one, and a relative's town was kept in the
  // notes. A lexicon phrase must name no place; this fails when one does.
  test.each(['Aberdeen', 'Inverness', 'Kirkwall', 'Lerwick', 'Glasgow', 'Edinburgh', 'Dundee', 'Perth', 'Stirling', 'Paisley', 'Greenock', 'Kilmarnock', 'Ayr', 'Dumfries', 'Hawick', 'Galashiels', 'Elgin', 'Peterhead', 'Fraserburgh', 'Wick', 'Thurso', 'Stornoway', 'Oban', 'Falkirk', 'Livingston', 'Motherwell', 'Hamilton', 'Airdrie', 'Coatbridge', 'Kirkcaldy', 'Dunfermline', 'Arbroath', 'Montrose', 'Forfar', 'Portree', 'Campbeltown', 'Dunoon', 'Rothesay', 'Stranraer'])(
    'a town named in the notes is taken out with the people (%s)',
    (town) => {
      const read = readPasted(`${B}\n\nHer daughter moved to ${town} last year. Struggling with the rent.`, CHI, NOW);
      expect(read.ok && read.notes).toContain('Struggling with the rent');
      expect(read.ok && read.notes).not.toContain(town);
    },
  );

  test('a second name and date of birth inside the banner is a second patient', () => {
    expect(readPasted(`${B}\nName: James WATT   DOB: 01/01/1923   Tel: 07700 900118`, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
    expect(readPasted(`${B}\n\nWATT, James   01/01/1923   M\nSeen today`, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
  });

  test('a second banner row under another name is a second patient, even with the same date of birth (a twin); the patient\u2019s own again is not', () => {
    const own = 'Name: Catherine DOCHERTY   DOB: 14/02/1951   CHI: 1402514301';
    expect(readPasted(`${own}\n\nName: John DOCHERTY   DOB: 14/02/1951   Sex: M\nSeen: John lost his job.`, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
    expect(readPasted(`${own}\n\nName: John DOCHERTY   Sex: M\nSeen.`, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-banner' });
    expect(readPasted(`${own}\n\nName: Mrs Catherine Docherty   Sex: F\nBehind with rent.`, CHI, NOW)).toMatchObject({ ok: true, name: 'Catherine DOCHERTY' });
  });

  test.each([
    ['Mrs Mary FRIEND   DOB 14/02/1951   CHI 140 251 4301', 'Mrs Mary FRIEND'],
    ['Ms Min-ji SON   DOB 14/02/1951   CHI 140 251 4301', 'Ms Min-ji SON'],
  ])('a surname that is a relation word, in capitals after a given name, is the patient\u2019s own: %s', (pasted, name) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: true, name });
  });

  test('a relation word before a name still makes the line a relative\u2019s', () => {
    expect(readPasted('Son: Gary DOCHERTY   CHI 140 251 4301', CHI, NOW)).toMatchObject({ ok: false, refusal: 'relative-number' });
    expect(readPasted('SON GARY DOCHERTY   CHI 140 251 4301', CHI, NOW)).toMatchObject({ ok: false, refusal: 'relative-number' });
  });

  test.each([
    ['a month-first date of birth', 'Name: Catherine DOCHERTY   DOB: Feb 2, 1951   CHI: 1402514301'],
    ['an age and sex written as prose', 'Catherine DOCHERTY, 75 year old man, CHI 140 251 4301'],
    ['a hyphenated prose age and sex', 'Catherine DOCHERTY, a 75-year-old gentleman, CHI 140 251 4301'],
  ])('checked against the CHI number and refused when it contradicts it: %s', (_, pasted) => {
    expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal: 'contradiction' });
  });

  test.each([
    ['a month-first date of birth that agrees', 'Name: Catherine DOCHERTY   DOB: Feb 14, 1951   CHI: 1402514301', { birthDate: '1951-02-14' }],
    ['a prose age and sex that agree', 'Catherine DOCHERTY, 75 year old woman, CHI 140 251 4301', { age: 75, sex: 'female' }],
    ['someone else\u2019s age and sex in the banner prose', 'Catherine DOCHERTY, has a 5 year old boy, CHI 140 251 4301', {}],
    // "Home" labels an address or a phone: a value that is only a phone number is the phone (hostile probe, eighteenth session).
    ['a "Home:" line that is a phone number', 'Catherine DOCHERTY   DOB 14/02/1951   CHI 140 251 4301\nHome: 0141 554 2210\n14 Westmuir Street, Glasgow, G31 5AD', { phone: '0141 554 2210', postcode: 'G31 5AD' }],
    ['a "Home:" line that is an address', 'Catherine DOCHERTY   DOB 14/02/1951   CHI 140 251 4301\nHome: 14 Westmuir Street, Glasgow, G31 5AD', { address: '14 Westmuir Street, Glasgow, G31 5AD', postcode: 'G31 5AD' }],
  ])('read: %s', (_, pasted, fields) => {
    const read = readPasted(pasted, CHI, NOW);
    expect(read).toMatchObject({ ok: true, ...fields });
    expect(read).not.toMatchObject({ sex: 'male' });
  });

  test('a second patient\u2019s CHI spread by a column gap is still a second patient; the patient\u2019s own, spread, is read', () => {
    const watt = 'Mr James WATT   CHI 010123  3000';
    expect(readPasted(`Mrs Catherine DOCHERTY   CHI 140 251 4301\n\n${watt}\nSeen with chest pain.`, CHI, NOW)).toMatchObject({ ok: false, refusal: 'another-number' });
    expect(readPasted('Surname\tDOCHERTY\nForename\tCatherine\nCHI Number\t140251   4301\nAddress\t14 Westmuir Street', CHI, NOW)).toMatchObject({ ok: true, name: 'Catherine DOCHERTY' });
    // Not a number after its label, or not a valid one: no refusal.
    expect(readPasted(`${B}\nNHS 24 called 2 3 times overnight`, CHI, NOW)).toMatchObject({ ok: true });
    expect(readPasted(`${B}\n\nMr James WATT   CHI 010123  3001`, CHI, NOW)).not.toMatchObject({ refusal: 'another-number' });
  });

  test('a number inside a longer run of digits, or after another number\u2019s label, is no CHI', () => {
    expect(identifiersIn('Mobile +44 7700 900000')).toEqual([]);
    expect(readPasted(`${B}\nHosp No 0101230133`, CHI, NOW)).toMatchObject({ ok: true });
  });

  test("a relative's condition is not the patient's problem", () => {
    const read = readPasted(`${B}\n\nProblems\nHypertension\nFamily history\nMother - breast cancer`, CHI, NOW);
    expect(read.ok && read.problems.map((p) => p.term)).toEqual(['Hypertension']);
  });

  // Problem titles are shown in the confirmation: a name after a relation that the shape rules let by because it is in
  // lower case or a word is taken out too (review37, thirty-seventh session); never a month (review37b: "wife Jan/23").
  test("a relative's name in lower case, or a name that is a word, in a problem title", () => {
    const read = readPasted(`${B}\n\nProblems\ncarer for husband bill 24/7\ndomestic abuse by ex-partner charlie\nBereavement - son Ken\nBereavement - wife Jan/23\nContact dispute with ex - June court date\nVictim of assault - perpetrator Steven BOYLE`, CHI, NOW);
    expect(read.ok && read.problems.map((p) => p.term)).toEqual(['carer for husband [name] 24/7', 'domestic abuse by ex-partner [name]', 'Bereavement - son [name]', 'Bereavement - wife Jan/23', 'Contact dispute with ex - June court date', 'Victim of assault - perpetrator [name]']);
  });

  test("the rows under a relative's labelled line are theirs, until a row only the patient has", () => {
    const read = readPasted('Mrs Catherine DOCHERTY\nNext of kin: Mr Alan Docherty (son)\nAddress: 9 Brae Road, Dundee, DD5 2JT\nTel: 07700 900118\nCHI: 140251 4301   DOB: 14/02/1951', CHI, NOW);
    expect(read).toMatchObject({ ok: true, birthDate: '1951-02-14' });
    expect(JSON.stringify(read)).not.toMatch(/DD5|Brae|900118/);
  });

  test.each([
    ['another valid CHI on a patient line (two banners)', 'Mrs Catherine DOCHERTY  CHI 1402514301\nMr James WATT  CHI 0101230133', 'another-number'],
    ['the typed number only as a household member', 'Mr James WATT   Born 01-Jan-1923\nHOUSEHOLD : DOCHERTY, CATHERINE  CHI 1402514301', 'relative-number'],
    ['another number, not the typed one', 'Mr James WATT   Born 01-Jan-1923   CHI 0101230133', 'typed-number-absent'],
    ['a date of birth that contradicts the CHI', 'Mrs Catherine DOCHERTY   Born 02-Feb-1951   CHI 1402514301', 'contradiction'],
    ['a sex that contradicts the CHI, without the number in the text', 'SURNAME : DOCHERTY   FORENAMES : CATHERINE\nSEX : M\nD.O.B. : 14.02.51', 'contradiction'],
  ])('refused: %s', (_, pasted, refusal) => expect(readPasted(pasted, CHI, NOW)).toMatchObject({ ok: false, refusal }));

  test('the notes leave out letterheads, signatures, salutations, phones and postcodes', () => {
    const read = readPasted(
      'Riverside Medical Practice\n4 Ness Walk\nInverness\nIV3 5NE\nTel 01463 710 410\n\nRe: Mrs Catherine DOCHERTY, date of birth 14/02/1951, CHI 140 251 4301\n14 Westmuir Street, Glasgow, G31 5AD\n\nDear Dr Munro\n\nShe is behind with the rent. Her daughter Karen McLeod helps; seen with Mrs Jean Watt.\nHer son can be reached on 07700 900 118.\n\nYours sincerely\n\nDr Andrew Munro\nGP Partner',
      CHI,
      NOW,
    );
    expect(read).toMatchObject({ ok: true, postcode: 'G31 5AD' });
    if (!read.ok) return;
    expect(read.notes).toContain('behind with the rent');
    expect(read.notes).toContain('daughter [name] helps');
    for (const gone of ['Ness Walk', 'IV3 5NE', '710 410', 'Munro', '07700', 'Dear', 'Karen', 'McLeod', 'Jean Watt']) expect(read.notes).not.toContain(gone);
  });

  test('never throws, whatever the text', () => {
    for (const text of ['', '\u0000'.repeat(10), '<'.repeat(5000), 'CHI '.repeat(3000), '\t\t\n\n  :  \n'.repeat(500)]) expect(() => readPasted(text, CHI, NOW)).not.toThrow();
  });

  test('its word lists are data: lower case, no duplicates', () => {
    for (const [key, list] of Object.entries(lexicon)) {
      if (!Array.isArray(list)) continue;
      expect(new Set(list).size, key).toBe(list.length);
      // (Services' names are matched with their capitals: "Simon Community" is kept, "Simon" alone is a name.)
      // (So are the employers, bookmakers and drinks named after people: "Arnold Clark" and "arnold clark", never "Clark".)
      if (key === 'servicesInNotes' || key === 'namedThingsInNotes') continue;
      for (const word of list) expect(word, key).toBe(word.toLowerCase());
    }
  });
});
