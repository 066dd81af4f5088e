/**
 * A bar chart as an SVG string for the printed reports (pdfmake draws SVG), laid out by the same pure
 * function as the page's chart (src/shared/chart-layout.ts), in the same colours. A printed chart
 * always stands beside a table of its figures, as on the page.
 */
import type { Content } from 'pdfmake/interfaces';
import { barLayout, CHART_COLOURS, type ChartSeries } from '../../../shared/chart-layout';

const WIDTH = 720;
const HEIGHT = 260;
const AREA = { left: 84, top: 12, width: WIDTH - 96, height: HEIGHT - 52 };

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

export interface SvgChartInput {
  labels: readonly string[];
  series: readonly ChartSeries[];
  valueFormat?: (value: number) => string;
  stacked?: boolean;
}

/** The chart's SVG: axis, grid, bars and labels (every n-th label when there are many). */
export function barChartSvg({
  labels,
  series,
  valueFormat = (v) => v.toLocaleString('da-DK'),
  stacked = false,
}: SvgChartInput): string {
  const layout = barLayout(labels.length, series, stacked, AREA);
  const every = Math.max(1, Math.ceil(labels.length / 12));
  const parts: string[] = [];
  for (const tick of layout.ticks) {
    parts.push(
      `<line x1="${AREA.left}" x2="${AREA.left + AREA.width}" y1="${tick.y}" y2="${tick.y}" stroke="#d8d8d8"/>`,
      `<text x="${AREA.left - 6}" y="${tick.y + 4}" text-anchor="end" font-size="12" fill="#1a1a1a">${escapeXml(valueFormat(tick.value))}</text>`,
    );
  }
  parts.push(
    `<line x1="${AREA.left}" x2="${AREA.left + AREA.width}" y1="${layout.zeroY}" y2="${layout.zeroY}" stroke="#1a1a1a"/>`,
  );
  for (const bar of layout.bars)
    parts.push(
      `<rect x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${Math.max(bar.height, 0.5)}" fill="${CHART_COLOURS[bar.series % CHART_COLOURS.length]}"/>`,
    );
  labels.forEach((label, i) => {
    if (i % every === 0)
      parts.push(
        `<text x="${layout.labelX[i]}" y="${AREA.top + AREA.height + 20}" text-anchor="middle" font-size="12" fill="#1a1a1a">${escapeXml(label)}</text>`,
      );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

/** The chart for a pdfmake document, with its legend under it (the colours named, as on the page). */
export function pdfBarChart(input: SvgChartInput, width = 500): Content {
  return {
    stack: [
      { svg: barChartSvg(input), width },
      {
        text: input.series.flatMap((s, i) => [
          { text: '■ ', color: CHART_COLOURS[i % CHART_COLOURS.length] },
          { text: `${s.label}   ` },
        ]),
        fontSize: 9,
        margin: [0, 2, 0, 8],
      },
    ],
  };
}
