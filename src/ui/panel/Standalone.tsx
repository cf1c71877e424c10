import { useEffect, useRef, useState } from 'preact/hooks';
import type { PatientContext } from '../../context/patient-context';
import { checkTypedId } from './typed-id';
import { lazyLoader } from '../shared/use-lazy';
import { GIVEN_NAMES_ATTRIBUTION } from '../../context/given-names-attribution';

// The reader brings the screen detector (about 45 KB): loaded when the form is on screen, not with the panel.
const loadReader = lazyLoader(() => import('./standalone-read'));

const SEX = { female: 'female', male: 'male' } as const;

/**
 * The standalone entry: for a record the sidebar cannot read (a desktop
 * system). Nothing appears until the clinician confirms what was read.
 */
export function StandaloneEntry(props: {
  why: string;
  onConfirm: (patient: PatientContext) => void;
  /**
   * Compiles the practice's prompt rules (its own included) before a paste is read: the notes keep only the words a
   * prompt can read (ADR 0013), and a practice's own phrases are among them once compiled in this page.
   */
  prepare?: () => Promise<unknown>;
}) {
  const [id, setId] = useState('');
  const [postcode, setPostcode] = useState('');
  const [pasted, setPasted] = useState('');
  const [situation, setSituation] = useState('');
  const [read, setRead] = useState<{ patient: PatientContext; lines: string[]; warning?: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const typed = id.trim() ? checkTypedId(id) : null;
  const alive = useRef(true);
  useEffect(() => {
    void loadReader().catch(() => undefined);
    return () => void (alive.current = false);
  }, []);

  const onRead = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    if (!typed?.ok) {
      setProblem(typed ? typed.message : 'Type the CHI or NHS number first.');
      return;
    }
    const input = { id: typed.id, postcode, pasted, situation };
    const [reader] = await Promise.all([loadReader().catch(() => undefined), props.prepare?.().catch(() => undefined)]);
    // A record patient may have come on screen meanwhile: then this form is gone and nothing is shown.
    if (!alive.current) return;
    if (!reader) {
      setProblem('The reader could not be loaded. Close and reopen the sidebar.');
      return;
    }
    const result = reader.readStandalone(input);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setRead(result.warning ? { patient: result.patient, lines: result.read, warning: result.warning } : { patient: result.patient, lines: result.read });
  };

  if (read) {
    return (
      <section class="section standalone" aria-labelledby="ls-confirm-title">
        <h2 id="ls-confirm-title">Check before you go on</h2>
        <p>This is what was read. Confirm it is the person in front of you.</p>
        {/* A warning that the pasted details could not be tied to the number typed, above what was read. */}
        {read.warning && (
          <p class="warning" data-testid="standalone-unchecked">
            {read.warning}
          </p>
        )}
        <ul data-testid="standalone-read">
          <li>
            {read.patient.chi ? 'CHI' : 'NHS number'}: {read.patient.chi ?? read.patient.nhsNumber}
          </li>
          {read.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {/* Other people's names come out of the pasted notes (hazard H23); the list of names that finds them asks for its source to be named. */}
        {read.patient.notes?.includes('[name]') && (
          <p class="hint" data-testid="standalone-names-out">
            Other people&rsquo;s names were taken out of the pasted notes. {GIVEN_NAMES_ATTRIBUTION}
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" onClick={() => props.onConfirm(read.patient)}>
            Yes, this is the patient
          </button>
          <button type="button" onClick={() => setRead(null)}>
            Change
          </button>
        </div>
      </section>
    );
  }

  return (
    <form class="section standalone" onSubmit={(e) => void onRead(e)} aria-labelledby="ls-standalone-title">
      <h2 id="ls-standalone-title">Patient not read from a web record</h2>
      <p class="muted">{props.why}</p>
      <label for="ls-id">CHI or NHS number</label>
      <input
        id="ls-id"
        inputMode="numeric"
        autoComplete="off"
        value={id}
        aria-describedby="ls-id-check"
        aria-invalid={typed && !typed.ok && id.replace(/\D/g, '').length >= 10 ? 'true' : undefined}
        onInput={(e) => setId(e.currentTarget.value)}
      />
      <p id="ls-id-check" class={typed?.ok ? 'ok' : 'muted'} aria-live="polite" data-testid="id-check">
        {!typed
          ? 'Checked as you type.'
          : typed.ok
            ? typed.id.kind === 'chi'
              ? `Valid CHI: born ${typed.birthDate ?? 'date not known'}, ${typed.sex ? SEX[typed.sex] : ''}. Check this matches the record.`
              : 'Valid NHS number.'
            : typed.message}
      </p>
      <label for="ls-postcode">Postcode (optional)</label>
      <input id="ls-postcode" autoComplete="off" value={postcode} onInput={(e) => setPostcode(e.currentTarget.value)} />
      <label for="ls-situation">In a few words, what is going on? (optional)</label>
      <input id="ls-situation" autoComplete="off" placeholder="lost job, rent arrears, can't heat the flat" value={situation} onInput={(e) => setSituation(e.currentTarget.value)} />
      <label for="ls-pasted">Paste from the record (optional)</label>
      <textarea id="ls-pasted" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} placeholder="Banner or consultation text copied from the desktop record" />
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          Read
        </button>
      </div>
    </form>
  );
}
