import { useEffect, useRef } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { NEEDS } from '../../prompts/needs';
import type { ReferralDraft } from '../../referral/draft';
import type { FieldProblem } from '../../referral/validate';

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
const METHODS = [
  ['phone', 'Phone call'],
  ['text', 'Text message'],
  ['letter', 'Letter'],
  ['email', 'Email'],
] as const;

function Problem(props: { id: string; problems: FieldProblem[]; field: string }) {
  const messages = props.problems.filter((p) => p.field === props.field || p.field.startsWith(`${props.field}.`));
  if (messages.length === 0) return null;
  return (
    <p class="error" id={props.id}>
      {messages.map((m) => m.message).join(' ')}
    </p>
  );
}

/**
 * The CLP referral form. Stateless: the parent owns the draft, saves it as it
 * changes and sends it. Ctrl+Enter sends from anywhere in the form; Escape
 * closes it (the draft stays). `manual` mode (popup, no patient page) lets the
 * patient's details be typed by hand; on a record they come from the screen.
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
  const { draft } = props;
  const firstField = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    firstField.current?.querySelector<HTMLElement>('input,textarea,select')?.focus();
  }, []);
  const problems = props.showProblems ? props.problems : [];
  const set = (patch: Partial<ReferralDraft>) => props.onChange({ ...draft, ...patch });
  const setContact = (patch: Partial<ReferralDraft['contact']>) => set({ contact: { ...draft.contact, ...patch } });
  const setPatient = (patch: Partial<PatientContext>) => set({ patient: { ...draft.patient, ...patch } });
  const describedBy = (field: string) => (problems.some((p) => p.field.startsWith(field)) ? `err-${field}` : undefined);

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
          <Problem id="err-patient" problems={problems} field="patient" />
          <label for="ref-postcode">Postcode</label>
          <input id="ref-postcode" type="text" value={draft.patient.postcode ?? ''} onInput={(e) => setPatient({ postcode: e.currentTarget.value || undefined })} />
          <label for="ref-address">Address</label>
          <input id="ref-address" type="text" value={draft.patient.address ?? ''} onInput={(e) => setPatient({ address: e.currentTarget.value || undefined })} />
          <label for="ref-phone">Phone</label>
          <input id="ref-phone" type="tel" value={draft.patient.phone ?? ''} onInput={(e) => setPatient({ phone: e.currentTarget.value || undefined })} />
        </fieldset>
      ) : (
        <p class="muted">
          For {draft.patient.name ?? 'the patient on screen'}
          {draft.patient.phone ? `, phone ${draft.patient.phone}` : ''}.
        </p>
      )}
      <fieldset ref={firstField} aria-describedby={describedBy('needs')}>
        <legend>Needs (at least one)</legend>
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
        <Problem id="err-needs" problems={problems} field="needs" />
      </fieldset>
      <label for="ref-matters">What matters to the person</label>
      <textarea id="ref-matters" rows={3} value={draft.whatMatters ?? ''} aria-describedby={describedBy('whatMatters')}
        onInput={(e) => set({ whatMatters: e.currentTarget.value })} />
      <Problem id="err-whatMatters" problems={problems} field="whatMatters" />
      <label for="ref-barriers">Barriers to getting support</label>
      <textarea id="ref-barriers" rows={2} value={draft.barriers ?? ''} onInput={(e) => set({ barriers: e.currentTarget.value })} />
      <label for="ref-level">Suggested level of support</label>
      <select id="ref-level" value={draft.level ?? ''} onChange={(e) => set({ level: e.currentTarget.value as ReferralDraft['level'] })}>
        {LEVELS.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      <Problem id="err-level" problems={problems} field="level" />
      <label for="ref-urgency">Urgency</label>
      <select id="ref-urgency" value={draft.urgency ?? ''} onChange={(e) => set({ urgency: e.currentTarget.value as ReferralDraft['urgency'] })}>
        {URGENCY.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      <label for="ref-method">Preferred contact</label>
      <select id="ref-method" value={draft.contact.method ?? ''} aria-describedby={describedBy('contact')}
        onChange={(e) => setContact({ method: (e.currentTarget.value || undefined) as ReferralDraft['contact']['method'] })}>
        <option value="">Choose…</option>
        {METHODS.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      {draft.contact.method === 'email' && (
        <>
          <label for="ref-email">Email address</label>
          <input id="ref-email" type="email" value={draft.contact.email ?? ''} onInput={(e) => setContact({ email: e.currentTarget.value })} />
        </>
      )}
      <Problem id="err-contact" problems={problems} field="contact" />
      <label for="ref-times">Best times to contact</label>
      <input id="ref-times" type="text" value={draft.contact.times ?? ''} onInput={(e) => setContact({ times: e.currentTarget.value })} />
      <label for="ref-safety">Safety notes</label>
      <input id="ref-safety" type="text" placeholder="e.g. do not leave voicemail" value={draft.contact.safetyNotes ?? ''}
        onInput={(e) => setContact({ safetyNotes: e.currentTarget.value })} />
      <label class="check" for="ref-consent">
        <input id="ref-consent" type="checkbox" checked={draft.consent.given} aria-describedby={describedBy('consent')}
          onChange={(e) =>
            set({ consent: e.currentTarget.checked ? { given: true, recordedAt: new Date().toISOString() } : { given: false } })
          }
        />
        The person agreed to be contacted by the Community Links Practitioner
      </label>
      <Problem id="err-consent" problems={problems} field="consent" />
      <fieldset>
        <legend>Referred by</legend>
        <label for="ref-referrer">Your name</label>
        <input id="ref-referrer" type="text" value={draft.referrer.name ?? ''} aria-describedby={describedBy('referrer')}
          onInput={(e) => set({ referrer: { ...draft.referrer, name: e.currentTarget.value } })} />
        <label for="ref-role">Your role</label>
        <input id="ref-role" type="text" value={draft.referrer.role ?? ''}
          onInput={(e) => set({ referrer: { ...draft.referrer, role: e.currentTarget.value } })} />
        <Problem id="err-referrer" problems={problems} field="referrer" />
      </fieldset>
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
