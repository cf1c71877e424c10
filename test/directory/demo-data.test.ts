import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDirectory, nextPageUrl, parseAlissPages } from '../../src/directory/import/index';
import { buildIndex } from '../../src/directory/search/index';
import { NEED_IDS } from '../../src/prompts/needs';
// @ts-expect-error plain JS mock server module without types
import { handleDirectory } from '../demo/directory-api.mjs';

const text = readFileSync(resolve('test/demo/data/demo-directory.aliss.json'), 'utf8');
const demo = parseDirectory(text, 'aliss', { source: 'demo' });
const PRACTICE = { lat: 55.859, lon: -4.217 };

describe('demo directory (Kelvinbrae)', () => {
  test('about 150 services, all import, every need has at least 6', () => {
    expect(demo.rejected).toEqual([]);
    expect(demo.resources.length).toBeGreaterThanOrEqual(140);
    for (const need of NEED_IDS) expect(demo.resources.filter((r) => r.needs.includes(need)).length, need).toBeGreaterThanOrEqual(6);
  });

  test('every service is marked as invented and lies within ~6 km of the practice', () => {
    const hits = buildIndex(demo.resources).search({ near: PRACTICE, limit: 1000 });
    expect(hits).toHaveLength(demo.resources.length);
    for (const h of hits) {
      expect(h.distanceKm).toBeLessThanOrEqual(6);
      expect(h.resource.description).toContain('DEMO DATA');
    }
  });

  test('exercises sanitising: markup removed, javascript link dropped, some stale', () => {
    expect(demo.resources.some((r) => /<|&amp;/.test(r.description))).toBe(false);
    expect(text).toContain('javascript:');
    expect(demo.resources.every((r) => !r.website || r.website.startsWith('https://'))).toBe(true);
    expect(demo.resources.filter((r) => (r.updated ?? '') < '2025-01-01').length).toBeGreaterThanOrEqual(3);
  });
});

describe('mock ALISS API', () => {
  let server: Server;
  let base = '';
  const get = (path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> =>
    new Promise((done, fail) => {
      const req = request(`${base}${path}`, { headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', fail);
      req.end();
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (!handleDirectory(req, res, url)) {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await get('/aliss/control?mode=reset');
    server.close();
  });

  test('pages of 50 with absolute next links; following them gets every service', async () => {
    const pages: string[] = [];
    let path: string | undefined = '/aliss/api/v4/services/';
    while (path) {
      const res = await get(path);
      expect(res.status).toBe(200);
      pages.push(res.body);
      const next = nextPageUrl(res.body);
      path = next ? next.slice(base.length) : undefined;
    }
    expect(pages).toHaveLength(Math.ceil(demo.resources.length / 50));
    expect(parseAlissPages(pages, { source: 'demo' }).resources).toHaveLength(demo.resources.length);
  });

  test.each([
    ['/aliss/api/v4/services/?q=pantry', (n: number) => n > 0 && n < 20],
    ['/aliss/api/v4/services/?category=foodbank', (n: number) => n >= 6],
    ['/aliss/api/v4/services/?postcode=G31%204QT&page_size=5', (n: number) => n === 154 || n > 100],
  ])('filters %s', async (path, ok) => {
    const body = JSON.parse((await get(path)).body) as { count: number };
    expect(ok(body.count)).toBe(true);
  });

  test('ETag and Last-Modified give 304', async () => {
    const first = await get('/aliss/api/v4/services.json');
    expect(JSON.parse(first.body).data).toHaveLength(demo.resources.length);
    expect((await get('/aliss/api/v4/services.json', { 'if-none-match': String(first.headers.etag) })).status).toBe(304);
    expect((await get('/aliss/api/v4/services.json', { 'if-modified-since': String(first.headers['last-modified']) })).status).toBe(304);
  });

  test.each([
    ['500', 500, undefined],
    ['truncate', 200, /ends part-way through/],
  ])('control mode %s', async (mode, status, reason) => {
    await get(`/aliss/control?mode=${mode}`);
    const res = await get('/aliss/api/v4/services.json');
    expect(res.status).toBe(status);
    if (reason) expect(parseDirectory(res.body).rejected[0]?.reason).toMatch(reason);
    await get('/aliss/control?mode=ok');
  });
});
