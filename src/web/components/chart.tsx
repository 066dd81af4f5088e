import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { barLayout, CHART_COLOURS, type ChartSeries } from '../../shared/chart-layout';
import { NoValue } from './no-value';
import { TableScroll } from './table-scroll';

export type { ChartSeries } from '../../shared/chart-layout';

const COLOURS = CHART_COLOURS;

const WIDTH = 720;
const HEIGHT = 260;
const AREA = { left: 84, top: 12, width: WIDTH - 96, height: HEIGHT - 52 };

/** Props of {@link BarChart}. */
export interface BarChartProps {
  /** A stable id: the chart's title and table are named by it. */
  id: string;
  /** What the chart shows: its heading and the table's caption. */
  title: string;
  /** The header of the table's first column (what the labels are, e.g. "Måned"). */
  labelHeader: string;
  /** One label per bar group (months, shelters …). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** How a value is written on the axis and in the table (e.g. kroner). */
  valueFormat?: (value: number) => string;
  /** Stack the series (costs that add up) rather than set them side by side. */
  stacked?: boolean;
  /** The heading level of the title (default h3). */
  headingLevel?: 'h2' | 'h3' | 'h4';
}

/**
 * A bar chart with the same figures as a table beside it (design.md: charts with a data table).
 * The SVG is an image named by the title and described as a chart whose figures are in the table;
 * the table is what a screen reader or a keyboard user reads, and what anyone can copy.
 */
export function BarChart({
  id,
  title,
  labelHeader,
  labels,
  series,
  valueFormat = (v) => v.toLocaleString('da-DK'),
  stacked = false,
  headingLevel = 'h3',
}: BarChartProps) {
  const { t } = useTranslation();
  const uid = useId();
  const titleId = `${id}-title-${uid}`;
  const descId = `${id}-desc-${uid}`;
  const layout = barLayout(labels.length, series, stacked, AREA);
  const Heading = headingLevel;
  // Long label rows: every n-th label on the axis (the table has them all).
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <desc id={descId}>{t('common.chartDescription')}</desc>
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={AREA.left} x2={AREA.left + AREA.width} y1={tick.y} y2={tick.y} stroke="#d8d8d8" />
            <text x={AREA.left - 6} y={tick.y + 4} textAnchor="end" fontSize="12" fill="#1a1a1a">
              {valueFormat(tick.value)}
            </text>
          </g>
        ))}
        <line
          x1={AREA.left}
          x2={AREA.left + AREA.width}
          y1={layout.zeroY}
          y2={layout.zeroY}
          stroke="#1a1a1a"
        />
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.series}-${bar.label}`}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={Math.max(bar.height, 0.5)}
            fill={COLOURS[bar.series % COLOURS.length]}
          >
            <title>{`${series[bar.series]?.label}, ${labels[bar.label]}: ${valueFormat(bar.value)}`}</title>
          </rect>
        ))}
        {labels.map((label, i) =>
          i % every === 0 ? (
            <text
              key={label}
              x={layout.labelX[i]}
              y={AREA.top + AREA.height + 20}
              textAnchor="middle"
              fontSize="12"
              fill="#1a1a1a"
            >
              {label}
            </text>
          ) : null,
        )}
      </svg>
      <ul className="chart-legend" aria-label={t('common.chartLegend')}>
        {series.map((s, i) => (
          <li key={s.key}>
            <span
              className="chart-swatch"
              aria-hidden="true"
              style={{ background: COLOURS[i % COLOURS.length] }}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <TableScroll label={title}>
        <table className="table table--zebra table--compact" id={`${id}-table`}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => (
                <th scope="col" key={s.key} className="align-text-right">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => {
                  const v = s.values[i] ?? null;
                  const text = s.cells?.[i] ?? (v === null ? null : valueFormat(v));
                  return (
                    <td key={s.key} className="align-text-right">
                      {text ?? <NoValue />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
