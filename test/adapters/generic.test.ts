import { describe, expect, test } from 'vitest';
import { detectGeneric } from '../../src/adapters/generic/detect-generic';

const NOW = new Date(2026, 10, 25);

function docWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('generic detector: label/value layouts', () => {
  test.each([
    ['th/td', '<table><tr><th>CHI Number</th><td>140352 2103</td></tr><tr><th>Date of birth</th><td>14 March 1952</td></tr></table>'],
    ['dl', '<dl><dt>CHI No.</dt><dd>1403522103</dd><dt>D.O.B.</dt><dd>14/03/1952</dd></dl>'],
    ['label span + span', '<span class="label">CHI:</span> <span>140352-2103</span> <span class="label">DOB:</span> <span>14.03.1952</span>'],
    ['label for input', '<label for="c">CHI</label><input id="c" value="1403522103"><label for="d">Born</label><input id="d" value="1952-03-14">'],
    ['aria-label', '<div aria-label="CHI number">1403522103</div><div aria-label="Date of birth">14-Mar-1952</div>'],
    ['inline text', '<p>CHI: 140352 2103</p><p>DOB: 14 Mar 1952</p>'],
    ['label with value inside', '<p>CHI: <b>140352 2103</b></p><p>DOB: <b>14 Mar 1952</b></p>'],
    ['banner sentence', '<div>Mrs Margaret Docherty, born 14/03/1952, CHI 140352 2103, G31 3JD</div>'],
    ['cell label in bold', '<table><tr><td><b>CHI</b></td><td>1403522103</td></tr></table>'],
  ])('%s', (_label, html) => {
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.chi).toBe('1403522103');
    expect(ctx?.birthDate).toBe('1952-03-14');
    expect(ctx?.sex).toBe('female');
    expect(ctx?.age).toBe(74);
  });

  test('NHS number patients (no CHI) are found by label', () => {
    const ctx = detectGeneric(docWith('<dl><dt>NHS No</dt><dd>943 476 5919</dd><dt>Gender</dt><dd>Male</dd><dt>Age</dt><dd>61y</dd></dl>'), NOW);
    expect(ctx).toMatchObject({ nhsNumber: '9434765919', sex: 'male', age: 61 });
    expect(ctx?.chi).toBeUndefined();
  });

  test.each([
    ['two CHIs (a list)', '<table><tr><th>CHI</th></tr><tr><td>1403522103</td></tr><tr><td>0307582817</td></tr></table>'],
    ['a labelled CHI plus an unlabelled other valid CHI', '<p>CHI: 1403522103</p><p>Next: 0307582817</p>'],
    ['two NHS numbers', '<p>NHS No: 9434765919</p><p>NHS No: 4010232137</p>'],
    ['only an invalid CHI', '<p>CHI: 1403522104</p>'],
    ['an unlabelled number only', '<p>Ref 1403522103</p>'],
    ['nothing', '<p>Welcome</p>'],
  ])('declines: %s', (_label, html) => {
    expect(detectGeneric(docWith(html), NOW)).toBeNull();
  });

  test('the same CHI shown twice is one patient', () => {
    expect(detectGeneric(docWith('<p>CHI: 1403522103</p><footer>CHI 140352 2103</footer>'), NOW)?.chi).toBe('1403522103');
  });

  test('hidden templates, scripts and notes text are not read as identifiers', () => {
    const html = `<p>CHI: 1403522103</p>
      <template><p>CHI: 0307582817</p></template><div hidden>CHI: 0307582817</div><div style="display: none">CHI 0307582817</div>
      <script>var other = "CHI 0307582817";</script>
      <h2>Notes</h2><textarea>Mother's CHI is 0307582817</textarea>`;
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.chi).toBe('1403522103');
    expect(ctx?.notes).toBe("Mother's CHI is 0307582817");
  });
});

describe('generic detector: lists and notes', () => {
  test('problems with codes in brackets and data attributes, medication count, notes by heading', () => {
    const html = `<p>CHI: 1403522103</p><nav><a>Problems</a></nav>
      <section><h3>Active problems</h3><ul><li>Asthma (195967001)</li><li data-code="38341003">Hypertension</li><li>Osteoarthritis (right knee)</li><li>Diabetes [C10F.]</li></ul></section>
      <div><div class="hd"><span>Repeat medication:</span></div><div class="bd"><ol><li>A</li><li>B</li><li>C</li></ol></div></div>
      <textarea rows="2" cols="10">search text</textarea>
      <div><span>Consultation</span><div contenteditable="true">Feeling low.</div></div>`;
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.problems).toEqual([
      { term: 'Asthma', code: '195967001' },
      { term: 'Hypertension', code: '38341003' },
      { term: 'Osteoarthritis (right knee)' },
      { term: 'Diabetes', code: 'C10F.' },
    ]);
    expect(ctx?.medicationCount).toBe(3);
    expect(ctx?.notes).toBe('Feeling low.');
  });

  test('without a labelled box, the largest textarea is the notes', () => {
    const html = '<p>CHI: 1403522103</p><textarea rows="2" cols="20">small</textarea><textarea rows="15" cols="80">big one</textarea>';
    expect(detectGeneric(docWith(html), NOW)?.notes).toBe('big one');
  });

  test('a problem table with code and date columns', () => {
    const html = `<p>CHI: 1403522103</p><h4>Diagnoses</h4><table><thead><tr><th>Condition</th><th>Code</th><th>Since</th></tr></thead>
      <tbody><tr><td>COPD</td><td>13645005</td><td>2014</td></tr><tr><td>Gout</td><td></td><td>2019</td></tr></tbody></table>`;
    expect(detectGeneric(docWith(html), NOW)?.problems).toEqual([{ term: 'COPD', code: '13645005' }, { term: 'Gout' }]);
  });

  // Eighteenth session, dev6: rows of inline cells styled apart. A status badge beside a drug opens no section, a stopped
  // entry is not counted, a term's trailing date and status are columns, and a resolved problem is not a current one.
  test.each([
    [
      '<details open><summary>Medication</summary><div><div><span>Rasagiline 1mg<small>One daily</small></span><span>Repeat</span></div><div><span>Macrogol sachets</span><span>Repeat</span></div><div><span>Ropinirole 2mg<small>Stopped Jan 2026</small></span><span>Stopped</span></div></div></details>',
      2,
    ],
    ['<h3>Repeats</h3><div><div><span>Amlodipine 5mg</span><span>Repeat</span></div><div><span>Co-codamol 30/500</span><span class="pill">Discontinued</span></div></div>', 1],
    ['<h3>Repeats</h3><ul><li>Nicotine patch - stop smoking support</li><li>Aspirin 75mg</li></ul>', 2],
  ])('medication rows with badges: %s', (rows, count) => {
    expect(detectGeneric(docWith(`<p>CHI: 1403522103</p>${rows}`), NOW)?.medicationCount).toBe(count);
  });

  // An old system's table with its heading as a row of its own, a header row and a stopped drug; a status label.
  test('a table whose heading is its own first row', () => {
    const html = `<p>CHI: 1403522103</p><table><tr><td colspan="3">Problems</td></tr><tr><th>Status</th><th>Problem</th><th>Date</th></tr>
      <tr><td>Active</td><td>COPD</td><td>03/2018</td></tr><tr><td>Inactive</td><td>Pneumonia</td><td>01/2023</td></tr></table>
      <table><tr><td colspan="4">Therapy</td></tr><tr><th>Drug</th><th>Dosage</th><th>Type</th><th>Last issue</th></tr>
      <tr><td>SALBUTAMOL 100mcg inhaler</td><td>prn</td><td>Repeat</td><td>19/05/2026</td></tr>
      <tr><td>CLOPIDOGREL 75mg tablets</td><td>1 daily</td><td>Repeat</td><td>19/05/2026</td></tr>
      <tr><td>ASPIRIN 75mg</td><td>1 daily</td><td>STOPPED 10/2024</td><td></td></tr></table>`;
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.problems).toEqual([{ term: 'COPD' }]);
    expect(ctx?.medicationCount).toBe(2);
  });

  // Nineteenth session, dev7: a name styled in parts is one name; two people, or a person and a relation, are not.
  test.each([
    ['<span><span class="giv">Callum James</span> <span class="fam">Reid</span></span>', 'Callum James Reid'],
    ['<span><span class="giv">Kathleen</span> <span class="fam">Cunningham</span></span>', 'Kathleen Cunningham'],
    ['<span><b>REID</b>, <span>Callum</span></span>', 'Callum REID'],
    ['<span><b>Jane Smith</b> <i>John Smith</i></span>', 'Jane Smith'],
    // A relation or a label beside a name says whose it is (code review): no name rather than theirs.
    ['<span><b>Jane Smith</b> <i>Mother</i></span>', undefined],
    ['<span><span>Mary</span> <span>REID</span></span> <span>(Carer)</span>', undefined],
    ['<span><b>Informant</b> <span>Mary Reid</span></span>', undefined],
    ['<span><b>Interpreter</b> <span>Mary Reid</span></span>', undefined],
  ])('a name in inline parts: %s', (name, want) => {
    const html = `<div class="banner"><div>${name}</div><p>CHI: 1403522103</p><p>DOB: 14/03/1952</p></div>`;
    expect(detectGeneric(docWith(html), NOW)?.name).toBe(want);
  });

  // Nineteenth session, dev7: an out-of-hours case's caller (matched to a record of her own) above the patient, in the
  // same layout; a "Name" container whose glued text runs on holds its own name row; a prescriber's cancellation.
  test('a caller box above the patient box is the caller, and a glued "Name" container holds its own row', () => {
    const box = (title: string, name: string, chi: string, dob: string, sex: string) =>
      `<div class="box"><div class="t">${title}</div><div class="c"><div class="fld"><span class="l">Name</span><span class="v">${name}</span></div><div class="fld"><span class="l">CHI</span><span class="v">${chi}</span></div><div class="fld"><span class="l">DOB</span><span class="v">${dob}</span></div><div class="fld"><span class="l">Sex</span><span class="v">${sex}</span></div></div></div>`;
    const html = box('Caller (matched to registered patient)', 'BAIRD, Fiona (Mrs)', '1908929960', '19 Aug 1992', 'Female') + box('Patient', 'BAIRD, Noah (Master)', '1002240697', '10 Feb 2024', 'Male');
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.chi).toBe('1002240697');
    expect(ctx?.name).toBe('Master Noah BAIRD');
  });

  test('a heading of two parts of one kind opens that list; of two kinds, none', () => {
    const rows = '<table><tr><td>Lymecycline 408mg capsules</td><td>Repeat</td></tr><tr><td>Desogestrel 75microgram</td><td>Repeat</td></tr><tr><td>Trimethoprim 200mg</td><td>Discontinued (rash)</td></tr></table>';
    expect(detectGeneric(docWith(`<p>CHI: 1403522103</p><div>Repeat Templates / Current Medication</div>${rows}`), NOW)?.medicationCount).toBe(2);
    expect(detectGeneric(docWith(`<p>CHI: 1403522103</p><div>Medication / Allergies</div>${rows}`), NOW)?.medicationCount).toBeUndefined();
  });

  test('a list opening a block that also holds the next heading is still the list', () => {
    const html = `<p>CHI: 1403522103</p><div class="panel"><h3>Current medication</h3><div class="body"><table><tr><th>Drug</th><th>Type</th></tr>
      <tr><td>Hydromol ointment</td><td>Repeat</td></tr><tr><td>Hydrocortisone 1% cream</td><td>Acute</td></tr></table>
      <p>Discontinued: Cetirizine 1mg/ml oral solution (stopped 12-Feb-2026)</p></div></div>`;
    expect(detectGeneric(docWith(html), NOW)?.medicationCount).toBe(2);
  });

  test('a prescriber\'s cancellation is no current item', () => {
    const html = `<p>CHI: 1403522103</p><h3>Prescription items</h3><table><tr><th>Item</th><th>Status</th></tr><tr><td>Amlodipine 10mg tablets</td><td>Active</td></tr>
      <tr><td>Amlodipine 5mg tablets</td><td>Cancelled by prescriber 09/06/2026</td></tr></table>`;
    expect(detectGeneric(docWith(html), NOW)?.medicationCount).toBe(1);
  });

  test('a bold label with its value on the same line holds that line only', () => {
    const html = `<p>CHI: 1403522103</p><p><strong>Diagnosis:</strong> Benign prostatic hyperplasia<br><strong>Plan:</strong> Continue current management; PSA in 6 months</p>
      <p><b>Problems:</b><br>Asthma<br>COPD</p>`;
    expect(detectGeneric(docWith(html), NOW)?.problems).toEqual([{ term: 'Benign prostatic hyperplasia' }]);
    const list = '<p>CHI: 1403522103</p><p><b>Problems:</b><br>Asthma<br>COPD</p>';
    expect(detectGeneric(docWith(list), NOW)?.problems).toEqual([{ term: 'Asthma' }, { term: 'COPD' }]);
  });

  test('a list in the row under a heading row, and a leading status label', () => {
    const html = `<p>CHI: 1403522103</p><table><tr><td>Current Medication</td></tr><tr><td><ul><li>Amoxicillin 500mg</li><li>Lansoprazole 30mg</li></ul></td></tr></table>
      <h3>Problems</h3><ul><li>Active: Type 1 diabetes mellitus</li><li>Resolved: Asthma</li></ul>`;
    const ctx = detectGeneric(docWith(html), NOW);
    expect(ctx?.medicationCount).toBe(2);
    expect(ctx?.problems).toEqual([{ term: 'Type 1 diabetes mellitus' }]);
  });

  test.each([
    ['<div><span>Parkinson\'s disease<small>diagnosed 2020</small></span><span>Active</span></div><div><span>Depression<small>2019</small></span><span>Resolved</span></div>', [{ term: "Parkinson's disease" }]],
    ['<div>Epilepsy <span>2009</span></div><div>Asthma — resolved <span>1996</span></div>', [{ term: 'Epilepsy' }]],
    ['<table><tr><td>Aug 2015</td><td>Polymyalgia rheumatica</td><td>Major</td></tr></table>', [{ term: 'Polymyalgia rheumatica' }]],
  ])('problem rows: %s', (rows, problems) => {
    expect(detectGeneric(docWith(`<p>CHI: 1403522103</p><h3>Problems</h3><div>${rows}</div>`), NOW)?.problems).toEqual(problems);
  });

  test('confidence grows with the fields found', () => {
    const thin = detectGeneric(docWith('<p>CHI: 1403522103</p>'), NOW);
    const rich = detectGeneric(docWith('<dl><dt>Name</dt><dd>Jo Bloggs</dd><dt>CHI</dt><dd>1403522103</dd><dt>DOB</dt><dd>14/03/1952</dd><dt>Sex</dt><dd>F</dd><dt>Postcode</dt><dd>g314qt</dd></dl>'), NOW);
    expect(thin?.source.confidence).toBe(0.4);
    expect(rich?.source.confidence).toBeGreaterThan(thin?.source.confidence ?? 1);
    expect(rich).toMatchObject({ name: 'Jo Bloggs', postcode: 'G31 4QT' });
  });
});
