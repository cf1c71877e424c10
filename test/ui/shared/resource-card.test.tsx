// #16: cards and slips show status, today's opening line, languages and accessibility.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import axe from 'axe-core';
import { ResourceCard } from '../../../src/ui/shared/ResourceCard';
import { SlipApp } from '../../../src/ui/slip/SlipApp';
import { send } from '../../../src/messaging/client';
import type { SearchHit } from '../../../src/messaging/protocol';
import type { Resource } from '../../../src/directory/resource';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(), call: vi.fn() }));

const NOW = new Date('2026-03-03T10:15:00Z'); // Tuesday morning, Glasgow
const resource = (over: Partial<Resource> = {}): Resource => ({
  id: 'hsds:1',
  source: 'hsds',
  sourceId: '1',
  name: 'Brae Counselling',
  organisation: 'Brae Trust',
  description: 'Counselling for adults. Phone to book.',
  needs: ['mental-wellbeing'],
  categories: [],
  locations: [{ address: 'Brae Hall, 1 Brae St', postcode: 'G31 1AA' }],
  phone: '0141 496 0000',
  website: 'http://brae.example.org/',
  websiteNotSecure: true,
  access: ['appointment'],
  hours: [{ days: 0b0011111, opens: 540, closes: 960 }],
  languages: ['Polish', 'Urdu'],
  interpretation: 'Interpreters on request.',
  accessibility: 'Level access. Wheelchair accessible toilet. Hearing loop at reception.',
  communityGroups: ['Adults'],
  updated: '2026-02-01',
  ...over,
});
const hit = (r: Resource, stale = false): SearchHit => ({ resource: r, score: 1, stale, shareText: r.name, distanceKm: 1.2 });

function mount(node: preact.ComponentChild): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('ul');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => render(null, document.body.firstElementChild ?? document.body));

describe('ResourceCard', () => {
  test("today's line, the week's hours, languages, accessibility and who it is for", () => {
    const root = mount(<ResourceCard hit={hit(resource())} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    const text = root.textContent ?? '';
    expect(root.querySelector('.today')?.textContent).toBe('Open now · until 16:00');
    expect(text).toContain('Opening times: Mon–Fri 09:00–16:00');
    expect(text).toContain('Languages: Polish, Urdu. Interpreters on request.');
    expect(text).toContain('Accessibility: Level access. Wheelchair accessible toilet. Hearing loop at reception.');
    expect(text).toContain('For: Adults');
    expect(root.querySelector('a')?.textContent).toBe('Website (not secure)');
    expect(text).not.toContain('Temporarily closed');
  });

  test('temporarily closed: a badge, and no "open now"', () => {
    const root = mount(<ResourceCard hit={hit(resource({ temporarilyClosed: true }))} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    expect(root.querySelector('.badge.closed')?.textContent).toBe('Temporarily closed');
    expect(root.querySelector('.today')).toBeNull();
  });

  test("hours that cannot be read: the source's words", () => {
    const root = mount(<ResourceCard hit={hit(resource({ hours: undefined, openingTimes: 'Ring to check: hours vary.' }))} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    expect(root.querySelector('.today')).toBeNull();
    expect(root.textContent).toContain('Opening times: Ring to check: hours vary.');
  });

  test('a deprioritised ALISS entry says the provider did not confirm it', () => {
    const root = mount(<ResourceCard hit={hit(resource({ deprioritised: true }), true)} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    expect(root.querySelector('.badge.stale')?.textContent).toBe('Not confirmed by the provider');
  });

  test('a website with a password in it is not linked, even from an old stored row', () => {
    const root = mount(<ResourceCard hit={hit(resource({ website: 'https://nhs.uk@evil.example/', websiteNotSecure: undefined }))} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    expect(root.querySelector('a')).toBeNull();
  });

  test('an old stored row (none of the new fields) still renders as before', () => {
    const old: Resource = { id: 'aliss:1', source: 'aliss', sourceId: '1', name: 'Old Pantry', description: 'Food.', needs: ['food'], categories: [], locations: [], access: ['unknown'], openingTimes: 'Tuesdays 10–2' };
    const root = mount(<ResourceCard hit={hit(old)} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    expect(root.textContent).toContain('Opening times: Tuesdays 10–2');
    expect(root.querySelector('.today')).toBeNull();
  });

  test('no accessibility violations (axe-core, WCAG 2 A/AA rules that work without layout)', async () => {
    const root = mount(<ResourceCard hit={hit(resource({ temporarilyClosed: true, deprioritised: true }), true)} onSlip={() => {}} onCopy={() => {}} now={NOW} />);
    const result = await axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(3);
  });
});

describe('SlipApp', () => {
  test('status, the week in words, the day printed, languages, accessibility', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    Object.defineProperty(window, 'print', { value: vi.fn(), configurable: true });
    vi.mocked(send).mockResolvedValue({ ok: true, value: hit(resource({ temporarilyClosed: true })) } as never);
    const root = mount(<SlipApp resourceId="hsds:1" />);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Brae Counselling'));
    const rows = Object.fromEntries([...root.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]));
    expect(root.querySelector('.status')?.textContent).toBe('Temporarily closed: phone before you go.');
    expect(rows).toMatchObject({
      'Opening times': 'Mon–Fri 09:00–16:00',
      Languages: 'Polish, Urdu. Interpreters on request.',
      Accessibility: 'Level access. Wheelchair accessible toilet. Hearing loop at reception.',
      'Who it is for': 'Adults',
    });
    // Closed for now, so no "open now" on the day printed.
    expect(rows['On the day this was printed']).toBeUndefined();
    vi.useRealTimers();
  });

  test('open: the day printed says how things stand', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    Object.defineProperty(window, 'print', { value: vi.fn(), configurable: true });
    vi.mocked(send).mockResolvedValue({ ok: true, value: hit(resource()) } as never);
    const root = mount(<SlipApp resourceId="hsds:1" />);
    await vi.waitFor(() => expect(root.querySelector('dl')).not.toBeNull());
    expect(root.textContent).toContain('Tue 3 Mar: Open now · until 16:00');
    vi.useRealTimers();
  });
});
