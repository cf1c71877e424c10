/** Storage and draft keys shared by the background and the UI (kept free of schema code for the content script). */

/** Where the background publishes SessionConfig in extension storage (no patient data in it). */
export const SESSION_CONFIG_KEY = 'sessionConfig';

/** Key of the receptionist's hand-typed referral draft in the popup. */
export const MANUAL_DRAFT_KEY = 'manual:popup';
