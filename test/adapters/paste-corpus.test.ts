// The pasted-text corpus as a regression gate (issue #17, standalone mode): test/fixtures/paste, written by people
// who had not read the code (README.md there). The figures scripts/eval-paste.ts prints must not fall below what was
// reached when this test was written; they may be raised, never loosened. The held-out half is compared only in
// aggregate (and shown only so on failure), never by item.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type PasteCase, type PasteScore, ratio, scorePaste } from '../../scripts/lib/score-paste';
import { readStandalone } from '../../src/ui/panel/standalone-read';

const AS_OF: Record<string, Date> = { dev: new Date('2026-12-03T10:00:00Z'), heldout: new Date('2025-10-20T10:00:00Z') };
const score = (half: string): PasteScore => {
  const now = AS_OF[half] as Date;
  const items = JSON.parse(readFileSync(resolve(__dirname, `../fixtures/paste/${half}.json`), 'utf8')) as PasteCase[];
  return scorePaste(items, (input) => readStandalone(input, now), now);
};

interface Floor {
  /** Most pastes that may show another person's details. The target is 0. */
  leaks: number;
  read: number;
  refused: number;
  fields: Record<'name' | 'birthDate' | 'sex' | 'postcode' | 'notes', number>;
}

// Reached on 3 December 2026 (fifteenth session), tuned on dev.json only. Before the pasted-text reader
// (src/adapters/paste), the detector's DOM reading of the same text reached, held-out: name 0.31, postcode 0.27,
// notes 0.10, refusals 0.79, with 1 paste showing another person's details.
const FLOORS: Record<string, Floor> = {
  dev: { leaks: 0, read: 1, refused: 1, fields: { name: 1, birthDate: 1, sex: 1, postcode: 1, notes: 1 } },
  // Four held-out pastes still show a detail of another person (which ones is not looked at: the half is measured,
  // never tuned on). This is hazard H23's open residual risk: the clinician confirms what was read before anything else.
  heldout: { leaks: 4, read: 0.98, refused: 1, fields: { name: 0.88, birthDate: 1, sex: 1, postcode: 0.97, notes: 0.97 } },
};

describe.each(Object.keys(FLOORS))('pasted-text corpus, %s', (half) => {
  const s = score(half);
  const floor = FLOORS[half] as Floor;
  const figures = {
    leaks: s.leaks,
    read: ratio(s.shouldRead.read, s.shouldRead.total),
    refused: ratio(s.shouldRefuse.refused, s.shouldRefuse.total),
    ...Object.fromEntries(Object.entries(s.fields).map(([f, t]) => [f, ratio(t.right, t.checked)])),
  };
  test('every typed number is valid (the corpus is sound)', () => {
    expect(s.badTyped).toEqual([]);
  });
  test('another person\u2019s details: no more pastes than the floor', () => {
    expect(s.leaks, JSON.stringify(figures)).toBeLessThanOrEqual(floor.leaks);
  });
  test('read and refused when they should be', () => {
    expect(figures.read, JSON.stringify(figures)).toBeGreaterThanOrEqual(floor.read);
    expect(figures.refused, JSON.stringify(figures)).toBeGreaterThanOrEqual(floor.refused);
  });
  test.each(Object.keys(floor.fields))('%s read right', (field) => {
    expect(figures[field as keyof typeof figures], JSON.stringify(figures)).toBeGreaterThanOrEqual(floor.fields[field as keyof Floor['fields']]);
  });
});
