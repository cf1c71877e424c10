import { useEffect, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { send } from '../../messaging/client';
import type { OutboxView, SessionConfig } from '../../messaging/protocol';
import { newReferralDraft, type ReferralDraft } from '../../referral/draft';
import { validateReferral } from '../../referral/validate';
import { ReferralForm } from '../shared/ReferralForm';
import { OutboxList } from '../shared/OutboxList';

const SAVE_DELAY_MS = 300;

/** Opens the form (restoring this patient's draft), saves as the clinician types, sends through the outbox. */
export function ReferralPanel(props: {
  patient: PatientContext;
  patientKey: string;
  config: SessionConfig;
  acceptedNeeds: string[];
  /** Bumped by the sidebar's "Refer" button and by "Add to referral" on a prompt: open the form (or add the needs to it). */
  openRequest: number;
  onFormOpenChange: (open: boolean) => void;
  /** Whether this patient has a saved draft, so the sidebar's button can say "Continue referral draft". */
  onSavedDraftChange: (saved: boolean) => void;
}) {
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const [open, setOpen] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [outbox, setOutbox] = useState<OutboxView[]>([]);
  const [hasSavedDraft, setHasSavedDraft] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refreshOutbox = (refresh = false) =>
    void send('referral.list', { patientKey: props.patientKey, refresh }).then((r) => {
      if (alive.current && r.ok) setOutbox(r.value);
    });

  useEffect(() => {
    refreshOutbox(true);
    void send('draft.get', { patientKey: props.patientKey }).then((r) => {
      if (alive.current && r.ok && r.value) setHasSavedDraft(true);
    });
    // While a referral is on its way, keep its state fresh.
    const timer = setInterval(() => refreshOutbox(), 3000);
    return () => clearInterval(timer);
  }, [props.patientKey]);

  useEffect(() => props.onFormOpenChange(open), [open]);
  useEffect(() => props.onSavedDraftChange(hasSavedDraft), [hasSavedDraft]);

  const openForm = async () => {
    setMessage(null);
    const saved = await send('draft.get', { patientKey: props.patientKey });
    if (!alive.current) return;
    const restored = saved.ok && saved.value ? (saved.value.draft as ReferralDraft) : null;
    // A draft is only ever restored for the same identifier (defence in depth: the key is already per patient).
    const base =
      restored && restored.patient.chi === props.patient.chi && restored.patient.nhsNumber === props.patient.nhsNumber
        ? { ...restored, patient: { ...restored.patient, notes: '' } }
        : newReferralDraft({ ...props.patient, notes: '' }, props.config.referrer, props.acceptedNeeds, new Date());
    const needs = [...new Set([...base.needs, ...props.acceptedNeeds])];
    setDraft({ ...base, needs });
    setShowProblems(false);
    setOpen(true);
  };

  // The "Refer" button opens the form; "Add to referral" on a prompt opens it with that need ticked.
  useEffect(() => {
    if (props.openRequest === 0) return;
    if (open && draft) {
      const needs = [...new Set([...draft.needs, ...props.acceptedNeeds])];
      update({ ...draft, needs });
    } else void openForm();
  }, [props.openRequest]);

  // The draft typed since the last save. Saved after a pause, and flushed if the
  // panel goes away (patient change, tab closing) before that pause is over.
  const pending = useRef<ReferralDraft | null>(null);
  const saveNow = () => {
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const draftToSave = pending.current;
    pending.current = null;
    if (draftToSave) void send('draft.save', { patientKey: props.patientKey, draft: draftToSave });
  };
  const update = (next: ReferralDraft) => {
    setDraft(next);
    pending.current = next;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      saveNow();
      if (alive.current) setHasSavedDraft(true);
    }, SAVE_DELAY_MS);
  };
  useEffect(() => {
    window.addEventListener('pagehide', saveNow);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      saveNow();
    };
  }, []);

  const sendReferral = async () => {
    if (!draft) return;
    const problems = validateReferral(draft);
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setSending(true);
    const result = await send('referral.send', { patientKey: props.patientKey, draft });
    if (!alive.current) return;
    setSending(false);
    if (!result.ok) {
      setShowProblems(true);
      setMessage(result.error.message);
      return;
    }
    // Sent: nothing left to save (the background removed the stored draft).
    clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    pending.current = null;
    setOpen(false);
    setDraft(null);
    setHasSavedDraft(false);
    setOutbox((rows) => [result.value, ...rows.filter((r) => r.id !== result.value.id)]);
    setMessage(
      result.value.handoff
        ? 'Referral saved. Print or email it below, then mark it as sent.'
        : 'Referral queued. It will be delivered even if you close this page.',
    );
  };

  if (open && draft) {
    return (
      <>
        {message && <p class="section error" role="alert">{message}</p>}
        <ReferralForm
          draft={draft}
          problems={validateReferral(draft)}
          showProblems={showProblems}
          manual={false}
          sending={sending}
          onChange={update}
          onSend={() => void sendReferral()}
          onClose={() => setOpen(false)}
        />
      </>
    );
  }
  // The button that opens the form is the sidebar's action bar (Sidebar.tsx), which never moves.
  return (
    <div class="section">
      {message ? <p role="status">{message}</p> : outbox.length === 0 && <p class="muted">No referral for this patient yet.</p>}
      <OutboxList
        rows={outbox}
        onRetry={(id) => void send('referral.retry', { id }).then(() => refreshOutbox())}
        onMarkSent={(id) => void send('referral.markSent', { id }).then(() => refreshOutbox())}
      />
    </div>
  );
}
