import type { AdapterTestResponse } from '../../messaging/protocol';

/** What an adapter found on the open tab, field by field. */
export function AdapterTestTable(props: { result: AdapterTestResponse; name: string }) {
  return (
    <table data-testid="adapter-test-table">
      <caption>
        Test of {props.name} on {props.result.url}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Selector</th>
          <th scope="col">Text on the page</th>
          <th scope="col">Read as</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {props.result.rows.map((row) => (
          <tr key={row.field} data-field={row.field}>
            <th scope="row">{row.field}</th>
            <td>
              <code>{row.selector ?? '—'}</code>
            </td>
            <td>{row.raw ?? '—'}</td>
            <td>{row.value ?? '—'}</td>
            <td class={row.ok ? 'ok' : 'failed'}>{row.ok ? 'Found' : (row.problem ?? 'Not found')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
