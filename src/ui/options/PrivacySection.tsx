import { CheckField, NumberField, Section, type SectionProps } from './form';

/** How long anonymous records are kept, and whether postcodes may be looked up online. */
export function PrivacySection(p: SectionProps) {
  const privacy = p.settings.privacy;
  const common = { errors: p.errors, locked: p.locked };
  return (
    <Section
      id="privacy"
      title="Privacy"
      help="Links Sidebar keeps no patient names. Usage counts and referral records are deleted after the retention period."
      onSave={() => void p.save()}
    >
      <NumberField
        {...common}
        path="privacy.retentionDays"
        label="Keep records for (days)"
        hint="A whole number of days between 1 and 365."
        value={privacy.retentionDays}
        onInput={(n) => p.update((s) => void (s.privacy.retentionDays = n))}
      />
      <CheckField
        {...common}
        path="privacy.onlinePostcodeLookup"
        label="Look up unknown postcodes online"
        hint="Off by default. When on, a patient's postcode that is not in the stored postcode list is sent to a third-party postcode service to find its location. Leave it off unless your practice has agreed to share postcodes with that service."
        checked={privacy.onlinePostcodeLookup}
        onChange={(c) => p.update((s) => void (s.privacy.onlinePostcodeLookup = c))}
      />
    </Section>
  );
}
