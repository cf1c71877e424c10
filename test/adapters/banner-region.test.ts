// Issue #13: the generic detector reads the patient banner region only,
// arbitrates between identifiers, and cross-checks the banner against the CHI.
import { describe, expect, test } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../src/adapters/builtin/index';
import { detect } from '../../src/adapters/detect';
import type { Detection } from '../../src/adapters/detection';
import type { PatientContext } from '../../src/context/patient-context';
import { loadDemo } from './demo-pages';

const NOW = new Date(2026, 5, 1);
const URL_ = 'https://ehr.example/record';

function docWith(html: string, title = 'Record'): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = title;
  doc.body.innerHTML = html;
  return doc;
}

function read(html: string, title?: string, url = URL_): Detection {
  return detect(docWith(html, title), url, [], NOW);
}

function context(html: string, title?: string): PatientContext {
  const result = read(html, title);
  if (!('context' in result)) throw new Error(`declined: ${result.declined}`);
  return result.context;
}

const BANNER = `<table class="banner"><tr><th>Name</th><td>DOCHERTY, Margaret (Mrs)</td></tr><tr><th>CHI No.</th><td>1403529841</td></tr>
  <tr><th>D.O.B.</th><td>14-Mar-1952 (74y)</td></tr><tr><th>Sex</th><td>Female</td></tr>
  <tr><th>Address</th><td>27 Craigowan Brae<br>Dundee<br>DD5 3NB</td></tr><tr><th>Tel</th><td>01632 960 582</td></tr></table>`;

describe('the banner, read', () => {
  test('"SURNAME, Forename (Title)", a <br> address with its postcode, every detail confirmed', () => {
    expect(context(BANNER)).toMatchObject({
      name: 'Mrs Margaret DOCHERTY',
      chi: '1403529841',
      birthDate: '1952-03-14',
      age: 74,
      sex: 'female',
      address: '27 Craigowan Brae, Dundee, DD5 3NB',
      postcode: 'DD5 3NB',
      phone: '01632 960 582',
      source: { adapter: 'generic', confirmed: true, unconfirmed: [] },
    });
  });

  test.each([
    ['Community Health Index / Born / Gender / Post Code', '<dl><dt>Community Health Index</dt><dd>1403529841</dd><dt>Born</dt><dd>14 March 1952</dd><dt>Gender</dt><dd>F</dd><dt>Post Code</dt><dd>dd5 3nb</dd></dl>'],
    ['label above value, split by <br>', '<table><tr><td><font>CHI No</font><br><b>140352 9841</b></td><td><font>DOB</font><br>14/03/1952</td><td><font>Post code</font><br>DD5 3NB</td></tr></table>'],
    ['label and value in one item', '<ul><li><span>Community Health Index</span>1403529841</li><li><span>Date of birth</span>1952-03-14</li><li><span>Postcode</span>DD5 3NB</li></ul>'],
    ['a header row over one data row', '<table><tr><th>CHI</th><th>DOB</th><th>Postcode</th></tr><tr><td>1403529841</td><td>14-Mar-1952</td><td>DD5 3NB</td></tr></table>'],
  ])('%s', (_label, html) => {
    expect(context(html)).toMatchObject({ chi: '1403529841', birthDate: '1952-03-14', postcode: 'DD5 3NB' });
  });

  // Seventeenth session, from dev2 and dev3's partial readings: the postcode where the address or its label differs.
  test.each([
    ['"Home" over an address', '<div class="bn"><div>Morag REID</div><div><span>CHI</span><span>1403529841</span> <span>Born</span><span>14/03/1952</span></div><div><span>Home</span><span>21 King Street, Dundee, DD5 3NB</span></div></div>'],
    ['"P/code"', '<dl><dt>CHI</dt><dd>1403529841</dd><dt>DOB</dt><dd>14/03/1952</dd><dt>P/code</dt><dd>DD5 3NB</dd></dl>'],
    ['address lines under their label in one element', '<div><div><span>CHI</span> 1403529841</div><div><span>DOB</span> 14/03/1952</div><div class="addr"><span>Address</span><br>3 Thornhill Drive<br>Broughty Ferry<br>DD5 3NB</div></div>'],
    ['a postcode in its own element with no space before it', '<div><div><span>CHI</span><span>1403529841</span></div><div><span>DOB</span><span>14/03/1952</span></div><div><span>Address</span><span>41 King Street, Dundee<span>DD5 3NB</span></span></div></div>'],
  ])('%s', (_label, html) => {
    expect(context(html)).toMatchObject({ chi: '1403529841', birthDate: '1952-03-14', postcode: 'DD5 3NB' });
  });

  test('an empty header over an alerts cell leaves a header row over one data row a banner', () => {
    const html = '<table><tr><th>Surname</th><th>Forename</th><th>Date of Birth</th><th>CHI No.</th><th>Tel</th><th></th></tr><tr><td>REID</td><td>Morag</td><td>14-Mar-1952</td><td>1403529841</td><td>01632 960118</td><td>Allergies (1)</td></tr></table>';
    expect(context(html)).toMatchObject({ chi: '1403529841', birthDate: '1952-03-14', phone: '01632 960118' });
  });

  test('a "Problems:" label with its entries inside its own element is not the table after it', () => {
    const html = `${BANNER}<div><h2>Medication review</h2><div class="tags">Problems: <span>Hypothyroidism</span><span>Atrial fibrillation</span></div><table><tr><th>Medication</th></tr><tr><td>Levothyroxine 75microgram tablets</td></tr></table></div>`;
    expect(context(html).problems.map((p) => p.term)).toEqual(['Hypothyroidism', 'Atrial fibrillation']);
  });

  test('a form\u2019s "Problem" label coding a consultation opens no problem list', () => {
    const html = `${BANNER}<section><h3>Consultation</h3><label>Problem<select><option>Asthma</option></select></label><label>Clinician role<select><option>GP</option></select></label></section><section><h3>Problems</h3><ul><li>Asthma</li><li>Eczema</li></ul></section>`;
    expect(context(html).problems.map((p) => p.term)).toEqual(['Asthma', 'Eczema']);
  });

  test('a site\u2019s "Home" link is no address label', () => {
    const ctx = context(`<nav><a href="#">Home</a><a href="#">Clinics</a></nav>${BANNER}`);
    expect(ctx.address ?? '').not.toContain('Clinics');
  });

  test('an NHS number with a two-digit year settled by the age shown', () => {
    expect(context('<dl><dt>NHS Number</dt><dd>906 024 1193</dd><dt>Born</dt><dd>07.08.41 <span>Age: 84</span></dd><dt>Sex</dt><dd>Female</dd></dl>')).toMatchObject({
      nhsNumber: '9060241193',
      birthDate: '1941-08-07',
      age: 84,
      source: { confirmed: true },
    });
  });

  test('a date of birth worked out from the CHI alone is shown as not confirmed', () => {
    expect(context('<p>CHI: 1403529841</p>').source).toMatchObject({ confirmed: false, unconfirmed: ['birthDate'] });
  });

  test('a banner inside an open shadow root', () => {
    const doc = docWith('<p>Recent: none</p><patient-banner></patient-banner>');
    const shadow = (doc.querySelector('patient-banner') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h1>HAMISH Fraser</h1><dl><dt>CHI Number</dt><dd>2702639593</dd><dt>Gender</dt><dd>Male</dd></dl>';
    const result = detect(doc, URL_, [], NOW);
    expect('context' in result && result.context).toMatchObject({ name: 'HAMISH Fraser', chi: '2702639593', sex: 'male' });
  });

  test('a web component whose shadow root labels values slotted from the page', () => {
    const doc = docWith('<patient-banner><span slot="chi">1403529841</span><span slot="dob">14/03/1952</span></patient-banner>');
    const shadow = (doc.querySelector('patient-banner') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<dl><dt>CHI Number</dt><dd><slot name="chi"></slot></dd><dt>Date of birth</dt><dd><slot name="dob"></slot></dd></dl>';
    const result = detect(doc, URL_, [], NOW);
    expect('context' in result && result.context).toMatchObject({ chi: '1403529841', birthDate: '1952-03-14', source: { confirmed: true } });
  });

  test('a name holding a relation word is refused, and says so', () => {
    const ctx = context('<dl><dt>Name</dt><dd>Fiona LINDSAY (daughter, main carer)</dd><dt>CHI</dt><dd>1403529841</dd><dt>DOB</dt><dd>14/03/1952</dd></dl>');
    expect(ctx.name).toBeUndefined();
    expect(ctx.source).toMatchObject({ confirmed: false, unconfirmed: ['name'] });
  });

  test('"Withheld" and "none recorded" are not values: no postcode, no phone, not taken from elsewhere', () => {
    const ctx = context(`<dl><dt>NHS No</dt><dd>561 529 4558</dd><dt>Born</dt><dd>28.06.95 (30 yrs)</dd><dt>Address</dt><dd>Withheld</dd><dt>Postcode</dt><dd>Withheld</dd><dt>Tel</dt><dd>none recorded</dd></dl>
      <footer>Practice, 3 Heol y Nant, Cardiff CF14 6QB, Tel: 029 2018 0400</footer>`);
    expect(ctx).toMatchObject({ nhsNumber: '5615294558', birthDate: '1995-06-28' });
    expect(ctx.postcode).toBeUndefined();
    expect(ctx.phone).toBeUndefined();
  });
});

describe("another person's details are never the patient's", () => {
  test.each([
    ['a next-of-kin panel after the banner', `${BANNER}<div><h3>Next of Kin / Carer</h3><table><tr><td>Fiona Docherty</td><td>daughter</td></tr><tr><td>Mobile</td><td>07700 900 318</td></tr><tr><td>Address</td><td>5 Hilltown Court, Dundee, DD3 7QS</td></tr></table></div>`],
    ['a carer panel first, with her own CHI', `<aside><h2>Carer</h2><dl><dt>Name</dt><dd>Fiona LINDSAY</dd><dt>CHI</dt><dd>0904536122</dd><dt>Born</dt><dd>1953-04-09</dd><dt>Mobile</dt><dd>07700 900 845</dd></dl></aside>${BANNER}`],
    ['a recent-patients list of labelled CHIs', `<div><b>Recent patients</b><ul><li>STEWART, Agnes<br>CHI 1905384181</li><li>BOYLE, Craig<br>CHI 3008793010</li><li>NAIRN, Shona<br>CHI 1102910007</li></ul></div>${BANNER}`],
    ['a letter quoting another patient', `${BANNER}<div><p>Dear Dr Moncur,</p><p>Re: Mrs Agnes Stewart, CHI 1905384181</p><p>Yours sincerely,</p></div>`],
    ['"Usual GP" and "Entered by" in the banner', BANNER.replace('</table>', '<tr><th>Usual GP</th><td>Dr Alasdair Moncur</td></tr><tr><td colspan="2">Entered by: Lorna Petrie</td></tr></table>')],
  ])('%s', (_label, html) => {
    const ctx = context(html);
    expect(ctx).toMatchObject({ chi: '1403529841', name: 'Mrs Margaret DOCHERTY', postcode: 'DD5 3NB', phone: '01632 960 582', birthDate: '1952-03-14' });
  });

  test.each([
    ['rows of a table', '<tr><th>Next of kin</th><td>Fiona Docherty</td></tr><tr><th>Mobile</th><td>07700 900 318</td></tr><tr><th>Address</th><td>5 Hill St, DD3 7QS</td></tr>'],
    ['cells of a row', '<tr><td>NOK: Fiona Docherty</td><td>Tel: 07700 900 318</td></tr>'],
  ])("a relative's rows after the patient's keep their details (%s)", (_label, rows) => {
    const ctx = context(BANNER.replace('<tr><th>Tel</th><td>01632 960 582</td></tr>', rows));
    expect(ctx).toMatchObject({ chi: '1403529841', postcode: 'DD5 3NB', address: '27 Craigowan Brae, Dundee, DD5 3NB' });
    expect(ctx.phone).toBeUndefined();
  });

  test("a relative's rows before the patient's own keep theirs, and do not hide the patient", () => {
    const ctx = context(`<dl><dt>Next of kin</dt><dd>Fiona Docherty</dd><dt>Mobile</dt><dd>07700 900 318</dd>
      <dt>Name</dt><dd>DOCHERTY, Margaret (Mrs)</dd><dt>CHI</dt><dd>1403529841</dd><dt>DOB</dt><dd>14/03/1952</dd><dt>Sex</dt><dd>F</dd></dl>`);
    expect(ctx).toMatchObject({ chi: '1403529841', name: 'Mrs Margaret DOCHERTY' });
    expect(ctx.phone).toBeUndefined();
  });

  test('an unheaded contact card does not lend the patient its phone', () => {
    const ctx = context(`<header><dl><dt>CHI</dt><dd>1403529841</dd><dt>DOB</dt><dd>14/03/1952</dd><dt>Sex</dt><dd>F</dd></dl></header>
      <section><h3>Contacts</h3><dl><dt>Name</dt><dd>SINCLAIR, Fiona</dd><dt>Mobile</dt><dd>07700 900 101</dd></dl></section>`);
    expect(ctx.phone).toBeUndefined();
    expect(ctx.name).toBeUndefined();
  });

  test('a cached banner hidden by a style sheet is passed over for the one on screen', () => {
    const doc = docWith(`<style>.gone{display:none}</style><div class="gone"><dl><dt>CHI</dt><dd>0904536122</dd><dt>DOB</dt><dd>09/04/1953</dd><dt>Sex</dt><dd>F</dd><dt>Postcode</dt><dd>KY8 4QA</dd></dl></div>${BANNER}`);
    const result = detect(doc, URL_, [], NOW);
    expect('context' in result && result.context.chi).toBe('1403529841');
  });
});

describe('declined, and why', () => {
  test.each([
    ['no identifier', '<p>Welcome</p>', 'no-identifier'],
    ['a day book: rows of patients', `<table><tr><th>Name</th><th>CHI</th></tr>${['1905384181', '3008793010', '1102910007'].map((c) => `<tr><td>X</td><td>${c}</td></tr>`).join('')}</table>`, 'several-patients'],
    ['two banners side by side', `<div>${BANNER}</div><div>${BANNER.replace('1403529841', '0904536122').replace('14-Mar-1952 (74y)', '09-Apr-1953')}</div>`, 'ambiguous'],
    ['an identifier only in a letter', '<div><p>Dear Dr Moncur,</p><p>Re: Mrs Agnes Stewart, CHI 1905384181</p><p>Yours sincerely,</p></div>', 'no-identifier'],
  ])('%s', (_label, html, reason) => {
    expect(read(html)).toMatchObject({ declined: reason });
  });

  test('a one-row list (a waiting room with one patient) is a list, not a banner across', () => {
    expect(read('<table><tr><th>Arrived</th><th>Patient</th><th>CHI</th><th>DOB</th><th>Room</th></tr><tr><td>08:52</td><td>DOCHERTY, Margaret</td><td>1403529841</td><td>14/03/1952</td><td>2</td></tr></table>')).toMatchObject({
      declined: 'no-identifier',
    });
  });

  test('a deceased patient: no prompts or referral, check this record', () => {
    expect(read(BANNER.replace('</table>', '<tr><th>Date of death</th><td>02-May-2026</td></tr></table>'))).toEqual({ declined: 'deceased', check: true, source: 'generic' });
  });

  test('a list page by its title', () => {
    expect(read(BANNER, 'Heatherbell GP :: Appointment Book')).toMatchObject({ declined: 'several-patients' });
  });

  test('the address bar naming another patient', () => {
    expect(detect(docWith(BANNER), 'https://ehr.example/record?chi=1905384181', [], NOW)).toMatchObject({ declined: 'ambiguous' });
  });

  test('a title naming another patient', () => {
    expect(read(BANNER, 'Heatherbell GP :: Consultation :: STEWART, Agnes (Mrs)')).toMatchObject({ declined: 'ambiguous' });
  });

  test.each([
    ['date of birth not the CHI date', BANNER.replace('14-Mar-1952 (74y)', '12-Mar-1952'), 'birth-date-mismatch'],
    ['sex not the CHI sex digit', BANNER.replace('Female', 'Male'), 'sex-mismatch'],
    ['a title not the CHI sex digit', BANNER.replace('<tr><th>Sex</th><td>Female</td></tr>', '').replace('(Mrs)', '(Mr)'), 'sex-mismatch'],
    ['age not the date of birth', BANNER.replace('(74y)', '(64y)'), 'age-mismatch'],
    ['age not any date the CHI could hold', '<dl><dt>CHI</dt><dd>1403529841</dd><dt>Age</dt><dd>40</dd></dl>', 'age-mismatch'],
  ])('contradiction: %s (check this record)', (_label, html, reason) => {
    expect(read(html)).toEqual({ declined: reason, check: true, source: 'generic' });
  });

  test('an adapter meeting a contradiction ends the search with check: true (no generic guess)', () => {
    const page = loadDemo('/careview/patient/1/consultation');
    (page.doc.querySelector('.cv-sex') as Element).textContent = 'Male';
    expect(detect(page.doc, page.url, BUILTIN_ADAPTERS, NOW)).toEqual({ declined: 'sex-mismatch', check: true, source: 'careview' });
    void page.window.happyDOM.close();
  });
});

describe('lists', () => {
  test('count headings, allergies and past medication never counted, date cells never problems, ARIA grids', () => {
    const ctx = context(`${BANNER}
      <div><h3>Problems (3)</h3><table><tr><td>12-Apr-2016</td><td>Type 2 diabetes mellitus</td></tr><tr><td>02-Feb-2009</td><td>Hypertension</td></tr></table>
      <h3>Repeats (4)</h3><table><tr><td>A</td></tr></table><h3>Acute medication (1)</h3><table><tr><td>B</td></tr></table>
      <h3>Allergies (2)</h3><table><tr><td>Codeine</td></tr><tr><td>Elastoplast</td></tr></table><h3>Past medication</h3><table><tr><td>C</td></tr></table></div>`);
    expect(ctx.problems).toEqual([{ term: 'Type 2 diabetes mellitus' }, { term: 'Hypertension' }]);
    expect(ctx.medicationCount).toBe(5);
  });

  test('an ARIA grid with date cells and a status column', () => {
    const ctx = context(`${BANNER}<section><h2>Problems</h2><div role="grid"><div role="row"><span role="columnheader">Since</span><span role="columnheader">Problem</span><span role="columnheader">Status</span></div>
      <div role="row"><span role="gridcell">03/2019</span><span role="gridcell">Migraine without aura</span><span role="gridcell">Active</span></div></div></section>`);
    expect(ctx.problems).toEqual([{ term: 'Migraine without aura' }]);
  });

  test('lines after an inline heading, up to a blank line; items after a colon', () => {
    const ctx = context(`${BANNER}<font><b><u>Problems</u></b><br>12/10/2015 &nbsp;Benign prostatic hyperplasia<br>03/06/2019 &nbsp;Gout<br><br>
      <b><u>Repeat medication</u></b><br>Tamsulosin<br>Finasteride<br></font><p><b>Past history:</b> ignored here</p>`);
    expect(ctx.problems.map((p) => p.term)).toEqual(['Benign prostatic hyperplasia', 'Gout']);
    expect(ctx.medicationCount).toBe(2);
  });

  test('notes: the journal sections when there is no notes box', () => {
    const ctx = context(`${BANNER}<section><h2>Last consultation – 12-May-2026 – Dr A Moncur</h2><p>Rarely leaves flat in winter.</p></section>`);
    expect(ctx.notes).toContain('Rarely leaves flat in winter.');
  });
});

// Twentieth session: what the eighth author's screens (dev8) found, each as a small page of its own.
describe('dev8 round', () => {
  const NOW8 = new Date(2026, 9, 2);
  const ctx8 = (html: string): PatientContext => {
    const result = detect(docWith(html), URL_, [], NOW8);
    if (!('context' in result)) throw new Error(`declined: ${result.declined}`);
    return result.context;
  };
  const BAR = `<div id="pbar"><span class="pname">MATHESON, Ruaridh (Mr)</span> <span class="lab">CHI No</span> 3003912119
    <span class="lab">DOB</span> 30-Mar-1991 (35y) <span class="lab">Sex</span> Male <span class="lab">Address</span> 11 Culloden Road, Inverness IV2 7HG
    <span class="lab">Tel</span> 07700 900161</div>`;

  test('the previous patient kept in an inline display:none block above the bar is never read; the bar\'s own name is', () => {
    const hiddenPrev = `<div style="display:none"><span class="pname">MUNRO, Kerry (Ms)</span> <span class="lab">CHI No</span> 1206882107
      <span class="lab">DOB</span> 12-Jun-1988 <span class="lab">Tel</span> 07700 900162</div>`;
    const c = ctx8(hiddenPrev + BAR);
    expect(c.name).toBe('Mr Ruaridh MATHESON');
    expect(c.chi).toBe('3003912119');
    expect(JSON.stringify(c)).not.toMatch(/Kerry|MUNRO|1206882107|900162/);
  });

  test('a phone the patient is reached through ("via care home") is not the patient\'s', () => {
    const c = ctx8(`<dl><dt>Name</dt><dd>KERR, Isobel</dd><dt>CHI</dt><dd>0202502104</dd><dt>DOB</dt><dd>02/02/1950</dd>
      <dt>Sex</dt><dd>Female</dd><dt>Phone</dt><dd>via care home 01632 960209</dd></dl>`);
    expect(c.chi).toBe('0202502104');
    expect(c.phone).toBeUndefined();
  });

  // The round's first form read these two, and a hostile review found the same rules unsafe on 10 of its screens (the
  // patient's own "· Carer" flag, a "Schedule" link): withdrawn. What must hold is that no one else is ever read.
  test('identical blocks for a grandmother, a child and a mother: never the grandmother or the mother', () => {
    const block = (h: string, name: string, chi: string, dob: string) =>
      `<section><h3>${h}</h3><dl><div class="nm">${name}</div><dt>CHI</dt><dd>${chi}</dd><dt>Born</dt><dd>${dob}</dd><dt>Sex</dt><dd>Female</dd></dl></section>`;
    const result = detect(
      docWith(
        block('Accompanying adult · grandmother', 'Sandra McINTYRE', '0410622109', '04/10/1962') +
          block('Patient', 'Ava McINTYRE', '0702172103', '07/02/2017') +
          block('Parent with parental responsibility · mother', 'Lynsey McINTYRE', '2705902104', '27/05/1990'),
      ),
      URL_,
      [],
      NOW8,
    );
    expect(JSON.stringify(result)).not.toMatch(/Sandra|Lynsey|0410622109|2705902104|900212/);
    if ('context' in result) expect(result.context.chi).toBe('0702172103');
  });

  test('a day schedule of visit cards beside the open patient\'s header: never a card\'s patient', () => {
    const card = (name: string, chi: string, dob: string) => `<div class="cc-visit"><div class="nm">${name}</div><div class="sub">CHI ${chi} · ${dob}</div></div>`;
    const result = detect(
      docWith(`<aside aria-label="Today's visits">${card('Walter Nairn', '2203312114', '22/03/1931')}${card('Elspeth Grant', '0512362106', '05/12/1936')}${card('Ina Cairns', '0110292103', '01/10/1929')}</aside>
      <main><section><h2>Elspeth Grant</h2><div><span>CHI</span> <span>0512362106</span> <span>Date of birth</span> <span>05/12/1936</span> <span>Sex</span> <span>Female</span></div></section></main>`),
      URL_,
      [],
      NOW8,
    );
    expect(JSON.stringify(result)).not.toMatch(/Walter|Ina|2203312114|0110292103/);
  });

  test('a hidden name line inside the banner that differs from the shown one: no name at all (a page mid-switch)', () => {
    const c = ctx8(`<div class="banner"><span class="pname" style="display:none">REID, Morag (Mrs)</span><span class="pname">MUNRO, Kerry (Ms)</span>
      <span>CHI</span> 1206882107 <span>DOB</span> 12-Jun-1988 <span>Sex</span> Female</div>`);
    expect(c.chi).toBe('1206882107');
    expect(c.name).toBeUndefined();
  });

  test('a name re-shown inside a visibility:hidden wrapper is still read; a custom property naming display is no hiding', () => {
    const c = ctx8(`<div style="visibility:hidden"><span class="pname" style="visibility:visible">MATHESON, Ruaridh (Mr)</span></div>
      <div style="--print-display: none"><span>CHI No</span> 3003912119 <span>DOB</span> 30-Mar-1991 <span>Sex</span> Male</div>`);
    expect(c.name).toBe('Mr Ruaridh MATHESON');
  });

  test('"Active" under "Problems" qualifies the list; "Past" still ends it; a bold "History:" is part of the consultation', () => {
    const c = ctx8(`${BAR}<section><h2>Problems</h2><h3>Active</h3><ul><li>Type 2 diabetes mellitus</li><li>Asthma</li></ul><h3>Past</h3><ul><li>Appendicectomy</li></ul></section>
      <section><h2>Last consultation</h2><p>28-Sep-2026 · Dr Lockhart</p><p><b>Seen with:</b> Cough for 10 days, lost his job last month, can't afford the heating.</p></section>`);
    expect(c.problems.map((p) => p.term)).toEqual(['Type 2 diabetes mellitus', 'Asthma']);
    expect(c.notes).toContain("can't afford the heating");
  });
});
