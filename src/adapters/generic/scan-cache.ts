import { textOf } from '../dom-text';
import { newWalkMemo, scanPage, type PageScan, type WalkMemo } from './walk';
import { READ_ATTRIBUTES } from './read-attributes';

/**
 * Re-use the last full scan of a page while nothing it read has changed.
 *
 * The watcher re-detects after every batch of DOM changes and every pause in
 * typing. Most of those changes cannot alter what the scan found: a data-*
 * attribute toggled by the record's scripts, the notes box being typed in
 * (a textarea's text is its value, which is no DOM change), our own sidebar element. A full
 * walk costs milliseconds on a large record, so it is only repeated when
 * something it read may have changed.
 *
 * Patient safety: a stale scan could show the previous patient. So the cache
 * is thrown away on ANY of these, and the next pass walks the page again:
 * - a node added, removed or re-texted anywhere in <body> (typing into a
 *   contenteditable notes box included: an ancestor's text may contain it);
 * - a change to any attribute the scan reads (READ_ATTRIBUTES) in <body>;
 * - a form control the scan read now holding a different value;
 * - <body> itself replaced.
 * Pending mutation records are taken synchronously (takeRecords) at the start
 * of every pass, so a change made just before a pass is never missed. A
 * property test checks, over random edit sequences, that a cached pass always
 * equals a fresh one (test/adapters/scan-cache.test.ts).
 *
 * When the walk must be repeated, it need not be repeated everywhere: the
 * records say which nodes changed, and a subtree that gave the last walk
 * nothing and holds none of them gives nothing again (WalkMemo in walk.ts).
 * So a script re-texting one cell of a 600-row results table costs the path
 * down to that cell and the table's rows stepped over, not the whole page.
 * Every subtree that gave something, and every subtree added since the last
 * walk (it may have been changed while detached, unseen), is walked in full.
 * A frame's document changing, or <body> being replaced, forgets the memo.
 */

export { READ_ATTRIBUTES };

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: READ_ATTRIBUTES };

interface Entry {
  scan: PageScan | null;
  root: Element | null;
  observer: MutationObserver;
  /** Shadow roots and frame documents the walk entered, each watched once. */
  watched: Set<Node>;
  /** One observer per frame document (a frame's nodes belong to its own window). */
  frames: MutationObserver[];
  /** What the next walk may step over, and what changed since the last. */
  memo: WalkMemo;
  /** When the page was last walked whole (Date.now()). */
  wholeAt: number;
}

/**
 * A walk steps over nothing if the last whole walk is older than this. One
 * change no observer reports: a shadow root attached later to a plain element
 * (a div, a span) inside a subtree the memo steps over, with its content added
 * inside it. The whole-walk cache never saw that either while nothing else
 * changed; with the memo it could stay unseen while other things change, so
 * the page is walked whole at least once a second while it is changing (about
 * 2 ms on a 5,000-element page), and a walk that stepped over anything is
 * followed by a whole one a second later even if nothing changes (the watcher
 * asks `rereadIn`).
 */
export const WHOLE_WALK_MS = 1000;

const entries = new WeakMap<Document, Entry>();

/** The node above `node` for change marking: its parent, or a shadow root's host. */
const above = (node: Node): Node | null => node.parentNode ?? (node as ShadowRoot).host ?? null;

/**
 * True when one of these records may change what a scan of `root` finds. Each
 * such change is noted in the memo at once: the remembered entries of the
 * changed node and of all its ancestors are deleted, and added elements are
 * marked fresh until a walk reaches them.
 */
function invalidates(records: MutationRecord[], entry: Entry): boolean {
  const { root, scan } = entry;
  let changed = !root || !scan;
  const { dirty, fresh } = entry.memo;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as MutationRecord;
    // Only <head> and our own element beside <body> are out of the scan's sight. Even text typed
    // into a contenteditable notes box counts: an ancestor's text read by the scan includes it.
    // A change inside a shadow root the walk entered always counts.
    if (root && !root.contains(record.target) && record.target.getRootNode() === root.ownerDocument) continue;
    changed = true;
    for (let n: Node | null = record.target; n !== null && !dirty.has(n); n = above(n)) {
      dirty.add(n);
      if (n.nodeType === 1) entry.memo.dull.delete(n as Element);
    }
    if (record.type !== 'childList') continue;
    const added = record.addedNodes;
    for (let k = 0; k < added.length; k++) if ((added[k] as Node).nodeType === 1) fresh.add(added[k] as Node);
  }
  return changed;
}

function controlsUnchanged(scan: PageScan): boolean {
  for (let i = 0; i < scan.controls.length; i++) {
    const control = scan.controls[i] as { el: Element; value: string };
    if (!control.el.isConnected || textOf(control.el) !== control.value) return false;
  }
  return true;
}

/** The MutationObserver of the document's own window (a frame's nodes need their own). */
function observerClass(doc: Document): typeof MutationObserver | undefined {
  return (
    (doc.defaultView as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver ??
    (typeof MutationObserver === 'function' ? MutationObserver : undefined)
  );
}

function observerFor(doc: Document, entry: () => Entry | undefined): MutationObserver | null {
  const Observer = observerClass(doc);
  if (!Observer) return null;
  const observer = new Observer((records) => {
    const e = entry();
    if (e && invalidates(records, e)) e.scan = null;
  });
  observer.observe(doc, OPTIONS);
  return observer;
}

/** Frames still showing the documents walked, and shadow hosts still holding the roots walked. */
function structureUnchanged(scan: PageScan): boolean {
  for (const frame of scan.frames) {
    let doc: Document | null = null;
    try {
      doc = (frame.el as HTMLIFrameElement).contentDocument;
    } catch {
      doc = null;
    }
    if (doc !== frame.doc || (doc && scan.frameOf.get(doc) === frame.el && !doc.body)) return false;
  }
  for (const host of scan.hosts) if (host.el.shadowRoot !== host.root) return false;
  return true;
}

/** Watch the shadow roots and frame documents a new walk entered. */
function watchInside(entry: Entry, scan: PageScan): void {
  for (const host of scan.hosts) {
    if (!host.root || entry.watched.has(host.root)) continue;
    entry.watched.add(host.root);
    entry.observer.observe(host.root, OPTIONS);
  }
  for (const doc of scan.frameOf.keys()) {
    const Observer = observerClass(doc);
    if (entry.watched.has(doc) || !Observer) continue;
    entry.watched.add(doc);
    const observer = new Observer(() => {
      entry.scan = null;
      entry.memo = newWalkMemo();
    });
    observer.observe(doc, OPTIONS);
    entry.frames.push(observer);
  }
}

/** Milliseconds until a whole walk is due for a scan that stepped over something (0: due now). */
function wholeWalkDue(entry: Entry): number {
  const now = Date.now();
  return now < entry.wholeAt ? 0 : Math.max(0, entry.wholeAt + WHOLE_WALK_MS - now);
}

/**
 * When the page should be read again with no change reported: the last walk
 * stepped over subtrees, and something no observer reports (a shadow root
 * attached to a plain element) could be in one. The watcher reads the page
 * again after this many milliseconds; undefined when the last walk was whole.
 */
export function rereadIn(doc: Document): number | undefined {
  const entry = entries.get(doc);
  if (!entry?.scan || entry.scan.reused === 0) return undefined;
  return wholeWalkDue(entry);
}

/** Shadow roots and frame documents the last walk of `doc` entered (the watcher observes them too). */
export function innerRoots(doc: Document): Node[] {
  const entry = entries.get(doc);
  return entry ? [...entry.watched] : [];
}

/** The page scan, from the cache when nothing it read has changed since the last pass. */
export function cachedScan(doc: Document): PageScan {
  const root = doc.body ?? doc.documentElement;
  let entry = entries.get(doc);
  if (entry) {
    const pending = entry.observer.takeRecords();
    let framesChanged = false;
    for (const observer of entry.frames) if (observer.takeRecords().length > 0) framesChanged = true;
    const changed = invalidates(pending, entry);
    // Nothing of the last walk is trusted when a frame's document or <body> itself changed, or a host's shadow root.
    if (framesChanged || entry.root !== root || (entry.scan && !structureUnchanged(entry.scan))) {
      entry.scan = null;
      entry.memo = newWalkMemo();
    }
    if (entry.scan && (changed || !controlsUnchanged(entry.scan))) entry.scan = null;
    // A scan that stepped over anything is not re-used once a whole walk is due, change or no change.
    if (entry.scan && entry.scan.reused > 0 && wholeWalkDue(entry) === 0) entry.scan = null;
    if (entry.scan) return entry.scan;
  } else {
    const observer = observerFor(doc, () => entries.get(doc));
    if (!observer) return scanPage(doc);
    entry = { scan: null, root: null, observer, watched: new Set(), frames: [], memo: newWalkMemo(), wholeAt: Number.NEGATIVE_INFINITY };
    entries.set(doc, entry);
  }
  if (wholeWalkDue(entry) === 0) {
    entry.memo = newWalkMemo();
    entry.wholeAt = Date.now();
  }
  const scan = scanPage(doc, entry.memo);
  if (entry.memo.dirty.size) entry.memo.dirty.clear();
  entry.scan = scan;
  entry.root = root;
  watchInside(entry, scan);
  return scan;
}

/**
 * Stop watching `doc` and forget its walk. The watcher calls this when its
 * signal aborts (content script invalidated), so no observer outlives it.
 */
export function releaseScanCache(doc: Document): void {
  const entry = entries.get(doc);
  entry?.observer.disconnect();
  for (const observer of entry?.frames ?? []) observer.disconnect();
  entries.delete(doc);
}
