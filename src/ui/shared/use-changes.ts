/**
 * Push, not poll: calls `onChange` whenever the background says the outbox
 * (or the drafts) changed (src/services/panel/changes.ts). Extension storage
 * carries only counters, never patient data.
 */
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CHANGES_KEY, type ChangeStamp } from '../../messaging/keys';

export function useChanges(table: 'outbox' | 'drafts' | 'sources', onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[CHANGES_KEY]) return;
      const before = changes[CHANGES_KEY].oldValue as ChangeStamp | undefined;
      const after = changes[CHANGES_KEY].newValue as ChangeStamp | undefined;
      if (before?.[table] !== after?.[table]) callback.current();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [table]);
}
