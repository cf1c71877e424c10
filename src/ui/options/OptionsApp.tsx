/**
 * The practice set-up page. Each section edits one working copy of the
 * settings; Save sends the whole object and the background refuses it whole
 * if anything is wrong, so the page shows every problem beside its field.
 */
import { useEffect, useRef } from 'preact/hooks';
import { sharedCss } from '../shared/styles';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import type { SettingsError } from '../../settings/types';
import { fieldId, type SectionProps } from './form';
import { optionsCss } from './styles';
import { useSettingsForm } from './use-settings-form';
import { PracticeSection } from './PracticeSection';
import { PeopleSection } from './PeopleSection';
import { OriginsSection } from './OriginsSection';
import { AdaptersSection } from './AdaptersSection';
import { DirectorySection } from './DirectorySection';
import { ReferralSection } from './ReferralSection';
import type { AuthApi } from './AuthSettings';
import { send } from '../../messaging/client';
import { RulesSection } from './RulesSection';
import { PrivacySection } from './PrivacySection';
import { DataSection } from './DataSection';
import { CurationSection } from './CurationSection';
import { browserPermissions, type PermissionsApi } from './permissions';

/** The background's sign-in messages for the referral destination (issue #15). */
const AUTH_API: AuthApi = {
  status: () => send('referral.authStatus', {}),
  setSecret: (payload) => send('referral.setSecret', payload),
  generateKey: (payload) => send('referral.generateKey', payload),
  test: () => send('referral.testAuth', {}),
};

const NAV = [
  ['practice', 'Practice'],
  ['people', 'People'],
  ['sites', 'Clinical-record sites'],
  ['adapters', 'Site adapters'],
  ['directory', 'Directory sources'],
  ['curation', 'Our directory'],
  ['referral', 'Referral destination'],
  ['rules', 'Prompt rules'],
  ['privacy', 'Privacy'],
  ['data', 'Data'],
] as const;

/** Focuses the field for an error path, or the nearest enclosing one (`adapters.2` -> `adapters`). */
function focusField(path: string): void {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (el) {
      el.focus();
      return;
    }
  }
}

function ErrorSummary(props: { failure: string; errors: SettingsError[]; failures: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [props.failures]);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2>{props.failure}</h2>
      {props.errors.length > 0 && (
        <ul>
          {props.errors.map((e) => (
            <li key={`${e.path}|${e.message}`}>
              <a
                href={`#${fieldId(e.path)}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  focusField(e.path);
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function OptionsApp(props: { permissions?: PermissionsApi } = {}) {
  const form = useSettingsForm();
  const permissions = props.permissions ?? browserPermissions;
  const section: SectionProps = {
    settings: form.working,
    update: form.update,
    errors: form.errors,
    locked: form.locked,
    report: form.report,
    commit: form.commit,
    save: form.save,
  };
  return (
    <>
      <style>{sharedCss + optionsCss}</style>
      <a class="skip-link" href="#main">
        Skip to settings
      </a>
      <header class="opt-header">
        <h1>Links Sidebar: practice set-up</h1>
        <nav aria-label="Settings sections">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
            <li>
              <a href="insights.html">Practice insights</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {form.failure && <ErrorSummary failure={form.failure} errors={form.errors} failures={form.failures} />}
        {form.warnings.map((w) => (
          <p class="warning" key={w}>
            {w}
          </p>
        ))}
        <p role="status" class="status" data-testid="save-status">
          {form.status}
        </p>
        {!form.loaded ? (
          <p>Loading settings…</p>
        ) : (
          <ErrorBoundary where="Options page">
            <div key={form.generation}>
              <PracticeSection {...section} />
              <PeopleSection {...section} />
              <OriginsSection {...section} permissions={permissions} />
              <AdaptersSection {...section} />
              <DirectorySection {...section} permissions={permissions} />
              <CurationSection />
              <ReferralSection {...section} permissions={permissions} authApi={AUTH_API} />
              <RulesSection {...section} />
              <PrivacySection {...section} />
              <DataSection onReplaced={form.applyView} />
            </div>
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
