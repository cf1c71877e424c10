/**
 * How the sidebar signs in to the referral destination (issue #15). The
 * kind, token endpoint, client id, scope and algorithm are settings, saved
 * with the section. Secrets never are: the token or client secret is typed
 * into a masked box and handed to the background, which keeps it in the
 * extension's local storage; the page only ever hears "saved" or "set by your
 * health board". For SMART Backend Services the background makes the key and
 * the page shows its public half to register.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../../lib/result';
import type { AuthStatusView } from '../../referral/auth/handlers';
import type { DestinationAuth, SigningAlg } from '../../referral/auth/schema';
import { isLocked } from '../../settings/managed';
import { SelectField, TextField, type SectionProps } from './form';

/** The background's auth messages (referral.authStatus, referral.setSecret, referral.generateKey, referral.testAuth). */
export interface AuthApi {
  status(): Promise<Result<AuthStatusView>>;
  setSecret(payload: { bearerToken?: string | null; clientSecret?: string | null }): Promise<Result<AuthStatusView>>;
  generateKey(payload: { alg: SigningAlg }): Promise<Result<AuthStatusView>>;
  test(): Promise<Result<{ ok: boolean; message: string }>>;
}

const KINDS: { kind: DestinationAuth['kind']; label: string }[] = [
  { kind: 'none', label: 'No sign-in' },
  { kind: 'bearer', label: 'Bearer token (given by the CLP service)' },
  { kind: 'client-credentials', label: 'OAuth 2.0 client credentials (client id and secret)' },
  { kind: 'smart-backend', label: 'SMART Backend Services (a key made here, registered with your health board)' },
];

function blankAuth(kind: DestinationAuth['kind'], previous: DestinationAuth | undefined): DestinationAuth {
  const carried = previous && 'tokenUrl' in previous ? { tokenUrl: previous.tokenUrl, clientId: previous.clientId, ...(previous.scope ? { scope: previous.scope } : {}) } : { tokenUrl: '', clientId: '' };
  if (kind === 'client-credentials') return { kind, ...carried };
  if (kind === 'smart-backend') return { kind, ...carried, alg: 'ES384' };
  return { kind };
}

const STATE_WORDS = { missing: 'Not saved yet', saved: 'Saved (hidden)', policy: 'Set by your health board' } as const;

/** The masked box for a bearer token or client secret. */
function SecretBox(props: { name: 'bearerToken' | 'clientSecret'; label: string; view: AuthStatusView; api: AuthApi; onView: (v: AuthStatusView) => void; onNote: (t: string) => void }) {
  const [text, setText] = useState('');
  const state = props.view.secrets[props.name];
  const id = `auth-${props.name}`;
  const save = async (value: string | null) => {
    const r = await props.api.setSecret({ [props.name]: value });
    if (r.ok) {
      props.onView(r.value);
      setText('');
    }
    props.onNote(r.ok ? (value === null ? 'Removed.' : 'Saved in this browser only; it is not in the settings or a settings file.') : r.error.message);
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} type="password" autoComplete="off" spellcheck={false} value={text} disabled={state === 'policy'}
        aria-describedby={`${id}-state`} onInput={(e) => setText(e.currentTarget.value)} />
      <p class="hint" id={`${id}-state`} data-testid={`${id}-state`}>{STATE_WORDS[state]}</p>
      {state !== 'policy' && (
        <p class="actions">
          <button type="button" disabled={!text.trim()} onClick={() => void save(text)}>Save secret</button>
          {state === 'saved' && <button type="button" onClick={() => void save(null)}>Remove</button>}
        </p>
      )}
    </div>
  );
}

function KeyPanel(props: { alg: SigningAlg; view: AuthStatusView; api: AuthApi; onView: (v: AuthStatusView) => void; onNote: (t: string) => void }) {
  const { key } = props.view;
  const jwks = key ? JSON.stringify(key.publicJwks, null, 2) : '';
  const make = async () => {
    if (key && !globalThis.confirm?.('Make a new key? The old one stops working: register the new public key with your health board.')) return;
    const r = await props.api.generateKey({ alg: props.alg });
    if (r.ok) props.onView(r.value);
    props.onNote(r.ok ? 'New key made. Give the public key below to your health board to register.' : r.error.message);
  };
  return (
    <div class="field">
      <p class="hint" data-testid="auth-key-state">
        {props.view.secrets.privateKey === 'policy' ? STATE_WORDS.policy : key ? `Key ${key.alg}, made ${key.createdAt.slice(0, 10)} (id ${key.kid.slice(0, 8)}…)` : 'No key yet.'}
      </p>
      {props.view.secrets.privateKey !== 'policy' && (
        <p class="actions">
          <button type="button" onClick={() => void make()}>{key ? 'Make a new key' : 'Make a key'}</button>
        </p>
      )}
      {key && (
        <>
          <label for="auth-public-jwks">Public key to register (JWK Set; it holds nothing secret)</label>
          <textarea id="auth-public-jwks" rows={6} readOnly value={jwks} />
          <p class="actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(jwks).then(() => props.onNote('Public key copied.'))}>Copy public key</button>
          </p>
        </>
      )}
    </div>
  );
}

/** Sign-in settings for an HTTP destination; `api` is absent until the background answers the auth messages. */
export function AuthSettings(props: Pick<SectionProps, 'errors' | 'locked'> & { auth: DestinationAuth | undefined; onChange: (auth: DestinationAuth) => void; api?: AuthApi }) {
  const auth = props.auth ?? { kind: 'none' as const };
  const fixed = isLocked(props.locked, 'destination');
  const common = { errors: props.errors, locked: props.locked };
  const [view, setView] = useState<AuthStatusView | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    void props.api?.status().then((r) => (r.ok ? setView(r.value) : setNote(r.error.message)));
  }, [props.api]);
  const runTest = async () => {
    const r = await props.api?.test();
    if (r) setNote(r.ok ? `${r.value.ok ? 'Sign-in worked' : 'Sign-in failed'}: ${r.value.message}` : r.error.message);
  };

  return (
    <fieldset class="auth-settings">
      <legend>Sign-in to the destination</legend>
      {KINDS.map((k) => (
        <label class="check" key={k.kind}>
          <input type="radio" name="auth-kind" value={k.kind} checked={auth.kind === k.kind} disabled={fixed} onChange={() => props.onChange(blankAuth(k.kind, auth))} />
          {k.label}
        </label>
      ))}
      {'tokenUrl' in auth && (
        <>
          <TextField {...common} path="destination.auth.tokenUrl" label="Token endpoint" hint="From your health board; starts with https://. The sidebar asks only this address for tokens." value={auth.tokenUrl} onInput={(t) => props.onChange({ ...auth, tokenUrl: t })} />
          <TextField {...common} path="destination.auth.clientId" label="Client id" value={auth.clientId} onInput={(t) => props.onChange({ ...auth, clientId: t })} />
          <TextField {...common} path="destination.auth.scope" label="Scope (optional)" hint="For example system/ServiceRequest.c system/Task.cru" value={auth.scope ?? ''}
            onInput={(t) => props.onChange({ ...auth, scope: t || undefined })} />
        </>
      )}
      {auth.kind === 'client-credentials' && (
        <SelectField {...common} path="destination.auth.clientAuth" label="Send the client secret" value={auth.clientAuth ?? 'basic'}
          options={[{ value: 'basic', label: 'In the Authorization header (client_secret_basic)' }, { value: 'post', label: 'In the form (client_secret_post)' }]}
          onChange={(value) => props.onChange({ ...auth, clientAuth: value === 'post' ? 'post' : 'basic' })} />
      )}
      {auth.kind === 'smart-backend' && (
        <SelectField {...common} path="destination.auth.alg" label="Key type" value={auth.alg ?? 'ES384'}
          options={[{ value: 'ES384', label: 'ES384 (elliptic curve P-384)' }, { value: 'RS384', label: 'RS384 (RSA 2048)' }]}
          onChange={(value) => props.onChange({ ...auth, alg: value === 'RS384' ? 'RS384' : 'ES384' })} />
      )}
      {auth.kind !== 'none' && !props.api && <p class="hint">Secrets and keys are managed here once this version of the extension's background is running.</p>}
      {auth.kind !== 'none' && props.api && view && (
        <>
          {auth.kind === 'bearer' && <SecretBox name="bearerToken" label="Bearer token" view={view} api={props.api} onView={setView} onNote={setNote} />}
          {auth.kind === 'client-credentials' && <SecretBox name="clientSecret" label="Client secret" view={view} api={props.api} onView={setView} onNote={setNote} />}
          {auth.kind === 'smart-backend' && <KeyPanel alg={auth.alg ?? 'ES384'} view={view} api={props.api} onView={setView} onNote={setNote} />}
          <p class="actions">
            <button type="button" onClick={() => void runTest()}>Test sign-in</button>
            <span class="hint">Uses the saved settings; save first if you changed them.</span>
          </p>
          {view.warnings.map((w) => <p class="error" key={w}>{w}</p>)}
        </>
      )}
      <p role="status" data-testid="auth-note">{note}</p>
    </fieldset>
  );
}
