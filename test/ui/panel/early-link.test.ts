/**
 * The in-page panel links to its tab before its app listens (#17, screen-link.ts earlyLink): whatever arrives
 * meanwhile must reach the app exactly as a link opened later would have delivered it, and never an older screen
 * after a newer one.
 */
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { earlyLink, type ScreenLinkEvents } from '../../../src/ui/panel/screen-link';
import { mockTabPorts, screen } from './tab-ports';

function recorder() {
  const seen: string[] = [];
  const events: ScreenLinkEvents = {
    onScreen: (s) => seen.push(`screen ${s.seq} ${s.patient?.name ?? '-'}`),
    onFocusPrompts: () => seen.push('focus'),
    onLost: () => seen.push('lost'),
  };
  return { seen, events };
}

describe('earlyLink', () => {
  test('what came before the app listened is handed over: the latest screen only, then what follows live', () => {
    const ports = mockTabPorts();
    const early = earlyLink(7);
    const tab = ports[0]!;
    expect(fakeBrowser.tabs.connect).toHaveBeenCalledWith(7, { name: 'links-patient' });
    tab.push(screen(1, 'Ann Example'));
    tab.push(screen(3, 'Bob Example'));
    tab.push(screen(2, 'Ann Example')); // older than what was already there: dropped, as by a link opened later
    tab.push({ type: 'screen', seq: 4, url: 'x', patient: { name: 5 }, state: 'matched' }); // fails the schema
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual(['screen 3 Bob Example']);
    tab.push(screen(5, null));
    tab.push({ type: 'focus-prompts' });
    expect(seen).toEqual(['screen 3 Bob Example', 'screen 5 -', 'focus']);
  });

  test('a link lost before the app listened is reported after the screen it had, so the app ends on "lost"', () => {
    const ports = mockTabPorts();
    const early = earlyLink(3);
    const tab = ports[0]!;
    tab.push(screen(1, 'Ann Example'));
    tab.drop();
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual(['screen 1 Ann Example', 'lost']);
  });

  test('nothing arrived: the app is told nothing until the tab speaks; closing disconnects the port', () => {
    const ports = mockTabPorts();
    const early = earlyLink(3);
    const tab = ports[0]!;
    const { seen, events } = recorder();
    early.listen(events);
    expect(seen).toEqual([]);
    early.link.close();
    expect(tab.disconnect).toHaveBeenCalled();
    tab.push(screen(1, 'Ann Example'));
    expect(seen).toEqual([]);
  });
});
