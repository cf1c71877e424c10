// #16: sync has no silent cap: it follows pages within the practice's limit and says why it stopped.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { afterPage, startSync, DEFAULT_SYNC_PAGE_LIMIT, type SyncState, type SyncStep } from '../../src/directory/import/sync-plan';

const START = 'https://www.aliss.org/api/v5/services/?postcode=G31+4QT&page_size=10';
const aliss = (next: string | null, count = 25, n = 10) => JSON.stringify({ count, next, previous: null, data: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: 'x' })) });

/** Runs a whole sync against a map of address -> page text. */
function run(pages: Record<string, string>, pageLimit?: number): { steps: SyncStep[]; fetched: string[] } {
  let state: SyncState = startSync(START, pageLimit === undefined ? {} : { pageLimit });
  let url = START;
  const steps: SyncStep[] = [];
  const fetched: string[] = [];
  for (let guard = 0; guard < 50; guard++) {
    fetched.push(url);
    const step = afterPage(state, pages[url] ?? '', url);
    steps.push(step);
    if ('stop' in step) break;
    state = step.state;
    url = step.next;
  }
  return { steps, fetched };
}

const last = (r: { steps: SyncStep[] }) => r.steps[r.steps.length - 1] as SyncStep & { stop: { reason: string; complete: boolean; message: string } };

describe('following pages', () => {
  test('ALISS v5 relative next addresses are followed to the last page; progress counts against the total', () => {
    const p2 = 'https://www.aliss.org/api/v5/services?postcode=G31+4QT&page=2&page_size=10';
    const p3 = 'https://www.aliss.org/api/v5/services?postcode=G31+4QT&page=3&page_size=10';
    const r = run({ [START]: aliss('/api/v5/services?postcode=G31+4QT&page=2&page_size=10'), [p2]: aliss('/api/v5/services?postcode=G31+4QT&page=3&page_size=10'), [p3]: aliss(null, 25, 5) });
    expect(r.fetched).toEqual([START, p2, p3]);
    expect(r.steps.map((s) => s.progress.text)).toEqual(['Page 1: 10 of about 25 services fetched.', 'Page 2: 20 of about 25 services fetched.', 'Page 3: 25 of about 25 services fetched.']);
    expect(r.steps[0]?.progress.fraction).toBe(0.4);
    expect(last(r).stop).toEqual({ reason: 'finished', complete: true, message: 'Sync finished: 25 services from 3 pages.' });
  });

  test('HSDS page_number/total_pages lists', () => {
    const start = 'https://api.example.org/services?page=1';
    const page = (k: number) => JSON.stringify({ total_items: 3, total_pages: 3, page_number: k, contents: [{ id: k }] });
    let state = startSync(start);
    let step = afterPage(state, page(1), start);
    expect('next' in step && step.next).toBe('https://api.example.org/services?page=2');
    state = step.state;
    step = afterPage(state, page(2), 'https://api.example.org/services?page=2');
    step = afterPage(step.state, page(3), 'https://api.example.org/services?page=3');
    expect('stop' in step && step.stop.reason).toBe('finished');
  });

  test('the ALISS search example: its next page is on the same site', () => {
    const text = readFileSync(resolve('test/fixtures/directory/aliss/v4_services_search_G2_4AA.json'), 'utf8');
    const step = afterPage(startSync('https://www.aliss.org/api/v4/services/?postcode=G2+4AA'), text, 'https://www.aliss.org/api/v4/services/?postcode=G2+4AA');
    expect('next' in step && step.next).toBe('https://www.aliss.org/api/v4/services/?page=2&postcode=G2+4AA');
  });
});

describe('stopping, and saying why', () => {
  const loopPage = (k: number) => `https://www.aliss.org/api/v5/services?page=${k}`;
  test.each<[string, Record<string, string>, number | undefined, string, RegExp]>([
    ['the practice page limit', Object.fromEntries([[START, aliss(loopPage(2), 1000)], ...Array.from({ length: 10 }, (_, k) => [loopPage(k + 2), aliss(loopPage(k + 3), 1000)])]), 3, 'page-limit', /^Sync stopped at this practice's limit of 3 pages: 30 of about 1,000 services were fetched, so the directory is incomplete\. Raise the page limit/],
    ['a page sent twice', { [START]: aliss(loopPage(2)), [loopPage(2)]: aliss(loopPage(2)) }, undefined, 'repeated-page', /already sent \(\/api\/v5\/services\?page=2\), so following it would go round in circles\. 20 of about 25/],
    ['a loop back to the first page (parameters reordered)', { [START]: aliss('https://www.aliss.org/api/v5/services/?page_size=10&postcode=G31+4QT') }, undefined, 'repeated-page', /go round in circles/],
    ['another site', { [START]: aliss('https://evil.example/api?page=2') }, undefined, 'other-site', /different site \(https:\/\/evil\.example\), which is not followed\. 10 of about 25 services were fetched; the directory may be incomplete\./],
    ['https to http', { [START]: aliss('http://www.aliss.org/api/v5/services?page=2') }, undefined, 'other-site', /different site \(http:\/\/www\.aliss\.org\)/],
    ['a javascript: address', { [START]: aliss('javascript:alert(1)') }, undefined, 'unsafe-address', /is not a web address/],
    ['a page that is cut off', { [START]: aliss(loopPage(2)), [loopPage(2)]: '{"count": 25, "data": [' }, undefined, 'unreadable-page', /page 2 could not be read \(the file ends part-way through/],
    ['a page that is an error page', { [START]: '<html>Service unavailable</html>' }, undefined, 'unreadable-page', /page 1 could not be read \(the file is not valid json/],
  ])('%s', (_label, pages, limit, reason, message) => {
    const stop = last(run(pages, limit)).stop;
    expect(stop.reason).toBe(reason);
    expect(stop.complete).toBe(false);
    expect(stop.message).toMatch(message);
  });

  test('the default limit is generous and a nonsense limit falls back to it', () => {
    expect(DEFAULT_SYNC_PAGE_LIMIT).toBeGreaterThan(200);
    expect(startSync(START, { pageLimit: 0 }).pageLimit).toBe(DEFAULT_SYNC_PAGE_LIMIT);
    expect(startSync(START, { pageLimit: Number.NaN }).pageLimit).toBe(DEFAULT_SYNC_PAGE_LIMIT);
  });

  test('the state is plain data (it can be stored between alarm ticks)', () => {
    const step = afterPage(startSync(START), aliss(loopPage(2)), START);
    expect(JSON.parse(JSON.stringify(step.state))).toEqual(step.state);
  });
});
