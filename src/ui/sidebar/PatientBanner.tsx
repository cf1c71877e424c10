import type { PatientContext } from '../../context/patient-context';
import { identifierTail } from '../../context/patient-context';

export type MatchState = 'matched' | 'none' | 'changed';

const STATE_TEXT: Record<MatchState, string> = {
  matched: 'Matched to the record on screen',
  none: 'No patient on screen',
  changed: 'Patient changed — updating',
};

const SEX_TEXT = { female: 'Female', male: 'Male', unknown: 'Sex not recorded' } as const;

/**
 * Says whose context the sidebar shows: name and the last four digits of the
 * identifier, beside a clear matched / no patient / changed state. This is the
 * clinician's check against the record's own banner.
 */
export function PatientBanner(props: { patient: PatientContext | null; state: MatchState; onCollapse: () => void }) {
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
                <span aria-label={`${idLabel} ending ${identifierTail(patient).split('').join(' ')}`}>
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
        <button type="button" onClick={props.onCollapse} aria-label="Hide the Links sidebar" title="Hide (Alt+Shift+L)">
          ×
        </button>
      </div>
    </header>
  );
}
