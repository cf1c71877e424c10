import { patientKey, type PatientContext } from '../context/patient-context';
import { detectWith } from './detect-with';
import type { Declined, Detection } from './detection';
import type { GenericReader } from './generic/reader';
import { READ_ATTRIBUTES as WALK_ATTRIBUTES } from './generic/read-attributes';
import type { SiteAdapter } from './schema';

/**
 * Why onChange was called. 'declined': still no patient, but the reason
 * changed (e.g. the page now shows an identifier that contradicts the date of
 * birth beside it: `declined.check` says "check this record").
 */
export type WatchReason = 'initial' | 'patient-changed' | 'patient-gone' | 'context-updated' | 'declined';

export interface WatchOptions {
  getUrl: () => string;
  adapters: SiteAdapter[];
  /** `declined` says why there is no patient (only when ctx is null). */
  onChange: (ctx: PatientContext | null, reason: WatchReason, declined?: Declined) => void;
  signal: AbortSignal;
  /** Quiet time before re-reading the page after changes; default 120 ms. */
  debounceMs?: number;
  /**
   * Longest wait for a re-read however many changes keep arriving (issue #11:
   * a page animating faster than the debounce starved detection for seconds).
   * Default 150 ms.
   */
  maxWaitMs?: number;
  /** Clock for age calculation (tests). */
  now?: () => Date;
}

/** After a frame loads, the page is walked afresh this long after (ms): once laid out, and once more for a slow machine. */
const FRAME_SETTLE_MS = [300, 1200];

/** What watchPatientWith also needs: the generic detector, when it is loaded (src/adapters/generic/reader.ts). */
export interface WatchDeps {
  generic: () => GenericReader | undefined;
}

export interface Watcher {
  /** Reads the page again now (the generic detector has just loaded, say). */
  refresh(): void;
}

/**
 * Attributes the generic detector and adapters read: the generic walk's own
 * (generic/read-attributes.ts, shared with its cache), and what notes.ts,
 * lists.ts and the built-in adapters read beyond them.
 */
const READ_ATTRIBUTES = [
  ...WALK_ATTRIBUTES,
  'aria-labelledby', 'value', 'title', 'rows', 'cols', 'data-snomed', 'data-code', 'data-snomed-code', 'data-concept-id',
  'data-read-code', 'data-readcode',
];

function watchedAttributes(adapters: readonly SiteAdapter[]): string[] {
  const names = new Set(READ_ATTRIBUTES);
  for (const a of adapters) {
    for (const rule of Object.values(a.fields)) if (rule?.attribute) names.add(rule.attribute);
    if (a.problems?.codeAttribute) names.add(a.problems.codeAttribute);
  }
  return [...names];
}

/** Everything except the identifier that, when it changes, is worth telling the sidebar about. */
function fingerprint(ctx: PatientContext): string {
  let problems = '';
  for (let i = 0; i < ctx.problems.length; i++) {
    const p = ctx.problems[i];
    if (p) problems += `${p.term}|${p.code ?? ''};`;
  }
  return [ctx.notes, problems, ctx.medicationCount ?? '', ctx.name ?? '', ctx.postcode ?? '', ctx.address ?? '', ctx.birthDate ?? '', ctx.sex].join('\u0001');
}

/**
 * Watch a page for the patient on screen. Calls onChange once at start
 * ('initial'), then whenever the patient changes or the notes/problems do.
 *
 * Safety: a patient's context must never be shown against another patient.
 * So when a batch of DOM changes leaves a different (or no) identifier on
 * screen, null ('patient-gone') is delivered synchronously inside that
 * mutation callback; only the read of the new patient is debounced.
 */
export function watchPatientWith(doc: Document, opts: WatchOptions & WatchDeps): Watcher {
  const { signal, onChange, adapters } = opts;
  if (signal.aborted) return { refresh: () => undefined };
  const debounceMs = opts.debounceMs ?? 120;
  const maxWaitMs = Math.max(debounceMs, opts.maxWaitMs ?? 150);
  let pendingSince = 0;
  const now = opts.now ?? (() => new Date());
  const view = doc.defaultView;
  let reportedKey: string | undefined;
  let reportedPrint = '';
  let reportedDecline = '';
  let lastUrl = opts.getUrl();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A read due with no change reported: the generic walk stepped over part of the page (scan-cache.ts rereadIn). */
  let reread: ReturnType<typeof setTimeout> | undefined;

  const read = (): Detection => {
    let result: Detection;
    try {
      result = detectWith(opts.generic(), doc, opts.getUrl(), adapters, now());
    } catch {
      result = { declined: 'error' };
    }
    observeInside();
    if (reread !== undefined) clearTimeout(reread);
    reread = undefined;
    const due = opts.generic()?.rereadIn(doc);
    // (0 would mean this read did not walk the page at all, an adapter read it: nothing to wait for.)
    if (due !== undefined && due > 0 && !signal.aborted) reread = setTimeout(schedule, due);
    return result;
  };

  const report = (result: Detection | null, reason: WatchReason): void => {
    const ctx = result && 'context' in result ? result.context : null;
    const declined = result && 'declined' in result ? result : undefined;
    reportedKey = ctx ? patientKey(ctx) : undefined;
    reportedPrint = ctx ? fingerprint(ctx) : '';
    reportedDecline = declined ? `${declined.declined}:${declined.check ?? ''}` : '';
    try {
      if (declined) onChange(null, reason, declined);
      else onChange(ctx, reason);
    } catch {
      // The listener's failure is its own; keep watching.
    }
  };

  /** Withdraw the reported patient at once if the page no longer shows them. */
  const resetIfChanged = (): void => {
    if (reportedKey === undefined) return;
    const result = read();
    const key = 'context' in result ? patientKey(result.context) : undefined;
    if (key !== reportedKey) report('declined' in result ? result : { declined: 'no-identifier' }, 'patient-gone');
  };

  const settle = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    const result = read();
    const ctx = 'context' in result ? result.context : null;
    const key = ctx ? patientKey(ctx) : undefined;
    if (!ctx || key === undefined) {
      const declined = 'declined' in result ? result : ({ declined: 'no-identifier' } as Declined);
      if (reportedKey !== undefined) report(declined, 'patient-gone');
      else if (`${declined.declined}:${declined.check ?? ''}` !== reportedDecline) report(declined, 'declined');
      return;
    }
    if (key !== reportedKey) {
      if (reportedKey !== undefined) report({ declined: 'no-identifier' }, 'patient-gone');
      report(result, 'patient-changed');
    } else if (fingerprint(ctx) !== reportedPrint) {
      report(result, 'context-updated');
    }
  };

  const schedule = (): void => {
    if (signal.aborted) return;
    const at = Date.now();
    if (timer === undefined) {
      pendingSince = at;
    } else {
      // Past the longest wait: leave the pending read where it is instead of pushing it back again.
      if (at - pendingSince + debounceMs > maxWaitMs) return;
      clearTimeout(timer);
    }
    timer = setTimeout(settle, Math.min(debounceMs, Math.max(0, pendingSince + maxWaitMs - at)));
  };

  const onUrlEvent = (): void => {
    if (signal.aborted) return;
    lastUrl = opts.getUrl();
    resetIfChanged();
    schedule();
  };

  const onMutations = (): void => {
    if (signal.aborted) return;
    // pushState fires no event, so an SPA's navigation is noticed here, with its re-render.
    if (opts.getUrl() !== lastUrl) {
      onUrlEvent();
      return;
    }
    resetIfChanged();
    schedule();
  };

  // The page's own window's MutationObserver, so a document from another window works too.
  const Observer = (view as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver ?? MutationObserver;
  // Only the attributes the readers look at (issue #11): a page restyling an element 60 times a second wakes nothing.
  const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: watchedAttributes(adapters) };
  const observer = new Observer(onMutations);
  observer.observe(doc, OPTIONS);
  // Shadow roots and same-origin frames the detector read: a patient switch inside them must reset too.
  const watched = new Set<Node>();
  const frameObservers: MutationObserver[] = [];
  function observeInside(): void {
    if (signal.aborted) return;
    for (const root of opts.generic()?.innerRoots(doc) ?? []) {
      if (watched.has(root)) continue;
      watched.add(root);
      if (root.nodeType === 9) {
        const FrameObserver = ((root as Document).defaultView as unknown as { MutationObserver?: typeof MutationObserver } | null)?.MutationObserver;
        if (!FrameObserver) continue;
        const frameObserver = new FrameObserver(onMutations);
        frameObserver.observe(root, OPTIONS);
        frameObservers.push(frameObserver);
      } else {
        observer.observe(root, OPTIONS);
      }
    }
  }
  // A frame that loads another document fires no mutation in this one: its load is read as one.
  // A frame's document read as soon as it has loaded may not be laid out yet, and what the readers ask of layout
  // (checkVisibility, innerText) then differs from what the clinician sees a moment later, with no DOM change to
  // prompt another read: a frameset's problem list went unread in about one load in four (dev6 js-01, Chromium). So
  // a frame's load also asks for fresh walks (the scan cache forgotten) a little later (FRAME_SETTLE_MS).
  const settling = new Set<ReturnType<typeof setTimeout>>();
  const onLoad = (event: Event): void => {
    onMutations();
    const tag = (event.target as Element | null)?.tagName;
    if (signal.aborted || (tag !== 'FRAME' && tag !== 'IFRAME')) return;
    for (const ms of FRAME_SETTLE_MS) {
      const t = setTimeout(() => {
        settling.delete(t);
        if (signal.aborted) return;
        opts.generic()?.release(doc);
        schedule();
      }, ms);
      settling.add(t);
    }
  };
  doc.addEventListener('load', onLoad, { capture: true });
  doc.addEventListener('input', schedule, { capture: true });
  view?.addEventListener('popstate', onUrlEvent);
  view?.addEventListener('hashchange', onUrlEvent);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const frameObserver of frameObservers) frameObserver.disconnect();
      doc.removeEventListener('load', onLoad, { capture: true });
      for (const t of settling) clearTimeout(t);
      opts.generic()?.release(doc);
      if (timer !== undefined) clearTimeout(timer);
      if (reread !== undefined) clearTimeout(reread);
      doc.removeEventListener('input', schedule, { capture: true });
      view?.removeEventListener('popstate', onUrlEvent);
      view?.removeEventListener('hashchange', onUrlEvent);
    },
    { once: true },
  );

  report(read(), 'initial');
  return {
    refresh: () => {
      if (signal.aborted) return;
      resetIfChanged();
      schedule();
    },
  };
}
