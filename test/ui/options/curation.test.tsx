import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import type { Curation, Resource } from '../../../src/directory/resource';
import type { SearchHit } from '../../../src/messaging/protocol';
import { curationDomId, todayIso } from '../../../src/ui/options/curation-helpers';
import { answer, button, byId, calls, mount, sendMock, type, type Reply } from './harness';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));

beforeEach(() => sendMock.mockReset());
afterEach(() => render(null, document.body.firstElementChild ?? document.body));

function hit(id: string, extra: Partial<Resource> = {}, curation?: Omit<Curation, 'resourceId'>, stale = false): SearchHit {
  const resource: Resource = {
    id, source: 'aliss', sourceId: id, name: `Service ${id}`, description: 'Help.', needs: ['food'],
    categories: [], locations: [], access: ['drop-in'], ...extra,
  };
  return { resource, score: 1, stale, shareText: resource.name, ...(curation ? { curation: { resourceId: id, ...curation } } : {}) };
}

const PANTRY = hit('aliss:1', { name: 'East End Pantry', organisation: 'Dennistoun Churches', needs: ['food', 'money'], updated: '2023-05-01' }, undefined, true);
const HIDDEN = hit('aliss:2', { name: 'Closed Lunch Club' }, { hidden: true, note: 'closed in summer' });

/** Browse answers with these hits; curate echoes the merged curation the way the background does. */
function stubDirectory(hits: SearchHit[], curate?: Reply): void {
  answer({
    'directory.browse': () => ({ ok: true, value: { hits, total: hits.length } }),
    'directory.curate': curate ?? ((p) => {
      const c = p.curation as Record<string, unknown>;
      const before = hits.find((h) => h.resource.id === p.resourceId)?.curation ?? {};
      return { ok: true, value: { ...before, resourceId: p.resourceId, ...c } };
    }),
  });
}

async function search(root: HTMLElement, text: string): Promise<HTMLElement> {
  type(byId('curation-search'), text);
  await vi.waitFor(() => expect(root.querySelector('[data-testid="curation-results"]')).not.toBeNull());
  return root.querySelector('[data-testid="curation-results"]') as HTMLElement;
}

const rowOf = (root: ParentNode, id: string) => root.querySelector(`[data-resource-id="${id}"]`) as HTMLElement;
const statusOf = (id: string) => byId<HTMLElement>(`${curationDomId(id)}-status`);

describe('directory curation', () => {
  test('the section and its nav link are on the page', async () => {
    stubDirectory([]);
    const root = await mount();
    expect(root.querySelector('nav a[href="#curation"]')?.textContent).toBe('Our directory');
    expect(root.querySelector('#curation-h')?.textContent).toBe('Our directory: notes, recommendations and checks');
    expect(root.querySelector('#curation')?.textContent).toContain('survives every re-sync');
    expect(root.querySelector('#curation')?.textContent).toContain('Hidden services still appear here');
  });

  test('typing searches once after a pause, and each service shows its facts and badges', async () => {
    stubDirectory([PANTRY, HIDDEN]);
    const root = await mount();
    const box = byId('curation-search');
    for (const t of ['p', 'pa', 'pan']) type(box, t);
    const list = await search(root, 'pantry');
    expect(calls('directory.browse')).toEqual([{ text: 'pantry', limit: 50 }]);
    expect(root.querySelector('[data-testid="curation-summary"]')?.textContent).toBe('Showing 2 of 2 services.');
    const pantry = rowOf(list, 'aliss:1');
    expect(pantry.querySelector('h3')?.textContent).toBe('East End Pantry');
    expect(pantry.textContent).toContain('Dennistoun Churches');
    expect(pantry.textContent).toContain('Needs: Food, Money, benefits and debt');
    expect(pantry.textContent).toContain('Source: aliss');
    expect(pantry.textContent).toContain('Updated at source: 2023-05-01');
    expect(pantry.textContent).toContain('Checked by the practice: never');
    expect(pantry.textContent).toContain('Not checked for 12 months');
    expect(pantry.textContent).not.toContain('Hidden');
    const hidden = rowOf(list, 'aliss:2');
    expect([...hidden.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Hidden']);
    expect(byId(`${curationDomId('aliss:2')}-hide`).checked).toBe(true);
    expect(byId(`${curationDomId('aliss:2')}-note`).value).toBe('closed in summer');
  });

  const today = todayIso();
  test.each([
    ['recommend', (id: string) => byId(`${id}-rec`).click(), { recommended: true }, 'Saved: marked as recommended by the practice.', 'Recommended by the practice'],
    ['hide', (id: string) => byId(`${id}-hide`).click(), { hidden: true }, 'Saved: hidden from the sidebar and popup.', 'Hidden'],
    ['note', (id: string) => {
      type(byId(`${id}-note`), 'ask for Morag');
      button(document, 'Save note', `[data-resource-id="aliss:1"]`).click();
    }, { note: 'ask for Morag' }, 'Saved: practice note saved.', undefined],
    ['check', () => button(document, 'Mark as checked today', `[data-resource-id="aliss:1"]`).click(), { verifiedOn: today }, `Saved: marked as checked on ${today}.`, undefined],
  ] as const)('%s sends the change and says Saved', async (_name, act, change, saved, badge) => {
    stubDirectory([PANTRY]);
    const root = await mount();
    await search(root, 'pantry');
    act(curationDomId('aliss:1'));
    await vi.waitFor(() => expect(statusOf('aliss:1').textContent).toBe(saved));
    expect(calls('directory.curate')).toEqual([{ resourceId: 'aliss:1', curation: change }]);
    if (badge) expect([...rowOf(root, 'aliss:1').querySelectorAll('.badge')].map((b) => b.textContent)).toContain(badge);
    if ('verifiedOn' in change) expect(rowOf(root, 'aliss:1').textContent).toContain(`Checked by the practice: ${today}`);
  });

  test('a hidden service can be shown again from here', async () => {
    stubDirectory([HIDDEN]);
    const root = await mount();
    await search(root, 'lunch');
    byId(`${curationDomId('aliss:2')}-hide`).click();
    await vi.waitFor(() => expect(statusOf('aliss:2').textContent).toBe('Saved: shown in the sidebar and popup again.'));
    expect(calls('directory.curate')).toEqual([{ resourceId: 'aliss:2', curation: { hidden: false } }]);
    expect(rowOf(root, 'aliss:2').querySelector('.badge')).toBeNull();
  });

  test('a refused change shows the reason and leaves the box as it was', async () => {
    stubDirectory([PANTRY], { ok: false, error: { kind: 'Internal', message: 'The extension could not be reached.' } });
    const root = await mount();
    await search(root, 'pantry');
    const box = byId(`${curationDomId('aliss:1')}-rec`);
    box.click();
    await vi.waitFor(() => expect(rowOf(root, 'aliss:1').querySelector('[role="alert"]')?.textContent).toBe('Not saved: The extension could not be reached.'));
    expect(box.checked).toBe(false);
    expect(statusOf('aliss:1').textContent).toBe('');
  });

  test.each([
    [[hit('aliss:1'), hit('aliss-1'), hit('local:a b'), hit('local:a_b')]],
    [[PANTRY, HIDDEN]],
  ])('every input has its own id and a label tied to it', async (hits) => {
    stubDirectory(hits);
    const root = await mount();
    const list = await search(root, 'service');
    const inputs = [...list.querySelectorAll('input')];
    expect(inputs).toHaveLength(hits.length * 3);
    const ids = inputs.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(list.querySelector(`label[for="${id}"]`)).not.toBeNull();
  });

  test.each([
    ['nothing matches', { ok: true, value: { hits: [], total: 0 } } as Reply, 'zzz', 'No services have "zzz" in their name or organisation.'],
    ['the background fails', { ok: false, error: { kind: 'Internal', message: 'The directory is not ready.' } } as Reply, 'food', 'The directory could not be searched: The directory is not ready.'],
  ])('when %s the page says so', async (_name, reply, text, message) => {
    answer({ 'directory.browse': reply });
    const root = await mount();
    type(byId('curation-search'), text);
    await vi.waitFor(() => expect(root.querySelector('#curation')?.textContent).toContain(message));
    expect(root.querySelector('[data-testid="curation-results"]')).toBeNull();
  });

  test('Show all lists every service at once, hidden ones too', async () => {
    stubDirectory([PANTRY, HIDDEN]);
    const root = await mount();
    button(root, 'Show all services').click();
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="curation-results"] li')).toHaveLength(2));
    expect(calls('directory.browse')).toEqual([{ text: '', limit: 50 }]);
  });
});
