import type { ConfirmableField, PatientContext } from '../../context/patient-context';
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

const FIELD_TEXT: Record<ConfirmableField, string> = {
  name: 'name',
  birthDate: 'date of birth',
  age: 'age',
  sex: 'sex',
  postcode: 'postcode',
  address: 'address',
  phone: 'phone',
};

/**
 * The badge tells the truth (issue #13): "matched" only when every detail shown
 * came from the record's banner and agreed with the identifier.
 */
function matchText(patient: PatientContext | null, state: MatchState): string {
  if (state !== 'matched' || !patient || patient.source.confirmed !== false) return STATE_TEXT[state];
  const fields = (patient.source.unconfirmed ?? []).map((f) => FIELD_TEXT[f]);
  return fields.length > 0 ? `Read from the record; not confirmed: ${fields.join(', ')}` : 'Read from the record; not every detail confirmed';
}

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
          <span class={`state ${state}${state === 'matched' && patient?.source.confirmed === false ? ' unconfirmed' : ''}`} role="status" data-testid="match-state">
            {matchText(patient, state)}
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
