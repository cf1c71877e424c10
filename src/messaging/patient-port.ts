/**
 * Messages on the port between a record tab's content script and a sidebar
 * panel (the browser's side panel, the in-page panel, or a panel page opened
 * in a tab). The content script pushes what is on screen at once and on every
 * change, so the panel is never a poll behind the record (issue #17).
 *
 * The panel checks every message against these schemas (the context is data
 * read from a web page); the content script checks the few it receives.
 */
import * as v from 'valibot';
import { PatientContextSchema } from '../context/patient-context-schema';
import type { PatientContext } from '../context/patient-context';

/**
 * matched: one patient, every check passed. none: no patient on screen.
 * changed: the identifier just changed or vanished (the panel blanks at once).
 * check: the screen shows a patient the detector would not vouch for (a
 * contradiction between the identifier and the banner, or several candidates);
 * `reason` says what to check.
 */
export type ScreenState = 'matched' | 'none' | 'changed' | 'check';

export interface ScreenMessage {
  type: 'screen';
  /** Increases with every change on this tab; a panel ignores anything older than what it shows. */
  seq: number;
  url: string;
  patient: PatientContext | null;
  state: ScreenState;
  reason?: string;
}

export interface FocusPromptsMessage {
  type: 'focus-prompts';
}

export type ToPanel = ScreenMessage | FocusPromptsMessage;

export const ToPanelSchema = v.variant('type', [
  v.object({
    type: v.literal('screen'),
    seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
    url: v.pipe(v.string(), v.maxLength(4000)),
    patient: v.nullable(PatientContextSchema),
    state: v.picklist(['matched', 'none', 'changed', 'check']),
    reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  v.object({ type: v.literal('focus-prompts') }),
]);

/** From the in-page panel to its host: hide to the small "Links" tab. (Checked by hand in the content script, which imports only types from here.) */
export type ToTab = { type: 'collapse' };
