import type { SourceStatus } from '../../messaging/protocol';

/** The directory sources the background holds, with their last sync. */
export function DirectoryStatus(props: { rows: SourceStatus[]; busy: boolean; onSync: (id: string) => void; onRemove: (id: string) => void }) {
  return (
    <table data-testid="directory-status-table">
      <caption>Directory data held in this browser</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Format</th>
          <th scope="col" class="num">Resources</th>
          <th scope="col">Last sync</th>
          <th scope="col">Last result</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={6}>No directory data yet. Add a source below or import a file.</td>
          </tr>
        )}
        {props.rows.map((row) => (
          <tr key={row.id} data-source={row.id}>
            <th scope="row">{row.label}</th>
            <td>{row.format}</td>
            <td class="num">{row.count.toLocaleString('en-GB')}</td>
            <td>{row.lastSync ? new Date(row.lastSync).toLocaleString('en-GB') : 'Never'}</td>
            <td class={row.ok === false ? 'failed' : row.complete === false ? 'warning' : row.ok ? 'ok' : ''}>
              {row.progress ? (
                <span role="status">Syncing: {row.progress}</span>
              ) : (
                <>
                  {row.ok === false ? 'Failed: ' : row.complete === false ? 'Incomplete: ' : row.ok ? 'OK: ' : ''}
                  {row.lastResult ?? '—'}
                </>
              )}
            </td>
            <td>
              {row.url && (
                <button type="button" disabled={props.busy} onClick={() => props.onSync(row.id)}>
                  Sync {row.label} now
                </button>
              )}{' '}
              <button type="button" disabled={props.busy} onClick={() => props.onRemove(row.id)}>
                Remove {row.label}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
