import { patientKey, type PatientContext } from '../context/patient-context';
import { detectPatient } from './detect';
import { releaseScanCache } from './generic/scan-cache';
import type { SiteAdapter } from './schema';

export type WatchReason = 'initial' | 'patient-changed' | 'patient-gone' | 'context-updated';

export interface WatchOptions {
  getUrl: () => string;
  adapters: SiteAdapter[];
  onChange: (ctx: PatientContext | null, reason: WatchReason) => void;
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

/** Attributes the generic detector and adapters read (walk.ts, notes.ts, lists.ts, adapter `attribute` rules). */
const READ_ATTRIBUTES = [
  'class', 'id', 'style', 'hidden', 'aria-hidden', 'aria-label', 'aria-labelledby', 'contenteditable', 'role', 'type', 'value',
  'for', 'title', 'name', 'placeholder', 'rows', 'cols', 'data-snomed', 'data-code', 'data-snomed-code', 'data-concept-id',
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
export function watchPatient(doc: Document, opts: WatchOptions): void {
  const { signal, onChange, adapters } = opts;
  if (signal.aborted) return;
  const debounceMs = opts.debounceMs ?? 120;
  const maxWaitMs = Math.max(debounceMs, opts.maxWaitMs ?? 150);
  let pendingSince = 0;
  const now = opts.now ?? (() => new Date());
  const view = doc.defaultView;
  let reportedKey: string | undefined;
  let reportedPrint = '';
  let lastUrl = opts.getUrl();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const detect = (): PatientContext | null => {
    try {
      return detectPatient(doc, opts.getUrl(), adapters, now());
    } catch {
      return null;
    }
  };

  const report = (ctx: PatientContext | null, reason: WatchReason): void => {
    reportedKey = ctx ? patientKey(ctx) : undefined;
    reportedPrint = ctx ? fingerprint(ctx) : '';
    try {
      onChange(ctx, reason);
    } catch {
      // The listener's failure is its own; keep watching.
    }
  };

  /** Withdraw the reported patient at once if the page no longer shows them. */
  const resetIfChanged = (): void => {
    if (reportedKey === undefined) return;
    const ctx = detect();
    if ((ctx ? patientKey(ctx) : undefined) !== reportedKey) report(null, 'patient-gone');
  };

  const settle = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    const ctx = detect();
    const key = ctx ? patientKey(ctx) : undefined;
    if (!ctx || key === undefined) {
      if (reportedKey !== undefined) report(null, 'patient-gone');
      return;
    }
    if (key !== reportedKey) {
      if (reportedKey !== undefined) report(null, 'patient-gone');
      report(ctx, 'patient-changed');
    } else if (fingerprint(ctx) !== reportedPrint) {
      report(ctx, 'context-updated');
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
  const observer = new Observer(onMutations);
  // Only the attributes the readers look at: a page restyling an element 60 times a second wakes nothing.
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributeFilter: watchedAttributes(adapters) });
  doc.addEventListener('input', schedule, { capture: true });
  view?.addEventListener('popstate', onUrlEvent);
  view?.addEventListener('hashchange', onUrlEvent);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      releaseScanCache(doc);
      if (timer !== undefined) clearTimeout(timer);
      doc.removeEventListener('input', schedule, { capture: true });
      view?.removeEventListener('popstate', onUrlEvent);
      view?.removeEventListener('hashchange', onUrlEvent);
    },
    { once: true },
  );

  report(detect(), 'initial');
}
