/**
 * Code a panel loads after its first paint (#17): the cards, the referral form,
 * the standalone reader. One import at a time however many panels ask; a
 * failed import (an extension updated underneath the page, a disk error) is
 * shown as a failure and forgotten, so the next mount tries again.
 */
import { useEffect, useState } from 'preact/hooks';

/** `load` once at a time; a rejection clears it so a later call retries. */
export function lazyLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

export type Lazy<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/** The loaded value for this component, asked for when it mounts; nothing is set after it unmounts. */
export function useLazy<T>(loader: () => Promise<T>): Lazy<T> {
  const [lazy, setLazy] = useState<Lazy<T>>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    loader().then(
      (value) => alive && setLazy({ state: 'ready', value }),
      () => alive && setLazy({ state: 'failed' }),
    );
    return () => void (alive = false);
  }, [loader]);
  return lazy;
}
