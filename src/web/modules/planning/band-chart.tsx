import * as Plot from '@observablehq/plot';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLOURS } from '../../../shared/chart-layout';
import type { Band } from '../../../shared/planning/simulate';
import { NoValue } from '../../components/no-value';
import { TableScroll } from '../../components/table-scroll';
import { formatWhole } from '../../i18n/format';

const WIDTH = 720;
const HEIGHT = 260;

/** One line of a band chart: a scenario's expected value and its band per month (null: no value). */
export interface BandSeries {
  key: string;
  label: string;
  values: readonly (Band | null)[];
}

export interface BandChartProps {
  /** A stable id: the chart's title and table are named by it. */
  id: string;
  /** What the chart shows: its heading and the table's caption. */
  title: string;
  /** The header of the table's first column (e.g. "Måned"). */
  labelHeader: string;
  labels: readonly string[];
  series: readonly BandSeries[];
  valueFormat?: (value: number) => string;
  headingLevel?: 'h3' | 'h4';
}

interface Point {
  i: number;
  series: string;
  mean: number;
  low: number;
  high: number;
}

function plotChart({
  labels,
  series,
  valueFormat,
  titleId,
  descId,
}: {
  labels: readonly string[];
  series: readonly BandSeries[];
  valueFormat: (value: number) => string;
  titleId: string;
  descId: string;
}): SVGSVGElement | HTMLElement {
  const points: Point[] = series.flatMap((s) =>
    labels.flatMap((_, i) => {
      const band = s.values[i];
      return band ? [{ i, series: s.label, mean: band.mean, low: band.low, high: band.high }] : [];
    }),
  );
  const every = Math.max(1, Math.ceil(labels.length / 10));
  const ticks = labels.map((_, i) => i).filter((i) => i % every === 0);
  const colour = {
    domain: series.map((s) => s.label),
    range: CHART_COLOURS.slice(0, Math.max(1, series.length)),
  };
  const chart = Plot.plot({
    width: WIDTH,
    height: HEIGHT,
    marginLeft: 84,
    marginRight: 24,
    x: {
      domain: [0, Math.max(1, labels.length - 1)],
      ticks,
      tickFormat: (i: number) => labels[i] ?? '',
      label: null,
    },
    y: { grid: true, label: null, tickFormat: valueFormat, nice: true, zero: true },
    color: colour,
    marks: [
      Plot.areaY(points, {
        x: 'i',
        y1: 'low',
        y2: 'high',
        fill: 'series',
        fillOpacity: 0.18,
        curve: 'linear',
      }),
      Plot.lineY(points, { x: 'i', y: 'mean', stroke: 'series', strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  });
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  chart.setAttribute('class', 'chart-svg');
  chart.removeAttribute('aria-label');
  for (const named of chart.querySelectorAll('[aria-label], [aria-description]')) {
    named.removeAttribute('aria-label');
    named.removeAttribute('aria-description');
  }
  return chart;
}

/**
 * A forecast as lines with their uncertainty bands (the 10th to 90th percentile of the draws), one
 * line per scenario, drawn by Observable Plot like the project's bar charts (components/chart.tsx),
 * with the same figures in a table beside it: the chart is an image named by its title, the table
 * is what a screen reader or a keyboard user reads.
 */
export function BandChart({
  id,
  title,
  labelHeader,
  labels,
  series,
  valueFormat = formatWhole,
  headingLevel = 'h3',
}: BandChartProps) {
  const { t } = useTranslation();
  const uid = useId();
  const titleId = `${id}-title-${uid}`;
  const descId = `${id}-desc-${uid}`;
  const Heading = headingLevel;
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = plotChart({ labels, series, valueFormat, titleId, descId });
    host.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [labels, series, valueFormat, titleId, descId]);
  const range = (band: Band) =>
    t('planning.chart.range', { low: valueFormat(band.low), high: valueFormat(band.high) });
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      <p id={descId} className="sr-only">
        {t('planning.chart.description')}
      </p>
      <div ref={host} className="chart-plot" />
      <ul className="chart-legend" aria-label={t('common.chartLegend')}>
        {series.map((s, i) => (
          <li key={s.key}>
            <span
              className="chart-swatch"
              aria-hidden="true"
              style={{ background: CHART_COLOURS[i % CHART_COLOURS.length] }}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <p className="form-hint">{t('planning.chart.bandHint')}</p>
      <TableScroll label={title}>
        <table className="table table--zebra table--compact" id={`${id}-table`}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => [
                <th scope="col" key={`${s.key}-mean`} className="align-text-right">
                  {t('planning.chart.expected', { name: s.label })}
                </th>,
                <th scope="col" key={`${s.key}-band`} className="align-text-right">
                  {t('planning.chart.band', { name: s.label })}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row" className="nowrap">
                  {label}
                </th>
                {series.map((s) => {
                  const band = s.values[i] ?? null;
                  return [
                    <td key={`${s.key}-mean`} className="align-text-right nowrap">
                      {band ? valueFormat(band.mean) : <NoValue />}
                    </td>,
                    <td key={`${s.key}-band`} className="align-text-right nowrap">
                      {band ? range(band) : <NoValue />}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
