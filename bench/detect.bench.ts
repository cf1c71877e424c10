// Patient detection cost on a large consultation page (about 5,000 elements,
// counting those inside an open shadow root and a same-origin frame, which the
// generic detector walks since #13): one detectPatient pass with the CareView
// adapter, and one with the generic detector only. The watcher runs a pass after each DOM mutation batch, so
// every timed pass follows a small mutation (happy-dom caches query results
// on an unchanged DOM, which would flatter the adapter figures). Two kinds:
// a data attribute toggled (the usual churn of a record's scripts: the generic
// detector re-uses its walk) and a visible text edit (it must walk again, and
// steps over the subtrees that gave nothing and did not change: WalkMemo).
// A third row walks the whole page from scratch every pass (a page never seen
// before: the first pass after a load or a new <body>).
// Measured in happy-dom (the target) and, when /usr/bin/chromium is present,
// in real Chromium too, which is where the extension actually runs.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { BUILTIN_ADAPTERS } from '../src/adapters/builtin/index';
import { detectPatient } from '../src/adapters/detect';
import { detectGenericFresh } from '../src/adapters/generic/detect-generic';
import { attachDeclarativeShadowRoots } from '../test/adapters/screens/happy-dom-screen';
import { bundleForPage, hasChromium, launchChromium } from './chromium';
import { median, percentile, type BenchRow } from './types';

interface Ehr {
  renderEhrPage(path: string): { status: number; html: string } | null;
}

const PATH = '/careview/patient/1/consultation';
const URL_ = `http://127.0.0.1:4173${PATH}`;
const PASSES = 200;
/**
 * Passes run before timing starts, for each kind. A re-walk after a small
 * change takes under half a millisecond, so the engine needs about a hundred
 * of them before it runs optimised code: with 20, that warm-up (and the
 * collections it brings) was the whole p95 of the re-walk row. The watcher
 * runs thousands of passes on a page over a session; the first hundred are
 * slower (p95 about 5 ms in Chromium), which the closing note reports.
 */
const WARM_UP = 100;
const NOW = new Date();
const TEXT_ROW = 'generic detector, after a text change (re-walk; unchanged dull subtrees stepped over)';
const SCRATCH_ROW = 'generic detector, whole page walked from scratch';

/** Padding that looks like a busy record: a results table, with no identifiers. */
function filler(rows: number): string {
  let html = '<section class="cv-panel"><h2>Recent results</h2><table class="cv-results"><tbody>';
  for (let i = 0; i < rows; i++) {
    html += `<tr><td>${(i % 28) + 1}-Oct-2026</td><td><span class="t">Serum sodium</span></td><td><b>${130 + (i % 15)}</b> mmol/L</td><td><a href="#r${i}">view</a></td></tr>`;
  }
  return `${html}</tbody></table></section>`;
}

/** A journal for a same-origin frame (srcdoc), as systems show the notes beside the banner. */
function journal(entries: number): string {
  let html = '<h1>Journal</h1>';
  for (let i = 0; i < entries; i++) html += `<div class="entry"><p class="meta">${(i % 28) + 1}-Sep-2026 · Dr A. Murray</p><p>Reviewed. Plan as before.</p></div>`;
  return html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

async function bigPage(): Promise<string> {
  const ehr = (await import(pathToFileURL(resolve('test/demo/ehr.mjs')).href)) as Ehr;
  const page = ehr.renderEhrPage(PATH);
  if (!page) throw new Error('demo page missing');
  // Most results in the page, some inside a web component's open shadow root, the journal in a frame.
  const shadow = `<results-panel><template shadowrootmode="open">${filler(120)}</template></results-panel>`;
  const frame = `<section class="cv-panel"><h2>Journal</h2><iframe title="Journal" srcdoc="${journal(70)}"></iframe></section>`;
  return page.html.replace('</main>', `${filler(465)}${shadow}${frame}</main>`);
}

/** Elements in the page, its open shadow roots and its same-origin frames. */
function countElements(root: ParentNode): number {
  let n = 0;
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as Element;
    n++;
    if (el.shadowRoot) n += countElements(el.shadowRoot);
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (el.tagName === 'IFRAME' && doc?.body) n += countElements(doc.body);
  }
  return n;
}

function rowsFor(suite: string, name: string, samples: number[], targeted: boolean): BenchRow[] {
  const med = median(samples);
  return [
    { suite, name: `${name}: median per pass`, value: med, unit: 'ms', ...(targeted ? { target: '< 2 ms', ok: med < 2 } : {}) },
    { suite, name: `${name}: p95 per pass`, value: percentile(samples, 95), unit: 'ms', ...(targeted ? { target: '< 4 ms', ok: percentile(samples, 95) < 4 } : {}) },
    // The fastest pass: what the code costs when the machine is not busy with anything else.
    { suite, name: `${name}: min per pass`, value: percentile(samples, 0), unit: 'ms' },
  ];
}

async function happyDom(html: string): Promise<BenchRow[]> {
  const window = new Window({ url: URL_ });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  await window.happyDOM.waitUntilComplete();
  attachDeclarativeShadowRoots(doc);
  const elements = countElements(doc);
  if (detectPatient(doc, URL_, [])?.chi !== '1403522103') throw new Error('generic detector did not find the patient');
  const marker = doc.querySelector('.cv-results td') as Element;
  const time = (adapters: typeof BUILTIN_ADAPTERS, edit: 'attribute' | 'text' | 'scratch' = 'attribute'): number[] => {
    const samples: number[] = [];
    for (let i = 0; i < PASSES + WARM_UP; i++) {
      if (edit === 'attribute') doc.body.setAttribute('data-tick', String(i));
      else marker.textContent = `${(i % 28) + 1}-Nov-2026`;
      const t0 = performance.now();
      if (edit === 'scratch') detectGenericFresh(doc, NOW, URL_);
      else detectPatient(doc, URL_, adapters);
      if (i >= WARM_UP) samples.push(performance.now() - t0);
    }
    return samples;
  };
  const adapter = time(BUILTIN_ADAPTERS);
  const generic = time([]);
  const genericText = time([], 'text');
  const scratch = time([], 'scratch');
  await window.happyDOM.close();
  const suite = `detect, happy-dom (${elements} elements)`;
  // Reported, not held to the targets: issue #13 sets them in Chromium, where the extension runs,
  // and asks for the happy-dom figure beside them (happy-dom's DOM is several times slower).
  return [
    ...rowsFor(suite, 'careview adapter', adapter, false),
    ...rowsFor(suite, 'generic detector, after an attribute change', generic, false),
    ...rowsFor(suite, TEXT_ROW, genericText, false),
    ...rowsFor(suite, SCRATCH_ROW, scratch, false),
  ];
}

/** Runs in the page: the same timed passes against the bundled detector (global LS). */
const IN_PAGE = `function (passes, warmUp) {
  var count = function (root) {
    var n = 0, all = root.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      n++;
      if (all[i].shadowRoot) n += count(all[i].shadowRoot);
      if (all[i].tagName === 'IFRAME' && all[i].contentDocument && all[i].contentDocument.body) n += count(all[i].contentDocument.body);
    }
    return n;
  };
  var marker = document.querySelector('.cv-results td');
  var time = function (adapters, text, scratch) {
    var s = [];
    var now = new Date();
    for (var i = 0; i < passes + warmUp; i++) {
      if (text) marker.textContent = ((i % 28) + 1) + '-Nov-2026';
      else document.body.setAttribute('data-tick', String(i));
      var t0 = performance.now();
      if (scratch) LS.detectGenericFresh(document, now, location.href);
      else LS.detectPatient(document, location.href, adapters);
      if (i >= warmUp) s.push(performance.now() - t0);
    }
    return s;
  };
  // The control: a fixed loop of arithmetic, the same work every pass. Its spread is the machine's, not the detector's.
  var control = [];
  var acc = 0;
  for (var j = 0; j < 120; j++) {
    var c0 = performance.now();
    for (var k = 0; k < 100000; k++) acc += Math.sqrt(k + j);
    if (j >= 20) control.push(performance.now() - c0);
  }
  return { n: count(document), adapter: time(undefined), generic: time([]), genericText: time([], true), scratch: time([], true, true), control: control, acc: acc };
}`;

/** The same passes in headless Chromium, with the detector bundled by esbuild. Skipped when unavailable. */
async function chromium(html: string): Promise<BenchRow[]> {
  if (!hasChromium()) return [];
  const code = await bundleForPage("export { detectPatient } from './src/adapters/detect';\nexport { detectGenericFresh } from './src/adapters/generic/detect-generic';");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(URL_);
    await page.addScriptTag({ content: code });
    // A browser just launched is still starting up on this machine's two cores: a fixed loop of
    // arithmetic timed in its first second spikes to 15 ms where it later takes 0.7. A record
    // page has been open a while before its first patient, so the passes wait until it is quiet.
    await page.waitForTimeout(3000);
    // A string, not a function: tsx would wrap a function with helpers that do not exist in the page.
    const result = (await page.evaluate(`(${IN_PAGE})(${PASSES}, ${WARM_UP})`)) as { n: number; adapter: number[]; generic: number[]; genericText: number[]; scratch: number[]; control: number[] };
    const suite = `detect, Chromium (${result.n} elements)`;
    return [
      ...rowsFor(suite, 'careview adapter', result.adapter, true),
      ...rowsFor(suite, 'generic detector, after an attribute change', result.generic, true),
      ...rowsFor(suite, TEXT_ROW, result.genericText, true),
      ...rowsFor(suite, SCRATCH_ROW, result.scratch, true),
      { suite, name: 'control: fixed arithmetic loop, median per pass', value: median(result.control), unit: 'ms' },
      { suite, name: 'control: fixed arithmetic loop, p95 / median (the machine\'s own spread)', value: percentile(result.control, 95) / median(result.control), unit: 'x' },
    ];
  } finally {
    await browser.close();
  }
}

export default async function bench(): Promise<BenchRow[]> {
  const html = await bigPage();
  const rows = await happyDom(html);
  try {
    rows.push(...(await chromium(html)));
  } catch (error) {
    process.stderr.write(`detect bench: Chromium figures skipped (${String(error)})\n`);
  }
  return rows;
}
