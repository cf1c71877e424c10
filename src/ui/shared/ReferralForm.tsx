import { useEffect, useRef } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { NEEDS } from '../../prompts/needs';
import { DRAFT_VERSION, type ReferralDraft } from '../../referral/draft';
import { parseDraft } from '../../referral/draft-schema';
import type { FieldProblem } from '../../referral/validate';
import { ConsentFields, ContactFields, describedBy as describe, Problem, ReferrerFields, RiskFields } from './ReferralFormParts';

const LEVELS = [
  ['information', 'Information only (signposting)'],
  ['support', 'Some support (supported signposting)'],
  ['clp', 'Community Links Practitioner'],
] as const;
const URGENCY = [
  ['routine', 'Routine'],
  ['soon', 'Soon (within a week)'],
  ['urgent', 'Urgent (within 2 working days)'],
] as const;
/** A draft saved by an older version is shown (and saved back) as the current version. */
function current(draft: ReferralDraft): ReferralDraft {
  if (draft.version === DRAFT_VERSION) return draft;
  const parsed = parseDraft(draft);
  return parsed.ok ? parsed.draft : draft;
}

/**
 * The CLP referral form. Stateless: the parent owns the draft, saves it as it
 * changes and sends it. Ctrl+Enter sends from anywhere in the form; Escape
 * closes it (the draft stays). `manual` mode (popup, no patient page) lets the
 * patient's details be typed by hand; on a record they come from the screen.
 * It carries the PRSB referral items (issue #15); the referrer and practice
 * come from the settings and stay folded unless something is missing.
 */
export function ReferralForm(props: {
  draft: ReferralDraft;
  problems: FieldProblem[];
  showProblems: boolean;
  manual: boolean;
  sending: boolean;
  onChange: (draft: ReferralDraft) => void;
  onSend: () => void;
  onClose: () => void;
}) {
  const draft = current(props.draft);
  const firstField = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    firstField.current?.querySelector<HTMLElement>('input,textarea,select')?.focus();
  }, []);
  const problems = props.showProblems ? props.problems : [];
  const set = (patch: Partial<ReferralDraft>) => props.onChange({ ...draft, ...patch });
  const setPatient = (patch: Partial<PatientContext>) => set({ patient: { ...draft.patient, ...patch } });
  const describedBy = (field: string) => describe(problems, field);
  const parts = { draft, problems, onChange: props.onChange };

  return (
    <form
      class="section referral-form"
      aria-label="Referral to the Community Links Practitioner"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSend();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          props.onSend();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <p class="hint">Saved as you type. Ctrl+Enter sends; Escape closes and keeps the draft.</p>
      {props.manual ? (
        <fieldset>
          <legend>Person</legend>
          <label for="ref-name">Name</label>
          <input id="ref-name" type="text" value={draft.patient.name ?? ''} onInput={(e) => setPatient({ name: e.currentTarget.value })} />
          <label for="ref-chi">CHI number</label>
          <input id="ref-chi" type="text" inputMode="numeric" value={draft.patient.chi ?? ''} aria-describedby={describedBy('patient')}
            onInput={(e) => setPatient({ chi: e.currentTarget.value.replace(/\D/g, '') || undefined })} />
          <label for="ref-nhs">NHS number (if no CHI number)</label>
          <input id="ref-nhs" type="text" inputMode="numeric" value={draft.patient.nhsNumber ?? ''} aria-describedby={describedBy('patient')}
            onInput={(e) => setPatient({ nhsNumber: e.currentTarget.value.replace(/\D/g, '') || undefined })} />
          <Problem problems={problems} field="patient" />
          <label for="ref-postcode">Postcode</label>
          <input id="ref-postcode" type="text" value={draft.patient.postcode ?? ''} onInput={(e) => setPatient({ postcode: e.currentTarget.value || undefined })} />
          <label for="ref-address">Address</label>
          <input id="ref-address" type="text" value={draft.patient.address ?? ''} onInput={(e) => setPatient({ address: e.currentTarget.value || undefined })} />
        </fieldset>
      ) : (
        <p class="muted">For {draft.patient.name ?? 'the patient on screen'}.</p>
      )}
      <fieldset ref={firstField} aria-describedby={describedBy('needs')}>
        <legend>Reason for referral: needs (at least one)</legend>
        {NEEDS.map((need) => (
          <label class="check" key={need.id}>
            <input
              type="checkbox"
              name="needs"
              value={need.id}
              checked={draft.needs.includes(need.id)}
              onChange={(e) =>
                set({ needs: e.currentTarget.checked ? [...draft.needs, need.id] : draft.needs.filter((n) => n !== need.id) })
              }
            />
            {need.label}
          </label>
        ))}
        <Problem problems={problems} field="needs" />
      </fieldset>
      <label for="ref-reason">Reason for referral in your words (optional)</label>
      <textarea id="ref-reason" rows={2} value={draft.reason ?? ''} aria-describedby={describedBy('reason')} onInput={(e) => set({ reason: e.currentTarget.value })} />
      <Problem problems={problems} field="reason" />
      <label for="ref-matters">What matters to the person</label>
      <textarea id="ref-matters" rows={3} value={draft.whatMatters ?? ''} aria-describedby={describedBy('whatMatters')}
        onInput={(e) => set({ whatMatters: e.currentTarget.value })} />
      <Problem problems={problems} field="whatMatters" />
      <label for="ref-barriers">Barriers to getting support</label>
      <textarea id="ref-barriers" rows={2} value={draft.barriers ?? ''} onInput={(e) => set({ barriers: e.currentTarget.value })} />
      <label for="ref-level">Suggested level of support</label>
      <select id="ref-level" value={draft.level ?? ''} onChange={(e) => set({ level: e.currentTarget.value as ReferralDraft['level'] })}>
        {LEVELS.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      <Problem problems={problems} field="level" />
      <label for="ref-urgency">Urgency</label>
      <select id="ref-urgency" value={draft.urgency ?? ''} onChange={(e) => set({ urgency: e.currentTarget.value as ReferralDraft['urgency'] })}>
        {URGENCY.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      <ContactFields {...parts} />
      <RiskFields {...parts} />
      <ConsentFields {...parts} />
      <ReferrerFields {...parts} />
      <div class="actions">
        <button type="submit" class="primary" disabled={props.sending}>
          {props.sending ? 'Sending…' : 'Send referral'}
        </button>
        <button type="button" onClick={props.onClose}>
          Close (keep draft)
        </button>
      </div>
    </form>
  );
}
