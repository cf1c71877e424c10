/**
 * The protocol in the other direction: from the background (and from a
 * sidebar panel) to the content script on a record tab. Same rules as
 * protocol.ts: `domain.verb` keys, a valibot schema for every payload checked
 * on receipt, a typed answer, `{ ok, value | error }` on the wire (issue #12).
 *
 * Kept apart from protocol.ts so the content script, which only answers these,
 * carries none of the background protocol's schemas.
 */
import * as v from 'valibot';
import { SiteAdapterSchema } from '../adapters/schema';
import type { ExplainRow } from '../adapters/extract';

const patientKey = v.pipe(v.string(), v.regex(/^(chi|nhs):\d{10}$/, 'patientKey must be chi:/nhs: and 10 digits'));

export const tabRequestSchemas = {
  /** Where the content script is (tab addresses may be hidden from the extension). */
  'tab.where': v.object({}),
  /** Alt+Shift+L as a browser command: open or close the in-page panel. */
  'tab.toggle': v.object({}),
  /** The options page's "Test on this tab": what an adapter reads here, field by field. Read only. */
  'tab.explain': v.object({ adapter: SiteAdapterSchema }),
  /**
   * Re-reads the screen now and says whether `patientKey` is the patient on it.
   * Asked before anything is sent or saved from a panel (issue #17).
   */
  'tab.confirm': v.object({ patientKey }),
} satisfies Record<string, v.GenericSchema>;

export type TabMessageType = keyof typeof tabRequestSchemas;
export type TabRequestOf<K extends TabMessageType> = v.InferOutput<(typeof tabRequestSchemas)[K]>;

export interface TabResponses {
  'tab.where': { url: string };
  'tab.toggle': { open: boolean };
  'tab.explain': { url: string; rows: ExplainRow[] };
  'tab.confirm': { onScreen: boolean };
}

export type TabResponseOf<K extends TabMessageType> = TabResponses[K];

export const TAB_CHANNEL = 'links-sidebar/tab';

export interface TabEnvelope<K extends TabMessageType = TabMessageType> {
  channel: typeof TAB_CHANNEL;
  type: K;
  payload: TabRequestOf<K>;
}
