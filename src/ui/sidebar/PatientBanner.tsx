import type { PatientContext } from '../../context/patient-context';
import { identifierTail } from '../../context/patient-context';

/**
 * matched: read from the record on screen, every check passed. typed: typed in
 * by the clinician (standalone). changed: the record's patient just changed.
 * check: the record shows a patient the sidebar will not vouch for. none: nobody.
 */
export type MatchState = 'matched' | 'typed' | 'none' | 'changed' | 'check';

const STATE_TEXT: Record<MatchState, string> = {
  matched: 'Matched to the record on screen',
  typed: 'Typed in (not read from a record)',
  none: 'No patient',
  changed: 'Patient changed — updating',
  check: 'Check the record',
};

const SEX_TEXT = { female: 'Female', male: 'Male', unknown: 'Sex not recorded' } as const;

/**
 * Says whose context the sidebar shows: name and the last four digits of the
 * identifier, always at the top, beside a clear state. This is the
 * clinician's check against the record's own banner.
 */
export function PatientBanner(props: { patient: PatientContext | null; state: MatchState; onCollapse?: () => void; onNewPatient?: () => void }) {
  const { patient, state } = props;
  const idLabel = patient?.chi ? 'CHI' : 'NHS';
  return (
    <header class="banner">
      <div class="banner-row">
        <div>
          {patient ? (
            <>
              <div class="who" data-testid="patient-name">
                {patient.name ?? 'Name not shown'}{' '}
                <span data-testid="patient-tail" aria-label={`${idLabel} ending ${identifierTail(patient).split('').join(' ')}`}>
                  ({idLabel} …{identifierTail(patient)})
                </span>
              </div>
              <div class="facts">
                <span data-testid="patient-age">{patient.age !== undefined ? `${patient.age} years` : 'Age not shown'}</span>
                <span>{SEX_TEXT[patient.sex]}</span>
                <span data-testid="patient-postcode">{patient.postcode ?? 'No postcode'}</span>
              </div>
            </>
          ) : (
            <div class="who">Links sidebar</div>
          )}
          <span class={`state ${state}`} role="status" data-testid="match-state">
            {STATE_TEXT[state]}
          </span>
        </div>
        <div class="banner-actions">
          {props.onNewPatient && (
            <button type="button" onClick={props.onNewPatient} data-testid="new-patient">
              New patient
            </button>
          )}
          {props.onCollapse && (
            <button type="button" onClick={props.onCollapse} aria-label="Hide the Links sidebar" title="Hide (Alt+Shift+L)">
              ×
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
