/**
 * The insights tables. Each count cell carries data-need / data-district and
 * data-metric so an end-to-end test reads numbers without parsing layout.
 */
import type { DistrictGapRow, GapRow, NeedRow } from '../../insights/aggregate';
import { METRICS, type Counts, type MetricKey } from '../../insights/metrics';

const LABEL = Object.fromEntries(METRICS.map((m) => [m.key, m.label])) as Record<MetricKey, string>;
const num = (n: number): string => n.toLocaleString('en-GB');

export const PROMPT_METRICS: MetricKey[] = ['promptsShown', 'promptsAccepted', 'promptsDismissed', 'promptsSnoozed', 'signposted'];
export const REFERRAL_METRICS: MetricKey[] = ['referralsQueued', 'referralsSent', 'referralsFailed', 'acceptedByClp', 'inProgress', 'completed', 'declined'];

/** Rows are needs, columns the chosen metrics, with a total row. */
export function NeedTable(props: { testId: string; caption: string; rows: NeedRow[]; totals: Counts; metrics: MetricKey[] }) {
  return (
    <table data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Need</th>
          {props.metrics.map((m) => (
            <th scope="col" class="num" key={m}>
              {LABEL[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={props.metrics.length + 1}>Nothing recorded in this period.</td>
          </tr>
        )}
        {props.rows.map((row) => (
          <tr key={row.need}>
            <th scope="row">{row.label}</th>
            {props.metrics.map((m) => (
              <td class="num" key={m} data-need={row.need} data-metric={m}>
                {num(row[m])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {props.metrics.map((m) => (
            <td class="num" key={m} data-need="total" data-metric={m}>
              {num(props.totals[m])}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

export function DistrictGapTable(props: { rows: DistrictGapRow[] }) {
  return (
    <table data-testid="gaps-district-table">
      <caption>Searches with nothing nearby, by postcode district</caption>
      <thead>
        <tr>
          <th scope="col">Postcode district</th>
          <th scope="col" class="num">Searches</th>
          <th scope="col" class="num">With nothing nearby</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={3}>No searches in this period.</td>
          </tr>
        )}
        {props.rows.map((row) => (
          <tr key={row.district}>
            <th scope="row">{row.district || 'Not recorded'}</th>
            <td class="num" data-district={row.district} data-metric="searches">
              {num(row.searches)}
            </td>
            <td class="num" data-district={row.district} data-metric="noResult">
              {num(row.noResult)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NeedGapTable(props: { rows: GapRow[] }) {
  return (
    <table data-testid="gaps-table">
      <caption>Searches with nothing nearby, by need and postcode district</caption>
      <thead>
        <tr>
          <th scope="col">Need</th>
          <th scope="col">Postcode district</th>
          <th scope="col" class="num">With nothing nearby</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 && (
          <tr>
            <td colSpan={3}>No gaps in this period.</td>
          </tr>
        )}
        {props.rows.map((row) => (
          <tr key={`${row.need}|${row.district}`}>
            <th scope="row">{row.label}</th>
            <td>{row.district || 'Not recorded'}</td>
            <td class="num" data-need={row.need} data-district={row.district} data-metric="noResult">
              {num(row.noResult)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
