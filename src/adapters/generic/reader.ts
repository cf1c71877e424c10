/**
 * The generic detector as one value, so the content script can load it only
 * on pages no adapter covers (entrypoints/generic.ts, issue #17's size
 * budget) while everything else imports it statically.
 */
import type { Detection } from '../detection';
import { genericDetection } from './detect-generic';
import { innerRoots, releaseScanCache, rereadIn } from './scan-cache';

export interface GenericReader {
  detection(doc: Document, now: Date, url?: string): Detection;
  /** Shadow roots and same-origin frames the last walk read (the watcher observes them too). */
  innerRoots(doc: Document): Iterable<Node>;
  /** Lets go of the cached walk and its observer. */
  release(doc: Document): void;
  /** Milliseconds after which the page should be read again though nothing changed (the last walk was partial); undefined if not needed. */
  rereadIn(doc: Document): number | undefined;
}

export const GENERIC_READER: GenericReader = {
  detection: (doc, now, url) => genericDetection(doc, now, url),
  innerRoots,
  release: releaseScanCache,
  rereadIn,
};

/** Where the lazily loaded copy puts itself, in the content script's own (isolated) world. */
export const GENERIC_GLOBAL = Symbol.for('links-sidebar.generic-reader');
