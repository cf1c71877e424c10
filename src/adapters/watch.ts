import { patientKey, type PatientContext } from '../context/patient-context';
import { detect } from './detect';
import type { Declined, Detection } from './detection';
import { innerRoots, releaseScanCache } from './generic/scan-cache';
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
  /** Clock for age calculation (tests). */
  now?: () => Date;
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
export function watchPatient(doc: Document, opts: WatchOptions): void {
  const { signal, onChange, adapters } = opts;
  if (signal.aborted) return;
  const debounceMs = opts.debounceMs ?? 120;
  const now = opts.now ?? (() => new Date());
  const view = doc.defaultView;
  let reportedKey: string | undefined;
  let reportedPrint = '';
  let reportedDecline = '';
  let lastUrl = opts.getUrl();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = (): Detection => {
    let result: Detection;
    try {
      result = detect(doc, opts.getUrl(), adapters, now());
    } catch {
      result = { declined: 'error' };
    }
    observeInside();
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
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settle, debounceMs);
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
  const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true };
  const observer = new Observer(onMutations);
  observer.observe(doc, OPTIONS);
  // Shadow roots and same-origin frames the detector read: a patient switch inside them must reset too.
  const watched = new Set<Node>();
  const frameObservers: MutationObserver[] = [];
  function observeInside(): void {
    if (signal.aborted) return;
    for (const root of innerRoots(doc)) {
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
  // A frame that loads another document fires no mutation in this one.
  doc.addEventListener('load', onMutations, { capture: true });
  doc.addEventListener('input', schedule, { capture: true });
  view?.addEventListener('popstate', onUrlEvent);
  view?.addEventListener('hashchange', onUrlEvent);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      for (const frameObserver of frameObservers) frameObserver.disconnect();
      doc.removeEventListener('load', onMutations, { capture: true });
      releaseScanCache(doc);
      if (timer !== undefined) clearTimeout(timer);
      doc.removeEventListener('input', schedule, { capture: true });
      view?.removeEventListener('popstate', onUrlEvent);
      view?.removeEventListener('hashchange', onUrlEvent);
    },
    { once: true },
  );

  report(read(), 'initial');
}
