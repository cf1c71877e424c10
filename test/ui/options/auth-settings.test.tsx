import { describe, expect, test, vi } from 'vitest';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { AuthStatusView } from '../../../src/referral/auth/handlers';
import type { DestinationAuth } from '../../../src/referral/auth/schema';
import { AuthSettings, type AuthApi } from '../../../src/ui/options/AuthSettings';
import { useHost } from '../host';

let host: HTMLElement;
let latest: DestinationAuth | undefined;

function Harness(props: { initial?: DestinationAuth; api?: AuthApi; locked?: string[] }) {
  const [auth, setAuth] = useState(props.initial);
  latest = auth;
  return <AuthSettings auth={auth} onChange={setAuth} api={props.api} errors={[]} locked={props.locked ?? []} />;
}

const view = (patch: Partial<AuthStatusView> = {}): AuthStatusView => ({
  authKind: 'none',
  secrets: { bearerToken: 'missing', clientSecret: 'missing', privateKey: 'missing' },
  warnings: [],
  ...patch,
});

function fakeApi(initial: AuthStatusView) {
  let current = initial;
  const api: AuthApi = {
    status: vi.fn(async () => ({ ok: true as const, value: current })),
    setSecret: vi.fn(async (p) => {
      current = { ...current, secrets: { ...current.secrets, ...Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v === null ? 'missing' : 'saved'])) } };
      return { ok: true as const, value: current };
    }),
    generateKey: vi.fn(async ({ alg }) => {
      current = {
        ...current,
        secrets: { ...current.secrets, privateKey: 'saved' },
        key: { alg, kid: 'abcdefghij', createdAt: '2026-11-20T10:00:00.000Z', publicJwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'X', y: 'Y', kid: 'abcdefghij', alg, use: 'sig' }] } },
      };
      return { ok: true as const, value: current };
    }),
    test: vi.fn(async () => ({ ok: true as const, value: { ok: true, message: 'Signed in.' } })),
  };
  return api;
}

const $ = <T extends Element = HTMLInputElement>(sel: string) => host.querySelector(sel) as T;
const settle = () => vi.waitFor(() => undefined);

useHost((el) => (host = el));

describe('AuthSettings (issue #15)', () => {
  test('choosing OAuth client credentials asks for token endpoint, client id and scope', async () => {
    render(<Harness />, host);
    $('input[name="auth-kind"][value="client-credentials"]').click();
    await settle();
    expect(latest).toEqual({ kind: 'client-credentials', tokenUrl: '', clientId: '' });
    expect($('#f-destination-auth-tokenUrl')).not.toBeNull();
    expect($('#f-destination-auth-clientId')).not.toBeNull();
  });

  test('a client secret is typed into a masked box, handed over, and never shown back', async () => {
    const api = fakeApi(view({ authKind: 'client-credentials', needs: 'clientSecret' }));
    render(<Harness initial={{ kind: 'client-credentials', tokenUrl: 'https://l.scot/t', clientId: 'p' }} api={api} />, host);
    await vi.waitFor(() => expect($('#auth-clientSecret')).not.toBeNull());
    const box = $('#auth-clientSecret');
    expect(box.type).toBe('password');
    box.value = 's3cret';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    [...host.querySelectorAll('button')].find((b) => b.textContent === 'Save secret')?.click();
    await vi.waitFor(() => expect($('[data-testid="auth-clientSecret-state"]').textContent).toBe('Saved (hidden)'));
    expect(api.setSecret).toHaveBeenCalledWith({ clientSecret: 's3cret' });
    expect($<HTMLInputElement>('#auth-clientSecret').value).toBe('');
    expect(host.textContent).not.toContain('s3cret');
  });

  test('a secret set by the health board cannot be edited', async () => {
    const api = fakeApi(view({ authKind: 'bearer', secrets: { bearerToken: 'policy', clientSecret: 'missing', privateKey: 'missing' } }));
    render(<Harness initial={{ kind: 'bearer' }} api={api} />, host);
    await vi.waitFor(() => expect($('[data-testid="auth-bearerToken-state"]').textContent).toBe('Set by your health board'));
    expect($('#auth-bearerToken').disabled).toBe(true);
  });

  test('SMART Backend Services: make a key, see the public JWK Set to register', async () => {
    const api = fakeApi(view({ authKind: 'smart-backend', needs: 'privateKey' }));
    render(<Harness initial={{ kind: 'smart-backend', tokenUrl: 'https://l.scot/t', clientId: 'p', alg: 'RS384' }} api={api} />, host);
    await vi.waitFor(() => expect($('[data-testid="auth-key-state"]').textContent).toBe('No key yet.'));
    [...host.querySelectorAll('button')].find((b) => b.textContent === 'Make a key')?.click();
    await vi.waitFor(() => expect($<HTMLTextAreaElement>('#auth-public-jwks').value).toContain('"kty": "EC"'));
    expect(api.generateKey).toHaveBeenCalledWith({ alg: 'RS384' });
    expect($<HTMLTextAreaElement>('#auth-public-jwks').value).not.toContain('"d"');
  });

  test('Test sign-in shows the answer', async () => {
    const api = fakeApi(view({ authKind: 'bearer' }));
    render(<Harness initial={{ kind: 'bearer' }} api={api} />, host);
    await vi.waitFor(() => expect([...host.querySelectorAll('button')].some((b) => b.textContent === 'Test sign-in')).toBe(true));
    [...host.querySelectorAll('button')].find((b) => b.textContent === 'Test sign-in')?.click();
    await vi.waitFor(() => expect($('[data-testid="auth-note"]').textContent).toBe('Sign-in worked: Signed in.'));
  });

  test('locked by policy: the kind cannot be changed', () => {
    render(<Harness initial={{ kind: 'bearer' }} locked={['destination']} />, host);
    expect($('input[name="auth-kind"][value="none"]').disabled).toBe(true);
  });
});
