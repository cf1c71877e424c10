import { useState } from 'preact/hooks';
import type { StaffRole, UserRole } from '../../settings/types';
import { SelectField, Section, TextField, fieldId, type SectionProps } from './form';

const STAFF_ROLES: { value: StaffRole; label: string }[] = [
  { value: 'gp', label: 'GP' },
  { value: 'nurse', label: 'Nurse' },
  { value: 'receptionist', label: 'Receptionist' },
  { value: 'other', label: 'Other practice staff' },
];
const USER_ROLES = STAFF_ROLES.filter((r): r is { value: UserRole; label: string } => r.value !== 'other');

/** The CLP, the practice's referrers and who uses this browser. */
export function PeopleSection(p: SectionProps) {
  const people = p.settings.people;
  const common = { errors: p.errors, locked: p.locked };
  const [added, setAdded] = useState(0);
  const setClp = (key: 'name' | 'phone' | 'email', text: string) =>
    p.update((s) => {
      if (key !== 'name' && text.trim() === '') delete s.people.clp[key];
      else s.people.clp[key] = text;
    });
  return (
    <Section id="people" title="People" help="Your Community Links Practitioner (CLP) and the staff who refer to them." onSave={() => void p.save()}>
      <fieldset>
        <legend>Community Links Practitioner</legend>
        <TextField {...common} path="people.clp.name" label="CLP name" value={people.clp.name} onInput={(t) => setClp('name', t)} />
        <TextField {...common} path="people.clp.phone" label="CLP phone" type="tel" value={people.clp.phone ?? ''} onInput={(t) => setClp('phone', t)} />
        <TextField {...common} path="people.clp.email" label="CLP email" type="email" value={people.clp.email ?? ''} onInput={(t) => setClp('email', t)} />
      </fieldset>
      <fieldset>
        <legend>Referrers</legend>
        <p class="hint">Staff whose name appears on referrals.</p>
        {people.referrers.map((r, i) => (
          <div class="row" key={`${i}-${added}`}>
            <TextField
              {...common}
              path={`people.referrers.${i}.name`}
              label={`Referrer ${i + 1} name`}
              value={r.name}
              onInput={(t) => p.update((s) => void (s.people.referrers[i] = { role: r.role, name: t }))}
            />
            <SelectField
              {...common}
              path={`people.referrers.${i}.role`}
              label={`Referrer ${i + 1} role`}
              value={r.role}
              options={STAFF_ROLES}
              onChange={(v) => p.update((s) => void (s.people.referrers[i] = { name: r.name, role: v as StaffRole }))}
            />
            <button type="button" onClick={() => p.update((s) => void s.people.referrers.splice(i, 1))}>
              Remove {r.name || `referrer ${i + 1}`}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => {
            p.update((s) => void s.people.referrers.push({ name: '', role: 'gp' }));
            setAdded((n) => n + 1);
            // Move keyboard users to the box they just added.
            setTimeout(() => document.getElementById(fieldId(`people.referrers.${people.referrers.length}.name`))?.focus(), 0);
          }}
        >
          Add referrer
        </button>
      </fieldset>
      <fieldset>
        <legend>This browser</legend>
        <SelectField
          {...common}
          path="people.currentReferrer"
          label="Who uses this browser"
          hint="Their name goes on referrals made here."
          value={people.currentReferrer ?? ''}
          options={[{ value: '', label: 'Not set' }, ...people.referrers.filter((r) => r.name).map((r) => ({ value: r.name, label: r.name }))]}
          onChange={(v) =>
            p.update((s) => {
              if (v === '') delete s.people.currentReferrer;
              else s.people.currentReferrer = v;
            })
          }
        />
        <SelectField
          {...common}
          path="role"
          label="Role of the person using this browser"
          hint="Prompts are worded for this role."
          value={p.settings.role}
          options={USER_ROLES}
          onChange={(v) => p.update((s) => void (s.role = v as UserRole))}
        />
      </fieldset>
    </Section>
  );
}
