import type { ExplainRow } from '../../adapters/extract';
import type { PickerState } from './picker-state';
import { PICK_STEPS } from './steps';

export interface PickerPanelProps {
  state: PickerState;
  /** The built adapter's field-by-field reading of this page (review only). */
  rows: ExplainRow[];
  /** Why no adapter could be built from the picks (review only). */
  buildErrors: string[];
  /** The panel sits at the top of the window instead of the bottom. */
  top: boolean;
  onSkip: () => void;
  onBack: () => void;
  onSave: () => void;
  onClose: () => void;
  onMove: () => void;
}

function PickedList(props: { state: PickerState }) {
  const done = PICK_STEPS.filter((s) => props.state.picks[s.key]);
  if (done.length === 0) return null;
  return (
    <ul class="picked" aria-label="Picked so far">
      {done.map((s) => (
        <li key={s.key}>
          <span class="good">✓</span> {s.label}: {props.state.picks[s.key]?.preview}
        </li>
      ))}
    </ul>
  );
}

function Review(props: PickerPanelProps) {
  if (props.buildErrors.length > 0) {
    return (
      <ul class="error">
        {props.buildErrors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    );
  }
  return (
    <table class="rows">
      <caption class="hint">What the new adapter reads on this page</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Read</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.field}>
            <th scope="row">{r.field}</th>
            <td class={r.ok ? 'good' : 'bad'}>
              {r.ok ? `✓ ${r.value ?? 'found'}` : `✗ ${r.problem ?? 'not read'}`}
              {r.selector && (
                <>
                  <br />
                  <code>{r.selector}</code>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The floating panel: one question per step, then the reading and Save. */
export function PickerPanel(props: PickerPanelProps) {
  const { state } = props;
  const step = state.phase === 'picking' ? PICK_STEPS[state.step] : undefined;
  return (
    <div class={props.top ? 'panel top' : 'panel'} role="dialog" aria-label="Build a site adapter" data-testid="picker-panel">
      <h2>Build a site adapter</h2>
      <div aria-live="polite">
        {step && (
          <>
            <p class="progress">
              Step {state.step + 1} of {PICK_STEPS.length}: {step.label}
              {'required' in step && step.required ? ' (needed)' : ''}
            </p>
            <p class="ask">{step.ask}</p>
            <p class="hint">Point at it (it is outlined), then click. Press Escape to stop.</p>
          </>
        )}
        {state.phase === 'saved' && (
          <p class="good">
            Saved as “{state.savedId}”. Reload this page to see the sidebar use it; the options page lists it too.
          </p>
        )}
        {state.message && <p class="error">{state.message}</p>}
      </div>
      <PickedList state={state} />
      {(state.phase === 'review' || state.phase === 'saving') && <Review {...props} />}
      <p class="actions">
        {step && (
          <button type="button" onClick={props.onSkip}>
            Skip
          </button>
        )}
        {(state.step > 0 || state.phase === 'review') && state.phase !== 'saving' && state.phase !== 'saved' && (
          <button type="button" onClick={props.onBack}>
            Back
          </button>
        )}
        {(state.phase === 'review' || state.phase === 'saving') && (
          <button type="button" class="primary" disabled={state.phase === 'saving' || props.buildErrors.length > 0} onClick={props.onSave}>
            {state.phase === 'saving' ? 'Saving…' : 'Save adapter'}
          </button>
        )}
        <button type="button" onClick={props.onClose}>
          {state.phase === 'saved' ? 'Close' : 'Cancel'}
        </button>
        <button type="button" onClick={props.onMove} aria-label={props.top ? 'Move this panel to the bottom' : 'Move this panel to the top'}>
          {props.top ? '↓' : '↑'}
        </button>
      </p>
    </div>
  );
}
