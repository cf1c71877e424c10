/**
 * Pieces of the referral form (issue #15): how to contact the person, risks
 * and safeguarding, consent, and who is referring and where the reply goes.
 * Each takes the draft and a patch function, so the form stays one owner of
 * the draft.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReferralDraft } from '../../referral/draft';
import type { FieldProblem } from '../../referral/validate';

const METHODS = [
  ['phone', 'Phone call'],
  ['text', 'Text message'],
  ['letter', 'Letter'],
  ['email', 'Email'],
] as const;

export interface PartProps {
  draft: ReferralDraft;
  problems: FieldProblem[];
  onChange: (draft: ReferralDraft) => void;
}

/** The problems for a field (and its sub-fields), in the words of validateReferral. */
export function Problem(props: { problems: FieldProblem[]; field: string }) {
  const messages = props.problems.filter((p) => p.field === props.field || p.field.startsWith(`${props.field}.`));
  if (messages.length === 0) return null;
  return (
    <p class="error" id={errorId(props.field)}>
      {messages.map((m) => m.message).join(' ')}
    </p>
  );
}

export const errorId = (field: string) => `err-${field.replace(/\./g, '-')}`;

/**
 * aria-describedby for a field when it has a problem shown: the id of the
 * message element, which is the field's own or, when the messages are shown
 * together for a group (`practice`, `consent`), the group's.
 */
export function describedBy(problems: FieldProblem[], field: string, shownUnder: string = field): string | undefined {
  return problems.some((p) => p.field === field || p.field.startsWith(`${field}.`)) ? errorId(shownUnder) : undefined;
}

export function ContactFields({ draft, problems, onChange }: PartProps) {
  const set = (patch: Partial<ReferralDraft['contact']>) => onChange({ ...draft, contact: { ...draft.contact, ...patch } });
  const { method } = draft.contact;
  return (
    <fieldset>
      <legend>How to contact them</legend>
      <label for="ref-method">Preferred contact</label>
      <select id="ref-method" value={method ?? ''} aria-describedby={describedBy(problems, 'contact.method')}
        onChange={(e) => set({ method: (e.currentTarget.value || undefined) as ReferralDraft['contact']['method'] })}>
        <option value="">Choose…</option>
        {METHODS.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      <Problem problems={problems} field="contact.method" />
      {(method === 'phone' || method === 'text') && (
        <>
          <label for="ref-phone">{method === 'text' ? 'Mobile number' : 'Phone number'}</label>
          <input id="ref-phone" type="tel" autoComplete="off" value={draft.contact.phone ?? ''} aria-describedby={describedBy(problems, 'contact.phone')}
            onInput={(e) => set({ phone: e.currentTarget.value })} />
          <p class="hint">Check it with the person: this number goes to the Community Links Practitioner.</p>
          <Problem problems={problems} field="contact.phone" />
        </>
      )}
      {method === 'email' && (
        <>
          <label for="ref-email">Email address</label>
          <input id="ref-email" type="email" value={draft.contact.email ?? ''} aria-describedby={describedBy(problems, 'contact.email')}
            onInput={(e) => set({ email: e.currentTarget.value })} />
          <Problem problems={problems} field="contact.email" />
        </>
      )}
      {method === 'letter' && (
        <>
          <label for="ref-letter-address">Address</label>
          <input id="ref-letter-address" type="text" value={draft.patient.address ?? ''} aria-describedby={describedBy(problems, 'patient.address')}
            onInput={(e) => onChange({ ...draft, patient: { ...draft.patient, address: e.currentTarget.value || undefined } })} />
          <Problem problems={problems} field="patient.address" />
        </>
      )}
      <label for="ref-times">Best times to contact</label>
      <input id="ref-times" type="text" value={draft.contact.times ?? ''} onInput={(e) => set({ times: e.currentTarget.value })} />
      <label for="ref-safety">Safety notes for contacting them</label>
      <input id="ref-safety" type="text" placeholder="e.g. do not leave voicemail" value={draft.contact.safetyNotes ?? ''}
        onInput={(e) => set({ safetyNotes: e.currentTarget.value })} />
    </fieldset>
  );
}

/** Risks with an explicit one-click "No known risks" (PRSB), and safeguarding concerns. */
export function RiskFields({ draft, problems, onChange }: PartProps) {
  const none = draft.risks.noneKnown === true;
  return (
    <fieldset aria-describedby={describedBy(problems, 'risks')}>
      <legend>Risks and safeguarding</legend>
      <label class="check" for="ref-no-risks">
        <input id="ref-no-risks" type="checkbox" checked={none}
          onChange={(e) => onChange({ ...draft, risks: e.currentTarget.checked ? { noneKnown: true } : { noneKnown: false, details: draft.risks.details } })} />
        No known risks
      </label>
      <label for="ref-risks">Risks to the person or to someone visiting them</label>
      <textarea id="ref-risks" rows={2} disabled={none} value={draft.risks.details ?? ''}
        onInput={(e) => onChange({ ...draft, risks: { noneKnown: false, details: e.currentTarget.value } })} />
      <Problem problems={problems} field="risks" />
      <label for="ref-safeguarding">Safeguarding concerns (if any)</label>
      <input id="ref-safeguarding" type="text" value={draft.safeguarding ?? ''} aria-describedby={describedBy(problems, 'safeguarding')}
        onInput={(e) => onChange({ ...draft, safeguarding: e.currentTarget.value })} />
      <Problem problems={problems} field="safeguarding" />
    </fieldset>
  );
}

export function ConsentFields({ draft, problems, onChange }: PartProps) {
  const stamp = (consent: ReferralDraft['consent']) =>
    consent.given || consent.shareInformation ? { ...consent, recordedAt: consent.recordedAt ?? new Date().toISOString() } : { given: false };
  return (
    <fieldset>
      <legend>Consent</legend>
      <label class="check" for="ref-consent">
        <input id="ref-consent" type="checkbox" checked={draft.consent.given} aria-describedby={describedBy(problems, 'consent')}
          onChange={(e) => onChange({ ...draft, consent: stamp({ ...draft.consent, given: e.currentTarget.checked }) })} />
        The person agreed to be referred and contacted by the Community Links Practitioner
      </label>
      <label class="check" for="ref-consent-share">
        <input id="ref-consent-share" type="checkbox" checked={draft.consent.shareInformation === true}
          aria-describedby={describedBy(problems, 'consent.shareInformation', 'consent')}
          onChange={(e) => onChange({ ...draft, consent: stamp({ ...draft.consent, shareInformation: e.currentTarget.checked }) })} />
        …and to these details being shared with the Community Links service
      </label>
      <Problem problems={problems} field="consent" />
    </fieldset>
  );
}

const REFERRER_FIELDS = ['referrer', 'practice', 'returnTo'];

/**
 * Who is referring, their practice, and where the CLP's reply goes. Filled
 * from the settings, so it stays folded unless something is missing or wrong.
 */
export function ReferrerFields({ draft, problems, onChange }: PartProps) {
  const setReferrer = (patch: Partial<ReferralDraft['referrer']>) => onChange({ ...draft, referrer: { ...draft.referrer, ...patch } });
  const setPractice = (patch: Partial<ReferralDraft['practice']>) => onChange({ ...draft, practice: { ...draft.practice, ...patch } });
  const needsAttention =
    !draft.practice.name || !draft.referrer.name || problems.some((p) => REFERRER_FIELDS.some((f) => p.field === f || p.field.startsWith(`${f}.`)));
  // Opened once, it stays open while the form is: it must not fold away under someone typing in it.
  const [open, setOpen] = useState(needsAttention);
  useEffect(() => {
    if (needsAttention) setOpen(true);
  }, [needsAttention]);
  const summary = [draft.referrer.name, draft.referrer.role, draft.practice.name].filter(Boolean).join(', ');
  const text = (id: string, label: string, value: string | undefined, onInput: (v: string) => void, field: string, type = 'text') => (
    <>
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value ?? ''} aria-describedby={describedBy(problems, field, field.split('.')[0])}
        onInput={(e) => onInput(e.currentTarget.value)} />
    </>
  );
  return (
    <details class="referrer" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Referred by {summary || '(not set)'}; reply to {draft.returnTo === 'referrer' ? 'you' : 'the practice'}</summary>
      {text('ref-referrer', 'Your name', draft.referrer.name, (v) => setReferrer({ name: v }), 'referrer.name')}
      {text('ref-role', 'Your role', draft.referrer.role, (v) => setReferrer({ role: v }), 'referrer.role')}
      {text('ref-referrer-phone', 'Your phone (optional)', draft.referrer.phone, (v) => setReferrer({ phone: v }), 'referrer.phone', 'tel')}
      {text('ref-referrer-email', 'Your email (optional)', draft.referrer.email, (v) => setReferrer({ email: v }), 'referrer.email', 'email')}
      <Problem problems={problems} field="referrer" />
      {text('ref-practice', 'Practice', draft.practice.name, (v) => setPractice({ name: v }), 'practice.name')}
      {text('ref-practice-phone', 'Practice phone', draft.practice.phone, (v) => setPractice({ phone: v }), 'practice.phone', 'tel')}
      {text('ref-practice-email', 'Practice secure email', draft.practice.email, (v) => setPractice({ email: v }), 'practice.email', 'email')}
      <Problem problems={problems} field="practice" />
      <fieldset>
        <legend>Send the Community Links Practitioner's reply to</legend>
        {(['practice', 'referrer'] as const).map((to) => (
          <label class="check" key={to}>
            <input type="radio" name="ref-return-to" value={to} checked={(draft.returnTo ?? 'practice') === to} onChange={() => onChange({ ...draft, returnTo: to })} />
            {to === 'practice' ? 'The practice' : 'Me'}
          </label>
        ))}
        <Problem problems={problems} field="returnTo" />
      </fieldset>
    </details>
  );
}
