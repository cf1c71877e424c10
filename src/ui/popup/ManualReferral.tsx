import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { MANUAL_DRAFT_KEY } from '../../messaging/keys';
import { newReferralDraft, type ReferralDraft } from '../../referral/draft';
import { parseDraft } from '../../referral/draft-schema';
import { validateReferral } from '../../referral/validate';
import { ReferralForm } from '../shared/ReferralForm';

/** A referral with no patient page: the person's details typed by hand. The draft is kept if the popup closes. */
export function ManualReferral(props: { onClose: () => void }) {
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    void Promise.all([send('draft.get', { patientKey: MANUAL_DRAFT_KEY }), send('session.config', {})]).then(([saved, config]) => {
      const restored = saved.ok && saved.value ? parseDraft(saved.value.draft) : undefined;
      // A draft saved by an older version is upgraded; one that cannot be read starts afresh.
      if (restored?.ok) setDraft(restored.draft);
      else
        setDraft(
          newReferralDraft(
            { sex: 'unknown', problems: [], notes: '', pageKind: 'unknown', source: { adapter: 'manual', confidence: 1 } },
            config.ok ? config.value.referrer : {},
            [],
            new Date(),
          ),
        );
    });
  }, []);

  if (!draft) return <p class="section">Opening the form…</p>;
  const update = (next: ReferralDraft) => {
    setDraft(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void send('draft.save', { patientKey: MANUAL_DRAFT_KEY, draft: next }), 250);
  };
  const submit = async () => {
    if (validateReferral(draft).length) {
      setShowProblems(true);
      return;
    }
    setSending(true);
    const result = await send('referral.send', { draft });
    setSending(false);
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    clearTimeout(timer.current);
    await send('draft.discard', { patientKey: MANUAL_DRAFT_KEY });
    setMessage('Referral queued. It will be delivered even if you close this window.');
    setDraft(null);
    props.onClose();
  };
  return (
    <main>
      <h1 class="section" style="font-size:16px">Referral to the Community Links Practitioner</h1>
      {message && <p class="section error" role="alert">{message}</p>}
      <ReferralForm draft={draft} problems={validateReferral(draft)} showProblems={showProblems} manual sending={sending}
        onChange={update} onSend={() => void submit()} onClose={props.onClose} />
    </main>
  );
}
