import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { isLocked } from '../../settings/managed';
import { toOrigin } from '../../settings/fields';
import { Section, errorsAt, fieldId, type SectionProps } from './form';
import type { PermissionsApi } from './permissions';

type Access = 'granted' | 'not granted' | 'unknown';

/** Clinical-record sites the sidebar runs on, each needing the browser's permission. */
export function OriginsSection(p: SectionProps & { permissions: PermissionsApi }) {
  const origins = p.settings.origins;
  const fixed = isLocked(p.locked, 'origins');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [note, setNote] = useState('');
  const [access, setAccess] = useState<Record<string, Access>>({});
  const key = origins.join(' ');

  const refresh = async (list: readonly string[]) => {
    const entries = await Promise.all(
      list.map(async (o): Promise<[string, Access]> => [o, await p.permissions.contains(o).then((g) => (g ? 'granted' : 'not granted'), () => 'unknown')]),
    );
    setAccess(Object.fromEntries(entries));
  };
  useEffect(() => void refresh(origins), [key]);

  const sync = async () => {
    const r = await send('origins.sync', {});
    if (!r.ok) setNote(`Saved, but the sidebar could not be switched on for these sites yet: ${r.error.message}`);
  };

  const ask = async (origin: string): Promise<boolean> => {
    try {
      return await p.permissions.request(origin);
    } catch {
      return false;
    }
  };

  const add = async () => {
    const origin = toOrigin(text);
    if (!origin) {
      setProblem('Enter a site address like https://ehr.example.scot (https only, no page path; http only for localhost).');
      return;
    }
    setProblem('');
    // Asked first, while the click still counts as a user gesture.
    const granted = await ask(origin);
    if (!(await p.commit((s) => void (s.origins = [...new Set([...s.origins, origin])])))) return;
    setText('');
    setNote(granted ? `${origin} added.` : `${origin} added, but the browser did not grant access. Use "Grant access" to ask again.`);
    await sync();
    await refresh([...new Set([...origins, origin])]);
  };

  const remove = async (origin: string) => {
    if (!(await p.commit((s) => void (s.origins = s.origins.filter((o) => o !== origin))))) return;
    setNote(`${origin} removed.`);
    await sync();
  };

  const grant = async (origin: string) => {
    const granted = await ask(origin);
    setNote(granted ? `Access to ${origin} granted.` : `The browser did not grant access to ${origin}.`);
    await sync();
    await refresh(origins);
  };

  const id = fieldId('origins');
  const errors = errorsAt(p.errors, 'origins');
  return (
    <Section
      id="sites"
      title="Clinical-record sites"
      help="The web addresses of your clinical record system. The sidebar only ever runs on these sites, and the browser asks you to allow each one."
    >
      {fixed && <p class="locked-note">Set by your health board</p>}
      <table data-testid="origins-table">
        <caption class="visually-hidden">Clinical-record sites and browser access</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Browser access</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {origins.length === 0 && (
            <tr>
              <td colSpan={3}>No sites yet.</td>
            </tr>
          )}
          {origins.map((o, i) => (
            <tr key={o} data-origin={o}>
              <td>{o}</td>
              <td class={access[o] === 'granted' ? 'ok' : 'failed'}>{access[o] ?? 'checking…'}</td>
              <td>
                {access[o] === 'not granted' && (
                  <button type="button" onClick={() => void grant(o)}>
                    Grant access to {o}
                  </button>
                )}{' '}
                <button type="button" disabled={fixed} onClick={() => void remove(o)}>
                  Remove {o}
                </button>
                {errorsAt(p.errors, `origins.${i}`).map((e) => (
                  <p class="error" key={e.message}>
                    {e.message}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="field">
        <label for={id}>Add a site</label>
        <input
          id={id}
          type="text"
          inputMode="url"
          placeholder="https://ehr.example.scot"
          value={text}
          disabled={fixed}
          aria-invalid={problem || errors.length ? 'true' : undefined}
          aria-describedby={`${id}-hint${problem || errors.length ? ` ${id}-error` : ''}`}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
        />
        <p class="hint" id={`${id}-hint`}>
          Just the site, without a page path. Adding a site saves it straight away.
        </p>
        {(problem || errors.length > 0) && (
          <p class="error" id={`${id}-error`}>
            {problem || errors.map((e) => e.message).join(' ')}
          </p>
        )}
      </div>
      <button type="button" disabled={fixed} onClick={() => void add()}>
        Add site
      </button>
      <p role="status">{note}</p>
    </Section>
  );
}
