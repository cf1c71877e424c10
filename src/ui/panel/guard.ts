/**
 * Before anything that sends, saves or prints for a patient, the panel checks
 * the record tab still shows that patient (issue #17). The check comes from
 * the place that knows: the tab's content script re-reads its screen.
 * Standalone patients (typed in) have no screen to check: the clinician
 * confirmed them and they stay until changed.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { send } from '../../messaging/client';

export interface ScreenGuard {
  /** The record tab the patient came from; undefined for a typed-in patient or the popup. */
  tabId?: number;
  /** Resolves to undefined when it is safe to go on, or the words to show when it is not. */
  confirm(): Promise<string | undefined>;
}

export const ALWAYS: ScreenGuard = { confirm: () => Promise.resolve(undefined) };

export const GuardContext = createContext<ScreenGuard>(ALWAYS);

export function useGuard(): ScreenGuard {
  return useContext(GuardContext);
}

export function tabGuard(tabId: number, patientKey: string, onMismatch: () => void): ScreenGuard {
  return {
    tabId,
    async confirm() {
      const reply = await send('panel.confirm', { tabId, patientKey });
      if (reply.ok && reply.value.onScreen) return undefined;
      onMismatch();
      return reply.ok
        ? 'The patient on the record screen has changed. Nothing was done; the sidebar now follows the record.'
        : 'The record screen could not be checked (the tab was closed or reloaded). Nothing was done.';
    },
  };
}
