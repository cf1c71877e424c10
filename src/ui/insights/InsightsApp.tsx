/**
 * Practice insights: what the sidebar was used for, and where people were
 * looked for help that was not nearby. Only the summary is rendered (a few
 * dozen rows), so a year of events draws as fast as a week.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InsightsSummary } from '../../insights/aggregate';
import { summaryToCsv } from '../../insights/csv';
import { send } from '../../messaging/client';
import { sharedCss } from '../shared/styles';
import { downloadText } from '../options/download';
import { optionsCss } from '../options/styles';
import { BarChartSvg } from './BarChartSvg';
import { last12Months, last30Days, periodProblem, type Period } from './period';
import { DistrictGapTable, NeedGapTable, NeedTable, PROMPT_METRICS, REFERRAL_METRICS } from './tables';

export function InsightsApp(props: { today?: Date } = {}) {
  const today = props.today ?? new Date();
  const [draft, setDraft] = useState<Period>(() => last30Days(today));
  // The background summarises (a year of events never crosses the messaging boundary).
  const [summary, setSummary] = useState<InsightsSummary | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (period: Period) => {
    setDraft(period);
    const reason = periodProblem(period);
    if (reason) return setProblem(reason);
    setProblem('');
    setBusy(true);
    const r = await send('insights.summary', period);
    setBusy(false);
    if (!r.ok) return setProblem(`The figures could not be loaded: ${r.error.message}`);
    setSummary(r.value);
  };
  useEffect(() => void load(draft), []);
  // Tables on screen: the benchmark reads this mark (bench/browser.bench.ts).
  useEffect(() => {
    if (summary) performance.mark('links:insights-rendered');
  }, [summary]);

  const shownRows = useMemo(() => summary?.byNeed.map((r) => ({ label: r.label, value: r.promptsShown })) ?? [], [summary]);
  const referralRows = useMemo(() => summary?.byNeed.map((r) => ({ label: r.label, value: r.referralsQueued })) ?? [], [summary]);
  const gapRows = useMemo(() => summary?.gaps.byDistrict.map((r) => ({ label: r.district || 'Not recorded', value: r.noResult })) ?? [], [summary]);

  const setDate = (key: keyof Period, value: string) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <style>{sharedCss + optionsCss}</style>
      <header class="opt-header">
        <h1>Links Sidebar: practice insights</h1>
        <nav aria-label="Pages">
          <ul>
            <li>
              <a href="options.html">Practice set-up</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main">
        <p class="hint">Anonymous counts only: no names, no identifiers, postcodes cut to the district.</p>
        <form
          class="row"
          aria-label="Period"
          onSubmit={(e) => {
            e.preventDefault();
            void load(draft);
          }}
        >
          <div>
            <label for="from">From</label>
            <input id="from" type="date" value={draft.from} onInput={(e) => setDate('from', (e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="to">To</label>
            <input id="to" type="date" value={draft.to} onInput={(e) => setDate('to', (e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="primary">
            Show
          </button>
          <button type="button" onClick={() => void load(last30Days(today))}>
            Last 30 days
          </button>
          <button type="button" onClick={() => void load(last12Months(today))}>
            Last 12 months
          </button>
        </form>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <p role="status">{busy ? 'Loading…' : summary ? `${summary.period.from} to ${summary.period.to}: ${summary.events.toLocaleString('en-GB')} events.` : ''}</p>
        {summary && (
          <>
            <p>
              <button
                type="button"
                onClick={() => downloadText(document, `links-insights-${summary.period.from}-to-${summary.period.to}.csv`, summaryToCsv(summary), 'text/csv')}
              >
                Download CSV
              </button>
            </p>
            <h2>Prompts and signposting by need</h2>
            <div class="chart-pair">
              <BarChartSvg id="shown" rows={shownRows} title="Prompts shown by need" />
              <div class="table-scroll">
                <NeedTable testId="by-need-table" caption="Prompts and people signposted, by need" rows={summary.byNeed} totals={summary.totals} metrics={PROMPT_METRICS} />
              </div>
            </div>
            <h2>Referrals and outcomes by need</h2>
            <div class="chart-pair">
              <BarChartSvg id="referrals" rows={referralRows} title="Referrals made by need" />
              <div class="table-scroll">
                <NeedTable testId="referrals-table" caption="Referrals and what happened to them, by need" rows={summary.byNeed} totals={summary.totals} metrics={REFERRAL_METRICS} />
              </div>
            </div>
            <h2>Gaps: nothing found within the radius</h2>
            <div class="chart-pair">
              <BarChartSvg id="gaps" rows={gapRows} title="Searches with nothing nearby, by postcode district" />
              <DistrictGapTable rows={summary.gaps.byDistrict} />
            </div>
            <NeedGapTable rows={summary.gaps.byNeedAndDistrict} />
          </>
        )}
      </main>
    </>
  );
}
