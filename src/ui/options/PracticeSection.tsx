import { NumberField, Section, TextField, type SectionProps } from './form';

/** Practice name and contact (sent with referrals, issue #15), postcode and search radius. */
export function PracticeSection(p: SectionProps) {
  const practice = p.settings.practice;
  const common = { errors: p.errors, locked: p.locked };
  return (
    <Section id="practice" title="Practice" help="Who you are and where community resources are searched from." onSave={() => void p.save()}>
      <TextField
        {...common}
        path="practice.name"
        label="Practice name"
        hint="Shown on referrals and printed slips."
        value={practice.name}
        onInput={(t) => p.update((s) => void (s.practice.name = t))}
      />
      <TextField
        {...common}
        path="practice.phone"
        label="Practice phone"
        hint="Sent with referrals so the Community Links Practitioner can reach the practice."
        type="tel"
        value={practice.phone ?? ''}
        onInput={(t) =>
          p.update((s) => {
            if (t.trim() === '') delete s.practice.phone;
            else s.practice.phone = t;
          })
        }
      />
      <TextField
        {...common}
        path="practice.email"
        label="Practice secure email"
        hint="Where the Community Links Practitioner sends replies (an nhs.scot mailbox)."
        type="email"
        value={practice.email ?? ''}
        onInput={(t) =>
          p.update((s) => {
            if (t.trim() === '') delete s.practice.email;
            else s.practice.email = t;
          })
        }
      />
      <TextField
        {...common}
        path="practice.postcode"
        label="Practice postcode"
        hint="Used to measure distances when the patient's own postcode is not known."
        value={practice.postcode ?? ''}
        onInput={(t) =>
          p.update((s) => {
            if (t.trim() === '') delete s.practice.postcode;
            else s.practice.postcode = t;
          })
        }
      />
      <NumberField
        {...common}
        path="practice.radiusKm"
        label="Search radius (km)"
        hint="How far away a community resource may be and still be suggested (0.5 to 100)."
        value={practice.radiusKm}
        onInput={(n) => p.update((s) => void (s.practice.radiusKm = n))}
      />
    </Section>
  );
}
