import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { patientKey } from '../../context/patient-context';
import { send } from '../../messaging/client';
import type { SessionConfig } from '../../messaging/protocol';
import { needLabel, NEEDS } from '../../prompts/needs';
import { promptsFor, type Prompt } from '../../prompts/prompts-for';
import type { Rule } from '../../prompts/schema';
import { PromptList, type PromptAction } from './PromptList';
import { ResourcesPanel } from './ResourcesPanel';
import { ReferralPanel } from './ReferralPanel';

/**
 * Everything shown for ONE patient. The host renders it with `key` set to the
 * patient's identifier, so a patient change unmounts it and every piece of
 * state (prompts, cards, open form, pending replies) goes with it.
 */
export function PatientSidebar(props: {
  patient: PatientContext;
  config: SessionConfig;
  rules: Rule[];
  onFormOpenChange: (open: boolean) => void;
}) {
  const { patient, config } = props;
  const key = patientKey(patient) ?? '';
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const [suppressed, setSuppressed] = useState<{ ruleIds: string[]; needs: string[] } | null>(null);
  const [selectedNeed, setSelectedNeed] = useState<string | undefined>(undefined);
  const [referralNeeds, setReferralNeeds] = useState<string[]>([]);
  const [formRequest, setFormRequest] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const [hasSavedDraft, setHasSavedDraft] = useState(false);

  useEffect(() => {
    void send('patient.suppressions', { patientKey: key }).then((r) => {
      if (alive.current) setSuppressed(r.ok ? r.value : { ruleIds: [], needs: [] });
    });
  }, [key]);

  const prompts = useMemo<Prompt[]>(
    () =>
      suppressed
        ? promptsFor(patient, { role: config.role, rules: props.rules, suppressed, limit: 3 })
        : [],
    [patient, config.role, props.rules, suppressed],
  );

  // Each prompt shown is counted once per patient visit (need, rule, role, date only).
  const recordedShown = useRef(new Set<string>());
  useEffect(() => {
    for (const p of prompts) {
      if (recordedShown.current.has(p.ruleId)) continue;
      recordedShown.current.add(p.ruleId);
      void send('prompt.act', { ruleId: p.ruleId, need: p.need, action: 'shown', role: config.role });
    }
  }, [prompts, config.role]);

  const effectiveNeed = selectedNeed ?? prompts[0]?.need;

  const onAction = (prompt: Prompt, action: PromptAction, reason?: string) => {
    if (action === 'show') {
      setSelectedNeed(prompt.need);
      void send('prompt.act', { ruleId: prompt.ruleId, need: prompt.need, action: 'accepted', role: config.role });
    } else if (action === 'refer') {
      setReferralNeeds((needs) => (needs.includes(prompt.need) ? needs : [...needs, prompt.need]));
      setFormRequest((n) => n + 1);
      void send('prompt.act', { ruleId: prompt.ruleId, need: prompt.need, action: 'accepted', role: config.role });
    } else {
      const act = action === 'dismiss' ? 'dismissed' : 'snoozed';
      setSuppressed((s) => ({ ruleIds: [...(s?.ruleIds ?? []), prompt.ruleId], needs: [...(s?.needs ?? []), prompt.need] }));
      void send('prompt.act', {
        patientKey: key,
        ruleId: prompt.ruleId,
        need: prompt.need,
        action: act,
        role: config.role,
        ...(reason ? { reason } : {}),
      });
    }
  };

  return (
    <>
      <div class="body">
        <h2 id="ls-prompts">Conversation prompts</h2>
        {suppressed === null ? (
          <p class="section muted">Checking…</p>
        ) : (
          <PromptList prompts={prompts} onAction={onAction} referralNeeds={referralNeeds} />
        )}
        <h2 id="ls-resources">Nearby support</h2>
        <div class="section">
          <label for="ls-need">Need</label>
          <select id="ls-need" value={effectiveNeed ?? ''} onChange={(e) => setSelectedNeed(e.currentTarget.value || undefined)}>
            <option value="">Choose a need…</option>
            {NEEDS.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}
              </option>
            ))}
          </select>
        </div>
        {effectiveNeed ? (
          <ResourcesPanel need={effectiveNeed} postcode={patient.postcode} role={config.role} />
        ) : (
          <p class="section muted">Choose a need to see local services.</p>
        )}
        <h2 id="ls-referral">Referral to the Community Links Practitioner</h2>
        <ReferralPanel
          patient={patient}
          patientKey={key}
          config={config}
          acceptedNeeds={referralNeeds}
          openRequest={formRequest}
          onFormOpenChange={(open) => {
            setFormOpen(open);
            props.onFormOpenChange(open);
          }}
          onSavedDraftChange={setHasSavedDraft}
        />
        <p class="section hint">
          {`Prompts: ${prompts.map((p) => needLabel(p.need)).join(', ') || 'none'}. Nothing about this patient leaves this computer unless you send a referral.`}
        </p>
      </div>
      {/* The one-click referral sits in an action bar pinned to the bottom of the
          sidebar: prompts and cards arriving above it never move it, so it is
          always in the same place and a click on it is never lost to a layout shift. */}
      {!formOpen && (
        <div class="actionbar">
          <button type="button" class="primary" onClick={() => setFormRequest((n) => n + 1)}>
            {hasSavedDraft ? 'Continue referral draft' : 'Refer to the Community Links Practitioner'}
          </button>
        </div>
      )}
    </>
  );
}
