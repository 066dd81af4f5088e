import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLOURS, type ChartSeries } from '../../shared/chart-layout';
import { NoValue } from './no-value';
import { TableScroll } from './table-scroll';

export type { ChartSeries } from '../../shared/chart-layout';

const COLOURS = CHART_COLOURS;

const WIDTH = 720;
const HEIGHT = 260;

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

/** One bar: a label, a series and its value (null values have no bar). */
interface Bar {
  label: string;
  series: string;
  value: number;
}

/**
 * The chart drawn by Observable Plot (ADR 0015) as an SVG: bars side by side in a group per label, or
 * stacked (negative values downwards from zero), the value axis in the chart's format, every n-th
 * label on the label axis when there are many (the table has them all), the series in the project's
 * colours. The SVG is an image named by the title and described as a chart whose figures are in
 * the table; Plot's own tooltips name each bar's series, label and value.
 */
function plotChart({
  labels,
  series,
  valueFormat,
  stacked,
  titleId,
  descId,
}: {
  labels: readonly string[];
  series: readonly ChartSeries[];
  valueFormat: (value: number) => string;
  stacked: boolean;
  titleId: string;
  descId: string;
}): SVGSVGElement | HTMLElement {
  const bars: Bar[] = series.flatMap((s) =>
    labels.flatMap((label, i) => {
      const value = s.values[i];
      return value === null || value === undefined ? [] : [{ label, series: s.label, value }];
    }),
  );
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const shown = new Set(labels.filter((_, i) => i % every === 0));
  const labelTick = (label: string) => (shown.has(label) ? label : '');
  const title = (b: Bar) => `${b.series}, ${b.label}: ${valueFormat(b.value)}`;
  const colour = { domain: series.map((s) => s.label), range: COLOURS.slice(0, Math.max(1, series.length)) };
  const y = { grid: true, label: null, tickFormat: valueFormat, nice: true };
  const chart = stacked
    ? Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        marginLeft: 84,
        x: { domain: [...labels], label: null, tickFormat: labelTick, padding: 0.2 },
        y,
        color: colour,
        marks: [Plot.barY(bars, { x: 'label', y: 'value', fill: 'series', title }), Plot.ruleY([0])],
      })
    : Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        marginLeft: 84,
        fx: { domain: [...labels], label: null, tickFormat: labelTick, padding: 0.2 },
        x: { domain: series.map((s) => s.label), axis: null },
        y,
        color: colour,
        marks: [
          Plot.barY(bars, { fx: 'label', x: 'series', y: 'value', fill: 'series', title }),
          Plot.ruleY([0]),
        ],
      });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  chart.setAttribute('class', 'chart-svg');
  // The image is named by the title and its figures are in the table: Plot's names of its marks
  // (aria-label on <g>, not allowed there without a role) would only repeat them.
  chart.removeAttribute('aria-label');
  for (const named of chart.querySelectorAll('[aria-label], [aria-description]')) {
    named.removeAttribute('aria-label');
    named.removeAttribute('aria-description');
  }
  return chart;
}

/**
 * A bar chart with the same figures as a table beside it (design.md: charts with a data table).
 * The chart is an image named by the title and described as a chart whose figures are in the table;
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
  const Heading = headingLevel;
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = plotChart({ labels, series, valueFormat, stacked, titleId, descId });
    host.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [labels, series, valueFormat, stacked, titleId, descId]);
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      <p id={descId} className="sr-only">
        {t('common.chartDescription')}
      </p>
      <div ref={host} className="chart-plot" />
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
