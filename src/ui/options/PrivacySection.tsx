import { NumberField, Section, SelectField, type SectionProps } from './form';

const MODES = [
  { value: 'panel', label: "The browser's side panel (the record moves over, nothing is covered)" },
  { value: 'inpage', label: 'Inside the clinical-record page' },
] as const;

/** How long personal working data is kept, where the sidebar shows, and when a typed-in patient is cleared. */
export function PrivacySection(p: SectionProps) {
  const { privacy, sidebar } = p.settings;
  const common = { errors: p.errors, locked: p.locked };
  return (
    <Section
      id="privacy"
      title="Privacy and the sidebar"
      help="Links Sidebar keeps no patient names beyond a referral you send. Drafts, dismissed prompts and sent referrals' details are deleted after the retention period (docs/privacy.md lists everything kept)."
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
      <SelectField
        {...common}
        path="sidebar.mode"
        label="Show the sidebar in"
        hint="Alt+Shift+L opens it. Browsers without a side panel use the in-page panel."
        value={sidebar.mode}
        options={MODES}
        onChange={(value) => p.update((s) => void (s.sidebar.mode = value === 'inpage' ? 'inpage' : 'panel'))}
      />
      <NumberField
        {...common}
        path="sidebar.idleMinutes"
        label="Clear a typed-in patient after (minutes unused)"
        hint="For the standalone sidebar beside a desktop record: a whole number between 1 and 60."
        value={sidebar.idleMinutes}
        onInput={(n) => p.update((s) => void (s.sidebar.idleMinutes = n))}
      />
    </Section>
  );
}
