/**
 * Labelled inputs for the options page. Every input has a <label>, its hint
 * and error are linked with aria-describedby, and a value fixed by central
 * policy renders disabled with a note, so sections only say what they edit.
 */
import type { ComponentChildren } from 'preact';
import { isLocked } from '../../settings/managed';
import type { Settings, SettingsError } from '../../settings/types';

/** What every section receives from the options page. */
export interface SectionProps {
  settings: Settings;
  /** Edits the working copy; nothing is stored until Save. */
  update: (change: (draft: Settings) => void) => void;
  errors: readonly SettingsError[];
  locked: readonly string[];
  /** Problems in text a section has not turned into settings yet (e.g. bad JSON); [] clears them. */
  report: (key: string, problems: SettingsError[]) => void;
  /** Applies a change to the stored settings at once (used where the browser must also be told). */
  commit: (change: (draft: Settings) => void) => Promise<boolean>;
  /** Saves the whole working copy. */
  save: () => Promise<void>;
}

/** A stable element id for a settings path, e.g. `f-people-clp-name`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

export function errorsAt(errors: readonly SettingsError[], path: string): SettingsError[] {
  return errors.filter((e) => e.path === path);
}

interface BaseProps {
  path: string;
  label: string;
  hint?: ComponentChildren;
  errors: readonly SettingsError[];
  locked: readonly string[];
}

function describe(id: string, hasHint: boolean, hasError: boolean, isFixed: boolean): string | undefined {
  const ids = [hasHint && `${id}-hint`, hasError && `${id}-error`, isFixed && `${id}-locked`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The hint, error and locked note under an input. */
function Notes(props: { id: string; hint?: ComponentChildren; problems: SettingsError[]; fixed: boolean }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.fixed && (
        <p class="locked-note" id={`${props.id}-locked`}>
          Set by your health board
        </p>
      )}
      {props.problems.length > 0 && (
        <p class="error" id={`${props.id}-error`}>
          {props.problems.map((p) => p.message).join(' ')}
        </p>
      )}
    </>
  );
}

/** A text-like input (text, email, tel, url, number, date). */
export function TextField(
  props: BaseProps & { value: string; onInput: (text: string) => void; type?: string; inputMode?: 'numeric' | 'decimal' },
) {
  const id = fieldId(props.path);
  const problems = errorsAt(props.errors, props.path);
  const fixed = isLocked(props.locked, props.path);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        value={props.value}
        disabled={fixed}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={describe(id, Boolean(props.hint), problems.length > 0, fixed)}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <Notes id={id} hint={props.hint} problems={problems} fixed={fixed} />
    </div>
  );
}

/** Number input; an empty or non-numeric box becomes NaN so the schema names the problem. */
export function NumberField(props: BaseProps & { value: number; onInput: (n: number) => void; step?: string }) {
  const text = Number.isFinite(props.value) ? String(props.value) : '';
  return (
    <TextField
      {...props}
      type="text"
      inputMode="decimal"
      value={text}
      onInput={(t) => props.onInput(t.trim() === '' ? Number.NaN : Number(t))}
    />
  );
}

export function SelectField(
  props: BaseProps & { value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void },
) {
  const id = fieldId(props.path);
  const problems = errorsAt(props.errors, props.path);
  const fixed = isLocked(props.locked, props.path);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={fixed}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        aria-describedby={describe(id, Boolean(props.hint), problems.length > 0, fixed)}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Notes id={id} hint={props.hint} problems={problems} fixed={fixed} />
    </div>
  );
}

export function CheckField(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(props.path);
  const problems = errorsAt(props.errors, props.path);
  const fixed = isLocked(props.locked, props.path);
  return (
    <div class="field">
      <label class="check" for={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={fixed}
          aria-describedby={describe(id, Boolean(props.hint), problems.length > 0, fixed)}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {props.label}
      </label>
      <Notes id={id} hint={props.hint} problems={problems} fixed={fixed} />
    </div>
  );
}

/** A section of the page: heading, help text, content and its own Save button. */
export function Section(props: { id: string; title: string; help: ComponentChildren; children: ComponentChildren; onSave?: () => void }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-h`} class="opt-section">
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <p class="hint">{props.help}</p>
      {props.children}
      {props.onSave && (
        <p class="actions">
          <button type="button" class="primary" onClick={props.onSave}>
            Save
          </button>
        </p>
      )}
    </section>
  );
}
