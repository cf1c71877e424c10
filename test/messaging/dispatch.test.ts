/**
 * The background side of the protocol: only this extension may call it, every
 * payload is validated, and handler errors come back as values.
 */
import { describe, expect, test } from 'vitest';
import { KindedError } from '../../src/lib/result';
import { dispatch, type Handlers, type SenderInfo } from '../../src/messaging/server';

const EXT = 'abcdefghijklmnop';
const SELF = { id: EXT, origin: `chrome-extension://${EXT}/` };
/** One of the extension's own pages, and the extension's script inside a record page (same id, the page's address). */
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
const IN_RECORD = { id: EXT, url: 'https://ehr.nhs.example/patient/1', tab: { id: 7 } };
const handlers = {
  'session.config': async () => ({ origins: [] }),
  'draft.get': async ({ patientKey }: { patientKey: string }) => ({ draft: { for: patientKey }, updatedAt: '2026-01-01' }),
  'directory.curate': async () => {
    throw new KindedError('NotFound', 'No such service.');
  },
} as unknown as Handlers;

const envelope = (type: string, payload: unknown) => ({ channel: 'links-sidebar', type, payload });

describe('dispatch', () => {
  test.each([
    ['a message that is not ours', { hello: 1 }, PAGE, undefined],
    ['a web page or other extension', envelope('draft.get', { patientKey: 'chi:1403522103' }), { id: 'someone-else', url: 'https://evil.example/' }, { ok: false, kind: 'NotAllowed' }],
    // H22: the extension's own script inside a record page runs in that page's process; a page that takes it over may
    // ask only what the content script and the picker ask, never for settings, drafts, referrals or the directory.
    ['the extension inside a record page asking for a draft', envelope('draft.get', { patientKey: 'chi:1403522103' }), IN_RECORD, { ok: false, kind: 'NotAllowed' }],
    ['the extension inside a record page saving settings', envelope('settings.save', { settings: {} }), IN_RECORD, { ok: false, kind: 'NotAllowed' }],
    ['the extension inside a record page testing the destination sign-in', envelope('referral.testAuth', {}), IN_RECORD, { ok: false, kind: 'NotAllowed' }],
    ['a sender with no address', envelope('draft.get', { patientKey: 'chi:1403522103' }), { id: EXT }, { ok: false, kind: 'NotAllowed' }],
    ['a page of another extension-like origin', envelope('draft.get', { patientKey: 'chi:1403522103' }), { id: EXT, url: `chrome-extension://${EXT}x/options.html` }, { ok: false, kind: 'NotAllowed' }],
    ['an unknown message type', envelope('drop.tables', {}), PAGE, { ok: false, kind: 'BadRequest' }],
    ['a malformed patient key', envelope('draft.get', { patientKey: '1403522103' }), PAGE, { ok: false, kind: 'BadRequest' }],
    ['a file given both inline and as an upload', envelope('directory.import', { text: 'a', uploadId: 'u-12345678', label: 'x' }), PAGE, { ok: false, kind: 'BadRequest' }],
    ['a file given neither inline nor as an upload', envelope('directory.importPostcodes', {}), PAGE, { ok: false, kind: 'BadRequest' }],
    ['an upload piece over the size limit', envelope('upload.chunk', { uploadId: 'u-12345678', index: 0, text: 'x'.repeat(600_000) }), PAGE, { ok: false, kind: 'BadRequest' }],
    ['a handler error', envelope('directory.curate', { resourceId: 'x', curation: {} }), PAGE, { ok: false, kind: 'NotFound' }],
  ])('%s', async (_name, message, sender, expected) => {
    const reply = await dispatch(handlers, message, sender, SELF);
    if (expected === undefined) expect(reply).toBeUndefined();
    else expect({ ok: reply?.ok, kind: reply && !reply.ok ? reply.error.kind : undefined }).toEqual(expected);
  });

  test('a valid request from this extension reaches its handler', async () => {
    const reply = await dispatch(handlers, envelope('draft.get', { patientKey: 'chi:1403522103' }), PAGE, SELF);
    expect(reply).toEqual({ ok: true, value: { draft: { for: 'chi:1403522103' }, updatedAt: '2026-01-01' } });
  });

  test("the content script's own request from a record page reaches its handler", async () => {
    expect(await dispatch(handlers, envelope('session.config', {}), IN_RECORD, SELF)).toEqual({ ok: true, value: { origins: [] } });
  });

  test.each([
    ['one of its own pages', PAGE, true],
    ['its script inside a record page', IN_RECORD, false],
  ])('a handler is told whether the message came from %s', async (_name, sender, expected) => {
    let seen: SenderInfo | undefined;
    const spy = { 'session.config': async (_p: unknown, s: SenderInfo) => ((seen = s), { origins: [] }) } as unknown as Handlers;
    await dispatch(spy, envelope('session.config', {}), sender, SELF);
    expect(seen).toEqual({ ...sender, extensionPage: expected });
  });

  test('validation problems name the field', async () => {
    const reply = await dispatch(handlers, envelope('draft.get', {}), PAGE, SELF);
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error.details?.[0]?.path).toBe('patientKey');
  });
});
