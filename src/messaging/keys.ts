/** Storage and draft keys shared by the background and the UI (kept free of schema code for the content script). */

/** Where the background publishes SessionConfig in extension storage (no patient data in it). */
export const SESSION_CONFIG_KEY = 'sessionConfig';

/** Key of the receptionist's hand-typed referral draft in the popup. */
export const MANUAL_DRAFT_KEY = 'manual:popup';

/** Where the background says the outbox or the drafts changed (counters only, no patient data). */
export const CHANGES_KEY = 'changes';

export interface ChangeStamp {
  outbox: number;
  drafts: number;
  /** Directory sources: a sync's progress and result. */
  sources: number;
  at: number;
}

/** Port a side panel opens to the background so Alt+Shift+L can close it. */
export const PANEL_PORT = 'links-panel';

/** Port a sidebar panel opens to a record tab's content script to follow its patient. */
export const PATIENT_PORT = 'links-patient';

/** Port an in-page panel opens to the background when it has no `tabs` API (Firefox); joined to PATIENT_PORT. */
export const PATIENT_RELAY_PORT = 'links-patient-relay';

/** Port a page keeps open while one of its referrals is on its way, so a stopped worker is woken again at once. */
export const WATCH_PORT = 'links-watch';
