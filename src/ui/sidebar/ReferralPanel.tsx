import { useEffect, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { send } from '../../messaging/client';
import type { OutboxView, SessionConfig } from '../../messaging/protocol';
import { newReferralDraft, type ReferralDraft } from '../../referral/draft';
import { validateReferral } from '../../referral/validate';
import { useGuard } from '../panel/guard';
import { OutboxList } from '../shared/OutboxList';
import type { ReferralForm as ReferralFormType } from '../shared/ReferralForm';
import { useChanges } from '../shared/use-changes';
import { lazyLoader, useLazy } from '../shared/use-lazy';
import { useWorkerWatch } from '../shared/use-worker-watch';

const SAVE_DELAY_MS = 300;

/**
 * The form's code (about 25 KB) loads after the sidebar is on screen, not before its first paint
 * (#17: open to searchable): asked for when the panel mounts, so it is there long before a click.
 */
const loadForm = lazyLoader(() => import('../shared/ReferralForm').then((m) => m.ReferralForm));

type DraftReply = Awaited<ReturnType<typeof send<'draft.get'>>>;
/**
 * A draft asked for as the referral button is pressed, while the sidebar re-confirms the patient with the tab (#17:
 * click to form): the two round trips run side by side, not one after the other. Only for the patient it was asked
 * for, taken once, and only while fresh; a blocked confirm leaves it unused.
 */
let early: { patientKey: string; at: number; reply: Promise<DraftReply> } | undefined;
const EARLY_MS = 2000;
export function prefetchDraft(patientKey: string): void {
  early = { patientKey, at: Date.now(), reply: send('draft.get', { patientKey }) };
}
function takeDraft(patientKey: string): Promise<DraftReply> {
  const got = early;
  early = undefined;
  return got && got.patientKey === patientKey && Date.now() - got.at < EARLY_MS ? got.reply : send('draft.get', { patientKey });
}

/**
 * The referral form (when `open`) and this patient's referrals. The sidebar
 * owns whether the form is open; this component owns the draft while it is.
 *
 * Issue #11: a draft must never come back after its referral was sent. The
 * pending save is dropped before Send goes, no save is ever made for an id
 * that was sent, and the background refuses a save for an id the outbox
 * already holds (inside the transaction that would store it), so no timing
 * of typing, unloading or closing can bring a sent draft back.
 */
export function ReferralPanel(props: {
  patient: PatientContext;
  patientKey: string;
  tabId: number | undefined;
  config: SessionConfig;
  open: boolean;
  acceptedNeeds: string[];
  onClose: () => void;
}) {
  const guard = useGuard();
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const form = useLazy<typeof ReferralFormType>(loadForm);
  const Form = form.state === 'ready' ? form.value : null;
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [outbox, setOutbox] = useState<OutboxView[]>([]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<ReferralDraft | null>(null);
  /** Ids sent from this panel: never saved again, whatever fires later. */
  const sent = useRef(new Set<string>());

  const refreshOutbox = (refresh = false) =>
    void send('referral.list', { patientKey: props.patientKey, refresh }).then((r) => {
      if (alive.current && r.ok) setOutbox(r.value);
    });
  useEffect(() => refreshOutbox(true), [props.patientKey]);
  useChanges('outbox', () => refreshOutbox());
  useWorkerWatch(outbox.some((r) => r.state === 'queued' || r.state === 'sending'));

  const saveNow = () => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const draftToSave = pending.current;
    pending.current = null;
    if (!draftToSave || sent.current.has(draftToSave.id)) return;
    void send('draft.save', { patientKey: props.patientKey, draft: draftToSave, ...(props.tabId !== undefined ? { tabId: props.tabId } : {}) }).then((r) => {
      if (!alive.current) return;
      if (r.ok && r.value.ended) {
        // The referral was already queued: this form is finished.
        sent.current.add(draftToSave.id);
        setDraft(null);
        props.onClose();
      } else if (!r.ok && r.error.kind === 'NotAllowed') {
        setMessage(r.error.message);
      }
    });
  };
  useEffect(() => {
    window.addEventListener('pagehide', saveNow);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      saveNow();
    };
  }, []);

  // Opening the form: this patient's saved draft (the background offers only one not yet sent), or a new one.
  useEffect(() => {
    if (!props.open) {
      saveNow();
      setDraft(null);
      return;
    }
    setMessage(null);
    let cancelled = false;
    void takeDraft(props.patientKey).then((saved) => {
      if (cancelled || !alive.current) return;
      const restored = saved.ok && saved.value ? saved.value.draft : null;
      const base = restored && !sent.current.has(restored.id)
        ? { ...restored, patient: { ...restored.patient, notes: '' } }
        : newReferralDraft({ ...props.patient, notes: '' }, { ...props.config.referrer, practice: props.config.practice ?? {} }, props.acceptedNeeds, new Date());
      setDraft({ ...base, needs: [...new Set([...base.needs, ...props.acceptedNeeds])] });
      setShowProblems(false);
    });
    return () => void (cancelled = true);
  }, [props.open]);

  // "Add to referral" on a prompt while the form is open adds the need to it.
  useEffect(() => {
    if (!draft) return;
    const needs = [...new Set([...draft.needs, ...props.acceptedNeeds])];
    if (needs.length !== draft.needs.length) update({ ...draft, needs });
  }, [props.acceptedNeeds]);

  const update = (next: ReferralDraft) => {
    setDraft(next);
    pending.current = next;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(saveNow, SAVE_DELAY_MS);
  };

  const sendReferral = async () => {
    if (!draft) return;
    if (validateReferral(draft).length > 0) {
      setShowProblems(true);
      return;
    }
    const blocked = await guard.confirm();
    if (blocked) {
      setMessage(blocked);
      return;
    }
    // Nothing typed before Send may be saved after it.
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    pending.current = null;
    sent.current.add(draft.id);
    setSending(true);
    const result = await send('referral.send', { patientKey: props.patientKey, draft, ...(props.tabId !== undefined ? { tabId: props.tabId } : {}) });
    if (!alive.current) return;
    setSending(false);
    if (!result.ok) {
      // Not queued: the same draft may be corrected and sent again.
      sent.current.delete(draft.id);
      setShowProblems(true);
      setMessage(result.error.message);
      return;
    }
    setDraft(null);
    setOutbox((rows) => [result.value, ...rows.filter((r) => r.id !== result.value.id)]);
    setMessage(
      result.value.handoff
        ? 'Referral saved. Print or email it below, then mark it as sent.'
        : 'Referral queued. It will be delivered even if you close this page.',
    );
    props.onClose();
  };

  // The draft is kept (saved as typed) whatever happens to the form's code.
  if (props.open && draft && form.state === 'failed')
    return (
      <p class="section error" role="alert">
        The referral form could not be loaded. Your draft is kept: close and reopen the sidebar to carry on; if it persists, reload the extension.
      </p>
    );
  if (props.open && draft && !Form) return <p class="section muted" role="status">Opening the referral form…</p>;
  if (props.open && draft && Form) {
    return (
      <>
        {message && <p class="section error" role="alert">{message}</p>}
        <Form
          draft={draft}
          problems={validateReferral(draft)}
          showProblems={showProblems}
          manual={false}
          sending={sending}
          onChange={update}
          onSend={() => void sendReferral()}
          onClose={props.onClose}
        />
      </>
    );
  }
  // The button that opens the form is the sidebar's action bar (Sidebar.tsx), which never moves.
  return (
    <div class="section">
      {message ? <p role="status">{message}</p> : outbox.length === 0 && <p class="muted">No referral for this patient yet.</p>}
      <OutboxList rows={outbox} onRetry={(id) => void send('referral.retry', { id })} onMarkSent={(id) => void send('referral.markSent', { id })} />
    </div>
  );
}
