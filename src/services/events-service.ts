/** Anonymous usage events: need, rule, role, action, date and at most a postcode district. */
import type { LinksDatabase } from '../db/database';
import { makeEvent, type EventInput, type UsageEvent } from '../insights/events';

export async function recordEvent(db: LinksDatabase, input: EventInput, now = new Date()): Promise<void> {
  // makeEvent drops anything that is not an allowed field and reduces postcodes to districts.
  await db.events.add(makeEvent(input, now));
}

export async function eventsBetween(db: LinksDatabase, from: string, to: string): Promise<UsageEvent[]> {
  const rows = await db.events.where('date').between(from, to, true, true).toArray();
  return rows.map(({ id: _id, ...event }) => event as UsageEvent);
}
