/** Anonymous usage events: need, rule, role, action, date and at most a postcode district. */
import { eventCountKey, type EventCountRow, type LinksDatabase } from '../../db/database';
import { makeEvent, type EventInput, type UsageEvent } from '../../insights/events';

export async function recordEvent(db: LinksDatabase, input: EventInput, now = new Date()): Promise<void> {
  // makeEvent drops anything that is not an allowed field and reduces postcodes to districts.
  const event = makeEvent(input, now);
  // Counted into its day's roll-up row: every field is in the key, so nothing is lost.
  await db.transaction('rw', db.eventCounts, async () => {
    const key = eventCountKey(event);
    const row = await db.eventCounts.get(key);
    await db.eventCounts.put(row ? { ...row, count: row.count + 1 } : { ...event, key, count: 1 });
  });
}

/** Daily roll-up rows in a period: what the insights summary is computed from. */
export async function eventCountsBetween(db: LinksDatabase, from: string, to: string): Promise<(UsageEvent & { count: number })[]> {
  const rows: EventCountRow[] = await db.eventCounts.where('date').between(from, to, true, true).toArray();
  return rows.map(({ key: _key, ...row }) => row as UsageEvent & { count: number });
}
