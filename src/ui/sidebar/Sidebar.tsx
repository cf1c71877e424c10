import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { patientKey } from '../../context/patient-context';
import { send } from '../../messaging/client';
import type { SessionConfig } from '../../messaging/protocol';
import { needLabel, NEEDS } from '../../prompts/needs';
import type { Prompt } from '../../prompts/prompts-for';
import { SIMD_ATTRIBUTION } from '../../prompts/simd-attribution';
import { usePromptEngine } from '../panel/prompt-engine';
import { useGuard } from '../panel/guard';
import { useChanges } from '../shared/use-changes';
import { PromptList, type PromptAction } from './PromptList';
import { prefetchDraft, ReferralPanel } from './ReferralPanel';
import { RecordStep } from './RecordStep';
import { ResourcesPanel } from './ResourcesPanel';

/**
 * Everything shown for ONE patient. The panel renders it with `key` set to
 * where the patient came from and who they are, so any change unmounts it and
 * every piece of state (prompts, cards, open form, pending replies) goes with
 * it. It is the one owner of whether the referral form is open (issue #12).
 */
export function PatientSidebar(props: {
  patient: PatientContext;
  config: SessionConfig;
  /** The record tab the patient was read from; undefined when typed in. */
  tabId: number | undefined;
  /** Alt+Shift+P on the record page moves to the next prompt. */
  registerFocusPrompts?: (focusNext: () => void) => void;
  /** Called when this patient goes away while their referral form is open. */
  onLeaveWithForm?: () => void;
}) {
  const { patient, config } = props;
  const key = patientKey(patient) ?? '';
  const guard = useGuard();
  const alive = useRef(true);
  const [suppressed, setSuppressed] = useState<{ ruleIds: string[]; needs: string[] } | null>(null);
  const [selectedNeed, setSelectedNeed] = useState<string | undefined>(undefined);
  const [referralNeeds, setReferralNeeds] = useState<string[]>([]);
  const [formOpen, setFormOpen] = useState(false);
  const [hasSavedDraft, setHasSavedDraft] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const formOpenRef = useRef(false);
  formOpenRef.current = formOpen;
  const listRef = useRef<HTMLDivElement>(null);
  // Loaded after the sidebar is on screen: the need picker and cards never wait for the rules.
  const engine = usePromptEngine(config);

  useEffect(
    () => () => {
      alive.current = false;
      if (formOpenRef.current) props.onLeaveWithForm?.();
    },
    [],
  );

  useEffect(() => {
    void send('patient.suppressions', { patientKey: key }).then((r) => {
      if (alive.current) setSuppressed(r.ok ? r.value : { ruleIds: [], needs: [] });
    });
  }, [key]);

  // Deprivation from the practice's postcode look-up, asked of the background (nothing leaves the machine).
  const [simdDecile, setSimdDecile] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (!patient.postcode) return;
    void send('prompts.deprivation', { postcode: patient.postcode }).then((r) => {
      if (alive.current && r.ok) setSimdDecile(r.value.simdDecile);
    });
  }, [patient.postcode]);

  const checkDraft = () =>
    void send('draft.get', { patientKey: key }).then((r) => {
      if (alive.current) setHasSavedDraft(r.ok && r.value !== null);
    });
  useEffect(checkDraft, [key]);
  useChanges('drafts', checkDraft);

  // For the benchmark: the first moment the sidebar is searchable (the need picker is on screen).
  useEffect(() => {
    if (performance.getEntriesByName('links:panel-ready').length === 0) performance.mark('links:panel-ready');
  }, []);

  useEffect(() => {
    props.registerFocusPrompts?.(() => {
      const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('li.prompt') ?? []);
      const at = items.findIndex((p) => p === document.activeElement);
      items[(at + 1) % Math.max(1, items.length)]?.focus();
    });
  }, []);

  const prompts = useMemo<Prompt[]>(
    () =>
      suppressed && engine
        ? engine.promptsFor(patient, {
            role: config.role,
            suppressed,
            limit: 3,
            generic: config.genericPrompts ?? 'off',
            ...(simdDecile !== undefined ? { simdDecile } : {}),
          })
        : [],
    [patient, config.role, config.genericPrompts, engine, suppressed, simdDecile],
  );

  useEffect(() => {
    if (engine && suppressed && performance.getEntriesByName('links:panel-prompts').length === 0) performance.mark('links:panel-prompts');
  }, [engine, suppressed]);

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

  const onAction = async (prompt: Prompt, action: PromptAction) => {
    setProblem(null);
    if (action === 'show') {
      setSelectedNeed(prompt.need);
      void send('prompt.act', { ruleId: prompt.ruleId, need: prompt.need, action: 'accepted', role: config.role });
      return;
    }
    // Adding to a referral and dismissing are about this patient: check the record still shows them.
    const blocked = await guard.confirm();
    if (blocked) {
      if (alive.current) setProblem(blocked);
      return;
    }
    if (action === 'refer') {
      setReferralNeeds((needs) => (needs.includes(prompt.need) ? needs : [...needs, prompt.need]));
      setFormOpen(true);
      void send('prompt.act', { ruleId: prompt.ruleId, need: prompt.need, action: 'accepted', role: config.role });
      return;
    }
    const act = action === 'dismiss' ? 'dismissed' : 'snoozed';
    setSuppressed((s) => ({ ruleIds: [...(s?.ruleIds ?? []), prompt.ruleId], needs: [...(s?.needs ?? []), prompt.need] }));
    void send('prompt.act', { patientKey: key, ruleId: prompt.ruleId, need: prompt.need, action: act, role: config.role });
  };

  const openForm = async () => {
    prefetchDraft(key);
    const blocked = await guard.confirm();
    if (blocked) setProblem(blocked);
    else setFormOpen(true);
  };

  return (
    <>
      <div class="body" ref={listRef}>
        {problem && (
          <p class="section error" role="alert">
            {problem}
          </p>
        )}
        <h2 id="ls-prompts">Conversation prompts</h2>
        {suppressed === null || engine === null ? (
          <p class="section muted" role="status">
            Reading the record for prompts…
          </p>
        ) : (
          <PromptList prompts={prompts} onAction={(p, a) => void onAction(p, a)} referralNeeds={referralNeeds} />
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
          tabId={props.tabId}
          config={config}
          open={formOpen}
          acceptedNeeds={referralNeeds}
          onClose={() => setFormOpen(false)}
        />
        <h2 id="ls-record">For the record</h2>
        <RecordStep />
        <p class="section hint">
          {`Prompts: ${engine === null || suppressed === null ? 'reading' : prompts.map((p) => needLabel(p.need)).join(', ') || 'none'}. Nothing about this patient leaves this computer unless you send a referral.`}
          {prompts.some((p) => p.why.some((w) => w.includes('SIMD'))) && ` ${SIMD_ATTRIBUTION}`}
        </p>
      </div>
      {/* The one-click referral sits in an action bar pinned to the bottom of the
          sidebar: prompts and cards arriving above it never move it, so it is
          always in the same place and a click on it is never lost to a layout shift. */}
      {!formOpen && (
        <div class="actionbar">
          <button type="button" class="primary" onClick={() => void openForm()}>
            {hasSavedDraft ? 'Continue referral draft' : 'Refer to the Community Links Practitioner'}
          </button>
        </div>
      )}
    </>
  );
}
