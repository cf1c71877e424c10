import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import type { OutboxView } from '../../messaging/protocol';
import { isLocked } from '../../settings/managed';
import type { Destination } from '../../settings/types';
import { OutboxList } from '../shared/OutboxList';
import { Section, TextField, type SectionProps } from './form';
import { networkOrigins } from '../../settings/network';
import { NetworkAccess } from './NetworkAccess';
import { requestSites, type PermissionsApi } from './permissions';
import { AuthSettings, type AuthApi } from './AuthSettings';

const KINDS: { kind: Destination['kind']; label: string; hint: string }[] = [
  { kind: 'fhir', label: 'FHIR endpoint', hint: 'Sent straight to the CLP service’s FHIR server.' },
  { kind: 'webhook', label: 'JSON webhook', hint: 'Posted as JSON to a secure web address.' },
  { kind: 'email', label: 'Secure email', hint: 'Opens a prepared email to a secure (nhs.scot / nhs.net) mailbox.' },
  { kind: 'print', label: 'Print or copy', hint: 'A referral letter to print or paste; nothing is sent.' },
];

function blank(kind: Destination['kind']): Destination {
  if (kind === 'fhir') return { kind, baseUrl: '' };
  if (kind === 'webhook') return { kind, url: '' };
  if (kind === 'email') return { kind, to: '' };
  return { kind: 'print' };
}

/**
 * Where referrals go, how the sidebar signs in there (issue #15), a test
 * send, identifier systems and the outbox. `authApi` is the background's
 * auth messages; without it the sign-in settings still save, but secrets and
 * keys cannot be managed.
 */
export function ReferralSection(p: SectionProps & { permissions: PermissionsApi; authApi?: AuthApi }) {
  const dest = p.settings.destination;
  const fixed = isLocked(p.locked, 'destination');
  const common = { errors: p.errors, locked: p.locked };
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const [rows, setRows] = useState<OutboxView[]>([]);
  const [note, setNote] = useState('');
  const setDest = (d: Destination) => p.update((s) => void (s.destination = d));

  const list = async () => {
    const r = await send('referral.list', {});
    if (r.ok) setRows(r.value);
    else setNote(`The outbox could not be read: ${r.error.message}`);
  };
  useEffect(() => void list(), []);

  const runTest = async () => {
    setTest(null);
    const r = await send('referral.test', {});
    setTest(r.ok ? r.value : { ok: false, message: r.error.message });
  };
  const retry = async (id: string) => {
    const r = await send('referral.retry', { id });
    setNote(r.ok ? 'Trying again.' : `Could not try again: ${r.error.message}`);
    await list();
  };
  const flush = async () => {
    const r = await send('referral.flush', {});
    if (r.ok) setRows(r.value);
    setNote(r.ok ? 'Queued referrals sent where possible.' : `Could not send: ${r.error.message}`);
  };

  return (
    <Section
      id="referral"
      title="Referral destination"
      help="Where a referral to your Community Links Practitioner goes."
      onSave={() => {
        // Access to the destination is asked for first, while the click still counts.
        void requestSites(p.permissions, networkOrigins(p.settings).destination).catch(() => false);
        void p.save();
      }}
    >
      <fieldset>
        <legend>Send referrals by</legend>
        {fixed && <p class="locked-note">Set by your health board</p>}
        {KINDS.map((k) => (
          <label class="check" key={k.kind}>
            <input type="radio" name="dest-kind" value={k.kind} checked={dest.kind === k.kind} disabled={fixed} onChange={() => setDest(blank(k.kind))} />
            {k.label} <span class="hint">— {k.hint}</span>
          </label>
        ))}
      </fieldset>
      {dest.kind === 'fhir' && (
        <TextField {...common} path="destination.baseUrl" label="FHIR server address" hint="Starts with https://." value={dest.baseUrl} onInput={(t) => setDest({ ...dest, baseUrl: t })} />
      )}
      {dest.kind === 'webhook' && (
        <TextField {...common} path="destination.url" label="Webhook address" hint="Starts with https://." value={dest.url} onInput={(t) => setDest({ ...dest, url: t })} />
      )}
      {(dest.kind === 'fhir' || dest.kind === 'webhook') && (
        <AuthSettings {...common} auth={dest.auth} api={p.authApi} onChange={(auth) => setDest({ ...dest, auth })} />
      )}
      {dest.kind === 'email' && (
        <TextField {...common} path="destination.to" label="Referral email address" type="email" value={dest.to} onInput={(t) => setDest({ kind: 'email', to: t })} />
      )}
      <NetworkAccess origins={networkOrigins(p.settings).destination} permissions={p.permissions} what="Sending referrals" />
      <p class="actions">
        <button type="button" onClick={() => void runTest()}>
          Send test referral
        </button>
        <span class="hint">Uses the saved destination; save first if you changed it.</span>
      </p>
      {test && (
        <p class={test.ok ? 'ok' : 'failed'} role="status" data-testid="referral-test-result">
          {test.ok ? 'Test worked: ' : 'Test failed: '}
          {test.message}
        </p>
      )}
      <details>
        <summary>Advanced: identifier systems</summary>
        <TextField
          {...common}
          path="identifierSystems.chi"
          label="CHI number system"
          value={p.settings.identifierSystems.chi}
          onInput={(t) => p.update((s) => void (s.identifierSystems.chi = t))}
        />
        <TextField
          {...common}
          path="identifierSystems.nhs"
          label="NHS number system"
          value={p.settings.identifierSystems.nhs}
          onInput={(t) => p.update((s) => void (s.identifierSystems.nhs = t))}
        />
      </details>
      <h3>Outbox (all patients)</h3>
      {rows.length === 0 && <p>No referrals yet.</p>}
      <OutboxList rows={rows} onRetry={(id) => void retry(id)} />
      <p class="actions">
        <button type="button" onClick={() => void flush()}>
          Send queued now
        </button>
      </p>
      <p role="status">{note}</p>
    </Section>
  );
}
