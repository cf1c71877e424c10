import type { PatientContext } from '../../context/patient-context';
import { patientKey } from '../../context/patient-context';
import type { SessionConfig } from '../../messaging/protocol';
import type { Rule } from '../../prompts/schema';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { PatientBanner, type MatchState } from './PatientBanner';
import { PatientSidebar } from './Sidebar';

export interface ShellProps {
  patient: PatientContext | null;
  state: MatchState;
  notice: string | null;
  collapsed: boolean;
  config: SessionConfig;
  rules: Rule[];
  onCollapse: () => void;
  onExpand: () => void;
  onDismissNotice: () => void;
  onFormOpenChange: (open: boolean) => void;
}

/** The sidebar frame: banner, patient-change notice, and the per-patient body keyed by identifier. */
export function Shell(props: ShellProps) {
  if (props.collapsed) {
    return (
      <div class="collapsed">
        <button type="button" class="tab primary" onClick={props.onExpand} aria-label="Show the Links sidebar (Alt+Shift+L)">
          Links
        </button>
      </div>
    );
  }
  const key = props.patient ? patientKey(props.patient) : undefined;
  return (
    <aside class="panel" aria-label="Links sidebar: social needs and local support">
      <PatientBanner patient={props.patient} state={props.state} onCollapse={props.onCollapse} />
      {props.notice && (
        <div class="notice" role="alert">
          <p>{props.notice}</p>
          <button type="button" onClick={props.onDismissNotice}>
            OK
          </button>
        </div>
      )}
      {props.patient && key ? (
        <ErrorBoundary where="patient sidebar" key={key}>
          <PatientSidebar
            key={key}
            patient={props.patient}
            config={props.config}
            rules={props.rules}
            onFormOpenChange={props.onFormOpenChange}
          />
        </ErrorBoundary>
      ) : (
        <p class="section muted">
          No patient on screen. Prompts, services and referrals appear when one patient's consultation is open.
        </p>
      )}
    </aside>
  );
}
