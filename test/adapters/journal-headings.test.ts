// Journal and list headings as the thirtieth session's round met them on the development screens (dev5, dev6, dev8):
// each markup below was read as no notes (or no problems) before it, and each near miss beside it must stay unread.
import { describe, expect, test } from 'vitest';
import { detect } from '../../src/adapters/detect';
import { headingOf } from '../../src/adapters/generic/labels';
import type { PatientContext } from '../../src/context/patient-context';
import type { Screen } from './screens/corpus';
import { openScreen } from './screens/happy-dom-screen';

const NOW = new Date(2026, 5, 1);
const BANNER = `<table class="banner"><tr><th>Name</th><td>DOCHERTY, Margaret (Mrs)</td></tr><tr><th>CHI No.</th><td>1403529841</td></tr>
  <tr><th>D.O.B.</th><td>14-Mar-1952 (74y)</td></tr><tr><th>Sex</th><td>Female</td></tr></table>`;

function docWith(html: string): Document {
  const doc = document.implementation.createHTMLDocument();
  doc.title = 'Record';
  doc.body.innerHTML = `${BANNER}${html}`;
  return doc;
}

function read(doc: Document): PatientContext {
  const result = detect(doc, 'https://ehr.example/record', [], NOW);
  if (!('context' in result)) throw new Error(`declined: ${result.declined}`);
  return result.context;
}

const ENTRY = 'Lost his job last month, cannot afford the heating';

describe('notes under headings the round met', () => {
  test.each([
    [
      'an accordion summary whose arrow is hidden from assistive technology (Material UI)',
      `<div><div role="button" aria-expanded="true" aria-controls="enc"><div><span>Encounters</span></div><span aria-hidden="true">▲</span></div>
        <div><div id="enc" role="region"><article><span>20 May 2026 · Dr S Malik</span><p>${ENTRY}.</p></article></div></div></div>`,
    ],
    [
      'a tab list filtering the journal beside its heading',
      `<section><div><h2>Journal</h2><div role="tablist"><button role="tab">All</button><button role="tab">Results</button></div></div>
        <div><article><p>${ENTRY}.</p></article></div></section>`,
    ],
    [
      'a dated line beside the heading in its header, the entry in the next block',
      `<div class="panel"><div class="panel-heading"><span>Last consultation</span><span class="muted">27/05/2026 · Home visit · ANP M Morrison</span></div>
        <div class="panel-body"><p>${ENTRY}.</p></div></div>`,
    ],
    [
      'an accordion header button inside a heading (the WAI-ARIA pattern)',
      `<section><h2><button type="button" aria-expanded="true" aria-controls="sec">Round notes</button></h2><div role="region" id="sec"><div class="note">${ENTRY}.</div></div></section>`,
    ],
    ['a heading naming who wrote the notes', `<section><h3>Pharmacist notes</h3><p>${ENTRY}.</p></section>`],
    ['a heading naming two writers and a time span', `<table><tr><td class="hdr">Nursing / Medical Notes (last 24h)</td></tr><tr><td>${ENTRY}.</td></tr></table>`],
    [
      'a bold "History:" opening a paragraph of the consultation: the examination and plan after it are read too',
      `<section><h2>Last consultation</h2><p>28-Sep-2026 · Dr Lockhart</p><p><b>History:</b> Cough for 10 days, green sputum.</p><p><b>Plan:</b> ${ENTRY}, links practitioner.</p></section>`,
    ],
  ])('%s', (_what, html) => {
    expect(read(docWith(html)).notes).toContain(ENTRY);
  });

  test('a bold "History:" read inside its consultation is not read a second time', () => {
    const notes = read(docWith(`<section><h2>Last consultation</h2><p><b>History:</b> Cough for 10 days, green sputum.</p><p><b>Plan:</b> review.</p></section>`)).notes;
    expect(notes.split('Cough for 10 days').length).toBe(2);
  });

  test('an accordion header lets its problems be read as well', () => {
    const c = read(docWith(`<section><h2><button aria-expanded="true" aria-controls="pr">Problems</button></h2><div id="pr" role="region"><ul><li>Vascular dementia</li></ul></div></section>`));
    expect(c.problems.map((p) => p.term)).toEqual(['Vascular dementia']);
  });

  test('a rich-text editor in a frame of its own (TinyMCE) is the notes box', async () => {
    // Served as the corpus screens are, so the frame loads its own document.
    const page = await openScreen({
      id: 'tinymce',
      html: `<!doctype html><title>Record</title>${BANNER}<p>Consultation – 01/06/2026</p><iframe id="consultation_text_ifr" title="Rich Text Area" src="editor.html"></iframe>`,
      expect: { url: 'https://ehr.example/record', expect: 'patient' } as Screen['expect'],
      frames: { 'editor.html': `<!doctype html><title>Rich Text Area</title><body id="tinymce" contenteditable="true"><p>${ENTRY}.</p></body>` },
    });
    try {
      expect(read(page.doc).notes).toBe(`${ENTRY}.`);
    } finally {
      await page.window.happyDOM.close();
    }
  });
});

describe('near misses stay unread', () => {
  test.each([
    ['Carer notes', undefined],
    ['See notes', undefined],
    ['Notes about her son', undefined],
    ['Round notes', 'notes'],
    ['Pharmacist notes', 'notes'],
    ['Ward journal', 'notes'],
    ['District nurse notes (last 7 days)', 'notes'],
  ])('heading "%s" -> %s', (text, kind) => {
    expect(headingOf(text)).toBe(kind);
  });

  test('words beside a heading with no date are not taken for its header line', () => {
    const c = read(docWith(`<div><div><b>Notes:</b> <span>see the letter</span></div><div><p>Recent patients list</p></div></div>`));
    expect(c.notes).not.toContain('Recent patients list');
  });

  test('a button inside a heading with no aria-expanded is still navigation', () => {
    const c = read(docWith(`<h2><button>Problems</button></h2><div><ul><li>Asthma</li></ul></div>`));
    expect(c.problems).toEqual([]);
  });
});

describe("a banner's name part (thirtieth session, dev5)", () => {
  const bar = (nameAttrs: string): string =>
    `<div id="pbar"><span class="lab">CHI No</span> 1403529841 <span class="lab">DOB</span> 14-Mar-1952 <span class="lab">Sex</span> Female <span ${nameAttrs}>DOCHERTY, Margaret (Mrs)</span></div>`;
  const nameOf = (html: string): string | undefined => {
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML = html;
    const result = detect(doc, 'https://ehr.example/record', [], NOW);
    return 'context' in result ? result.context.name : undefined;
  };

  test('a name after the identifier in a part or slot named "name" is read', () => {
    expect(nameOf(bar('part="name"'))).toBe('Mrs Margaret DOCHERTY');
    expect(nameOf(bar('slot="name"'))).toBe('Mrs Margaret DOCHERTY');
  });

  test('the same line with no such mark, after the identifier, is not taken for the name', () => {
    expect(nameOf(bar('class="v"'))).toBeUndefined();
  });
});
