/**
 * The background side of the protocol: only this extension may call it, every
 * payload is validated, and handler errors come back as values.
 */
import { describe, expect, test } from 'vitest';
import { KindedError } from '../../src/lib/result';
import { dispatch, type Handlers } from '../../src/messaging/server';

const EXT = 'abcdefghijklmnop';
const handlers = {
  'draft.get': async ({ patientKey }: { patientKey: string }) => ({ draft: { for: patientKey }, updatedAt: '2026-01-01' }),
  'directory.curate': async () => {
    throw new KindedError('NotFound', 'No such service.');
  },
} as unknown as Handlers;

const envelope = (type: string, payload: unknown) => ({ channel: 'links-sidebar', type, payload });

describe('dispatch', () => {
  test.each([
    ['a message that is not ours', { hello: 1 }, { id: EXT }, undefined],
    ['a web page or other extension', envelope('draft.get', { patientKey: 'chi:1403522103' }), { id: 'someone-else' }, { ok: false, kind: 'NotAllowed' }],
    ['an unknown message type', envelope('drop.tables', {}), { id: EXT }, { ok: false, kind: 'BadRequest' }],
    ['a malformed patient key', envelope('draft.get', { patientKey: '1403522103' }), { id: EXT }, { ok: false, kind: 'BadRequest' }],
    ['a file given both inline and as an upload', envelope('directory.import', { text: 'a', uploadId: 'u-12345678', label: 'x' }), { id: EXT }, { ok: false, kind: 'BadRequest' }],
    ['a file given neither inline nor as an upload', envelope('directory.importPostcodes', {}), { id: EXT }, { ok: false, kind: 'BadRequest' }],
    ['an upload piece over the size limit', envelope('upload.chunk', { uploadId: 'u-12345678', index: 0, text: 'x'.repeat(600_000) }), { id: EXT }, { ok: false, kind: 'BadRequest' }],
    ['a handler error', envelope('directory.curate', { resourceId: 'x', curation: {} }), { id: EXT }, { ok: false, kind: 'NotFound' }],
  ])('%s', async (_name, message, sender, expected) => {
    const reply = await dispatch(handlers, message, sender, EXT);
    if (expected === undefined) expect(reply).toBeUndefined();
    else expect({ ok: reply?.ok, kind: reply && !reply.ok ? reply.error.kind : undefined }).toEqual(expected);
  });

  test('a valid request from this extension reaches its handler', async () => {
    const reply = await dispatch(handlers, envelope('draft.get', { patientKey: 'chi:1403522103' }), { id: EXT }, EXT);
    expect(reply).toEqual({ ok: true, value: { draft: { for: 'chi:1403522103' }, updatedAt: '2026-01-01' } });
  });

  test('validation problems name the field', async () => {
    const reply = await dispatch(handlers, envelope('draft.get', {}), { id: EXT }, EXT);
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error.details?.[0]?.path).toBe('patientKey');
  });
});
