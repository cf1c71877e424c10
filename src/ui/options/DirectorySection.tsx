import { useEffect, useState } from 'preact/hooks';
import { useChanges } from '../shared/use-changes';
import { send } from '../../messaging/client';
import type { SourceStatus } from '../../messaging/protocol';
import { isLocked } from '../../settings/managed';
import type { DirectoryFormat } from '../../settings/types';
import { DEFAULT_SYNC_PAGE_LIMIT } from '../../directory/import/sync-plan';
import { DirectoryImport } from './DirectoryImport';
import { DirectoryStatus } from './DirectoryStatus';
import { NumberField, SelectField, Section, TextField, type SectionProps } from './form';
import { networkOrigins } from '../../settings/network';
import { NetworkAccess } from './NetworkAccess';
import { requestSites, type PermissionsApi } from './permissions';

export const FORMATS: { value: DirectoryFormat; label: string }[] = [
  { value: 'aliss', label: 'ALISS' },
  { value: 'hsds', label: 'HSDS (Open Referral)' },
  { value: 'oruk', label: 'Open Referral UK' },
  { value: 'csv', label: 'CSV spreadsheet' },
];

/** Where the community resource directory comes from, and its state. */
export function DirectorySection(p: SectionProps & { permissions: PermissionsApi }) {
  const [rows, setRows] = useState<SourceStatus[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const fixed = isLocked(p.locked, 'directorySources');
  const common = { errors: p.errors, locked: p.locked };

  const run = async (what: Promise<{ ok: true; value: SourceStatus[] } | { ok: false; error: { message: string } }>, done: string) => {
    setBusy(true);
    setNote('Working…');
    const r = await what;
    setBusy(false);
    if (r.ok) setRows(r.value);
    setNote(r.ok ? done : `That did not work: ${r.error.message}`);
  };
  const refresh = () => run(send('directory.status', {}), '');
  useEffect(() => void refresh(), []);
  // A sync's progress and result are pushed (issue #16: no silent stop); re-read the table without the busy state.
  useChanges('sources', () =>
    void send('directory.status', {}).then((r) => {
      if (r.ok) setRows(r.value);
    }),
  );

  return (
    <Section
      id="directory"
      title="Directory sources"
      help="Community resources come from directories such as ALISS, synced on a schedule and kept in this browser so the sidebar works offline."
      onSave={() => {
        // Access to the sources' sites is asked for first, while the click still counts.
        void requestSites(p.permissions, networkOrigins(p.settings).directory).catch(() => false);
        void p.save();
      }}
    >
      <DirectoryStatus
        rows={rows}
        busy={busy}
        onSync={(id) => void run(send('directory.sync', { sourceId: id }), 'Sync finished.')}
        onRemove={(id) => void run(send('directory.remove', { sourceId: id }), 'Removed.')}
      />
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => void run(send('directory.sync', {}), 'Sync finished.')}>
          Sync all now
        </button>
      </p>
      <p role="status">{note}</p>
      <NetworkAccess origins={networkOrigins(p.settings).directory} permissions={p.permissions} what="Syncing the online sources" />
      <h3>Online sources</h3>
      <p class="hint">Save after changing these; "Sync now" uses the saved sources.</p>
      {fixed && <p class="locked-note">Set by your health board</p>}
      {p.settings.directorySources.map((src, i) => {
        const at = `directorySources.${i}`;
        const set = (change: (s: typeof src) => void) =>
          p.update((s) => {
            const target = s.directorySources[i];
            if (target) change(target);
          });
        return (
          <fieldset key={i}>
            <legend>Source {i + 1}</legend>
            <TextField {...common} path={`${at}.id`} label="Short id" hint="Letters, digits and hyphens." value={src.id} onInput={(t) => set((s) => void (s.id = t))} />
            <TextField {...common} path={`${at}.label`} label="Name" value={src.label} onInput={(t) => set((s) => void (s.label = t))} />
            <TextField
              {...common}
              path={`${at}.url`}
              label="Address (URL)"
              hint="Must start with https://."
              value={src.url ?? ''}
              onInput={(t) => set((s) => (t.trim() ? (s.url = t) : delete s.url))}
            />
            <SelectField {...common} path={`${at}.format`} label="Format" value={src.format} options={FORMATS} onChange={(v) => set((s) => void (s.format = v as DirectoryFormat))} />
            <NumberField {...common} path={`${at}.refreshHours`} label="Refresh every (hours)" value={src.refreshHours} onInput={(n) => set((s) => void (s.refreshHours = n))} />
            <NumberField
              {...common}
              path={`${at}.pageLimit`}
              label="Stop after this many pages"
              hint="A sync that reaches this limit keeps what it fetched and says the directory is incomplete."
              value={src.pageLimit}
              onInput={(n) => set((s) => void (s.pageLimit = n))}
            />
            <button type="button" disabled={fixed} onClick={() => p.update((s) => void s.directorySources.splice(i, 1))}>
              Delete source {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        disabled={fixed}
        onClick={() => p.update((s) => void s.directorySources.push({ id: '', label: '', format: 'aliss', refreshHours: 24, pageLimit: DEFAULT_SYNC_PAGE_LIMIT }))}
      >
        Add online source
      </button>
      <DirectoryImport onImported={() => void refresh()} />
    </Section>
  );
}
