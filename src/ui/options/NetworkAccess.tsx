import { useEffect, useState } from 'preact/hooks';
import { requestSites, type PermissionsApi } from './permissions';

/**
 * Whether the browser lets Links Sidebar reach the sites it must fetch (the
 * referral destination, the directory sources), with one button to allow the
 * ones it may not reach yet. Without it, the browser blocks those requests
 * and a referral would wait in the outbox.
 */
export function NetworkAccess(p: { origins: string[]; permissions: PermissionsApi; what: string }) {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const key = p.origins.join(' ');

  const refresh = async () => {
    const entries = await Promise.all(p.origins.map(async (o): Promise<[string, boolean]> => [o, await p.permissions.contains(o).catch(() => false)]));
    setGranted(Object.fromEntries(entries));
  };
  useEffect(() => void refresh(), [key]);

  if (p.origins.length === 0) return null;
  const missing = p.origins.filter((o) => granted[o] === false);
  const allow = () => {
    // The request goes first, inside the click: browsers refuse it once the click is over.
    void requestSites(p.permissions, missing)
      .catch(() => false)
      .then(async (ok) => {
        setNote(ok ? 'Access allowed.' : 'The browser did not allow access. Ask again, or ask your IT team.');
        await refresh();
      });
  };
  return (
    <div class="network-access" data-testid="network-access">
      <p>{p.what} needs the browser's permission to reach:</p>
      <ul>
        {p.origins.map((o) => (
          <li key={o}>
            {o}: <strong>{granted[o] === undefined ? 'checking…' : granted[o] ? 'allowed' : 'not allowed yet'}</strong>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <p class="actions">
          <button type="button" onClick={allow}>
            Allow access
          </button>
        </p>
      )}
      <p role="status">{note}</p>
    </div>
  );
}
