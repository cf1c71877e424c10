import { useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { SettingsView } from '../../messaging/protocol';
import { downloadText } from './download';
import { Section } from './form';

type Change = { path: string; from: unknown; to: unknown };

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  return JSON.stringify(value);
}

/** Export, import (with a preview of changes) and reset of the settings. */
export function DataSection(props: { onReplaced: (view: SettingsView, status: string) => void }) {
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [pending, setPending] = useState<{ text: string; changes: Change[] } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const exportFile = async () => {
    const r = await send('settings.export', {});
    if (!r.ok) return setProblem(`The settings could not be exported: ${r.error.message}`);
    downloadText(document, r.value.fileName, r.value.text, 'application/json');
    setMessage(`Settings saved to ${r.value.fileName}.`);
  };

  const preview = async (input: HTMLInputElement) => {
    setProblem('');
    setPending(null);
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    const r = await send('settings.importPreview', { text });
    if (!r.ok) return setProblem(r.error.message);
    setPending({ text, changes: r.value.changes });
  };

  const apply = async () => {
    if (!pending) return;
    const r = await send('settings.import', { text: pending.text });
    setPending(null);
    if (!r.ok) return setProblem(r.error.message);
    props.onReplaced(r.value, 'Imported settings applied.');
  };

  const reset = async () => {
    setConfirming(false);
    const r = await send('settings.reset', {});
    if (!r.ok) return setProblem(`The settings could not be reset: ${r.error.message}`);
    props.onReplaced(r.value, 'Settings reset to the defaults.');
  };

  return (
    <Section id="data" title="Data" help="Copy this practice's set-up to another browser or practice, or start again.">
      <p class="actions">
        <button type="button" onClick={() => void exportFile()}>
          Export settings
        </button>
      </p>
      <label for="settings-file">Import settings from a file</label>
      <p class="hint" id="settings-file-hint">
        You will see what would change before anything is applied. Patient data is never in these files.
      </p>
      <input id="settings-file" type="file" accept=".json,application/json" aria-describedby="settings-file-hint" onChange={(e) => void preview(e.currentTarget as HTMLInputElement)} />
      {problem && (
        <p class="error" role="alert" data-testid="data-problem">
          {problem}
        </p>
      )}
      {pending && (
        <div data-testid="import-preview">
          {pending.changes.length === 0 ? (
            <p>This file holds the same settings you have now.</p>
          ) : (
            <table>
              <caption>What importing this file would change</caption>
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Now</th>
                  <th scope="col">After import</th>
                </tr>
              </thead>
              <tbody>
                {pending.changes.map((c) => (
                  <tr key={c.path} data-path={c.path}>
                    <th scope="row">
                      <code>{c.path || '(all settings)'}</code>
                    </th>
                    <td>{show(c.from)}</td>
                    <td>{show(c.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="actions">
            <button type="button" class="primary" onClick={() => void apply()}>
              Apply imported settings
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel import
            </button>
          </p>
        </div>
      )}
      <h3>Reset</h3>
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Reset to defaults…
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="reset-q" class="warning">
          <p id="reset-q">Reset every setting to the default? Settings set by your health board stay as they are. This cannot be undone.</p>
          <button type="button" class="primary" ref={(el) => el?.focus()} onClick={() => void reset()}>
            Yes, reset everything
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p role="status">{message}</p>
    </Section>
  );
}
