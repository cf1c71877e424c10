/**
 * Push, not poll (issue #12): every committed change to the outbox or the
 * drafts bumps a counter in extension storage; open panels, the popup and the
 * options page listen for that storage change and re-read what they show. No
 * patient data goes into storage: only which table changed and when.
 */
import { browser } from 'wxt/browser';
import type { LinksDatabase } from '../../db/database';
import { CHANGES_KEY, type ChangeStamp } from '../../messaging/keys';

export function watchChanges(db: LinksDatabase): void {
  const stamp: ChangeStamp = { outbox: 0, drafts: 0, sources: 0, at: 0 };
  let pending = false;
  const publish = () => {
    if (pending) return;
    pending = true;
    // One write for a burst of changes in the same turn.
    queueMicrotask(() => {
      pending = false;
      stamp.at = Date.now();
      void browser.storage.local.set({ [CHANGES_KEY]: { ...stamp } }).catch(() => undefined);
    });
  };
  const track = (table: 'outbox' | 'drafts' | 'sources') => {
    // Hooks run inside the transaction: publish only once it has committed, so a reader sees the change.
    const onCommit = (trans: { on: (event: 'complete', cb: () => void) => void }) =>
      trans.on('complete', () => {
        stamp[table] += 1;
        publish();
      });
    db[table].hook('creating', function (_key, _obj, trans) {
      onCommit(trans);
    });
    db[table].hook('updating', function (_mods, _key, _obj, trans) {
      onCommit(trans);
    });
    db[table].hook('deleting', function (_key, _obj, trans) {
      onCommit(trans);
    });
  };
  track('outbox');
  track('drafts');
  track('sources');
}
