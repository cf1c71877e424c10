/** Dismissals and snoozes are per patient (salted hash), cover the need, lapse when snoozed, and events hold no patient data. */
import { beforeEach, expect, test } from 'vitest';
import { LinksDatabase } from '../../src/db/database';
import { promptAction as actWith, suppressionsFor as suppressionsWith, SNOOZE_DAYS } from '../../src/services/prompts/suppressions';
import { createPatientKeys, type PatientKeys } from '../../src/services/privacy/patient-keys';

let db: LinksDatabase;
let keys: PatientKeys;
let n = 0;
beforeEach(() => {
  db = new LinksDatabase(`prompt-test-${++n}`);
  keys = createPatientKeys(db);
});
const promptAction = (d: LinksDatabase, input: Parameters<typeof actWith>[2], now?: Date) => actWith(d, keys, input, now);
const suppressionsFor = (d: LinksDatabase, key: string, now?: number) => suppressionsWith(d, keys, key, now);

const A = 'chi:1403522103';
const B = 'chi:0307582817';

test('a dismissal holds for that patient and that need only', async () => {
  await promptAction(db, { patientKey: A, ruleId: 'money-words', need: 'money', action: 'dismissed', role: 'gp' });
  expect(await suppressionsFor(db, A)).toEqual({ ruleIds: ['money-words'], needs: ['money'] });
  expect(await suppressionsFor(db, B)).toEqual({ ruleIds: [], needs: [] });
  const rows = await db.suppressions.toArray();
  expect(JSON.stringify(rows)).not.toContain('1403522103');
});

test('a snooze lapses after its days', async () => {
  const now = new Date('2026-11-25T10:00:00Z');
  await promptAction(db, { patientKey: A, ruleId: 'housing-words', need: 'housing', action: 'snoozed', role: 'nurse' }, now);
  expect((await suppressionsFor(db, A, now.getTime() + (SNOOZE_DAYS - 1) * 86_400_000)).needs).toEqual(['housing']);
  expect((await suppressionsFor(db, A, now.getTime() + (SNOOZE_DAYS + 1) * 86_400_000)).needs).toEqual([]);
});

test('each action is an anonymous event: need, rule, role, action, day; no identifier, no free-text reason', async () => {
  await promptAction(db, { patientKey: A, ruleId: 'money-words', need: 'money', action: 'dismissed', role: 'gp' }, new Date('2026-11-25T10:00:00Z'));
  const [event] = await db.eventCounts.toArray();
  expect(event).toMatchObject({ kind: 'prompt', action: 'dismissed', need: 'money', ruleId: 'money-words', role: 'gp' });
  expect(event?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(event?.count).toBe(1);
  expect(JSON.stringify(event)).not.toMatch(/1403522103|son helps/);
  expect(await db.eventCounts.count()).toBe(1);
});
