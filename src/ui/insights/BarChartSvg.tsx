import { useMemo } from 'preact/hooks';
import { barChart, describeChart, type ChartRow } from '../../insights/chart';

const WIDTH = 520;
const HEIGHT = 300;
const PADDING = { top: 12, right: 12, bottom: 110, left: 48 };

/** An accessible bar chart: role="img" with a title and a description that reads out every value. */
export function BarChartSvg(props: { rows: ChartRow[]; title: string; id: string }) {
  const chart = useMemo(() => barChart(props.rows, { width: WIDTH, height: HEIGHT, padding: PADDING }), [props.rows]);
  const text = describeChart(props.rows, props.title);
  const base = chart.plot.y + chart.plot.height;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-testid={`${props.id}-chart`}
    >
      <title id={`${props.id}-title`}>{text.title}</title>
      <desc id={`${props.id}-desc`}>{text.desc}</desc>
      {chart.ticks.map((t) => (
        <g key={t.value}>
          <line x1={chart.plot.x} x2={chart.plot.x + chart.plot.width} y1={t.y} y2={t.y} stroke="#c9d3d9" />
          <text x={chart.plot.x - 6} y={t.y + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
            {t.label}
          </text>
        </g>
      ))}
      {chart.bars.map((b) => (
        <g key={b.label}>
          <rect x={b.x} y={b.y} width={b.width} height={b.height} fill="#005a8c" />
          <text
            x={b.x + b.width / 2}
            y={base + 12}
            font-size="12"
            fill="#0b0c0c"
            text-anchor="end"
            transform={`rotate(-40 ${b.x + b.width / 2} ${base + 12})`}
          >
            {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
          </text>
        </g>
      ))}
      <line x1={chart.plot.x} x2={chart.plot.x + chart.plot.width} y1={base} y2={base} stroke="#505a5f" />
    </svg>
  );
}
