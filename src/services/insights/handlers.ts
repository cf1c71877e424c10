/** The practice's anonymous usage summary. */
import type { LinksDatabase } from '../../db/database';
import { summarise } from '../../insights/aggregate';
import type { HandlerGroup } from '../handler-group';
import { eventCountsBetween } from './events';

export function insightsHandlers(db: LinksDatabase): HandlerGroup<'insights.summary'> {
  return {
    'insights.summary': async ({ from, to }) => summarise(await eventCountsBetween(db, from, to), { from, to }),
  };
}
