/**
 * The geometry of a bar chart, as a pure function of its figures: the value axis (a "nice" range and
 * its ticks) and one rectangle per bar, grouped side by side or stacked (positive values upwards and
 * negative values downwards from zero, each on its own stack). Kept apart from the component so the
 * arithmetic is tested without a browser.
 */

/**
 * Series colours: distinguishable with the common colour-vision deficiencies (after Okabe & Ito) and
 * each at least 3:1 against white (WCAG 1.4.11); the legend and the table name every series too.
 * The same on the page and in the printed reports.
 */
export const CHART_COLOURS = ['#0072B2', '#C04F00', '#007A5A', '#A0357A', '#5B5B5B', '#8A6D00'] as const;

/** One series of a chart: a value per label; null is no bar (no value, or a suppressed figure). */
export interface ChartSeries {
  key: string;
  label: string;
  values: readonly (number | null)[];
  /** How each value is written in the table, where not by the chart's format (e.g. "under 5"). */
  cells?: readonly (string | null)[];
}

export interface BarRect {
  series: number;
  label: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface BarLayout {
  /** The axis' ticks from bottom to top, with their y coordinate. */
  ticks: { value: number; y: number }[];
  bars: BarRect[];
  /** The y coordinate of zero. */
  zeroY: number;
  /** The centre of each label's slot on the x axis. */
  labelX: number[];
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A round step (1, 2 or 5 × 10ⁿ) that divides `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/** The lowest and highest value the bars reach (a stack's sums when stacked), zero included. */
function extent(labels: number, series: readonly ChartSeries[], stacked: boolean): [number, number] {
  let min = 0;
  let max = 0;
  for (let i = 0; i < labels; i++) {
    let up = 0;
    let down = 0;
    for (const s of series) {
      const v = s.values[i] ?? null;
      if (v === null) continue;
      if (stacked) {
        if (v >= 0) up += v;
        else down += v;
      } else {
        up = Math.max(up, v);
        down = Math.min(down, v);
      }
    }
    max = Math.max(max, up);
    min = Math.min(min, down);
  }
  return [min, max];
}

/** Lays out the bars of `series` over `labels` slots in `area`. */
export function barLayout(
  labels: number,
  series: readonly ChartSeries[],
  stacked: boolean,
  area: PlotArea,
  tickCount = 4,
): BarLayout {
  const [min, max] = extent(labels, series, stacked);
  const step = niceStep(max - min, tickCount);
  const low = Math.floor(min / step) * step;
  const high = max === low ? low + step : Math.ceil(max / step) * step;
  const y = (v: number) => area.top + area.height - ((v - low) / (high - low)) * area.height;
  const ticks: { value: number; y: number }[] = [];
  for (let v = low; v <= high + step / 2; v += step)
    ticks.push({ value: Number(v.toPrecision(12)), y: y(v) });

  const slot = labels > 0 ? area.width / labels : area.width;
  const groupWidth = slot * 0.7;
  const barWidth = stacked || series.length === 0 ? groupWidth : groupWidth / series.length;
  const bars: BarRect[] = [];
  const labelX: number[] = [];
  for (let i = 0; i < labels; i++) {
    const start = area.left + i * slot + (slot - groupWidth) / 2;
    labelX.push(area.left + i * slot + slot / 2);
    let up = 0;
    let down = 0;
    series.forEach((s, si) => {
      const v = s.values[i] ?? null;
      if (v === null || v === 0) return;
      let from = 0;
      if (stacked) {
        from = v >= 0 ? up : down;
        if (v >= 0) up += v;
        else down += v;
      }
      const a = y(from);
      const b = y(from + v);
      bars.push({
        series: si,
        label: i,
        x: stacked ? start : start + si * barWidth,
        y: Math.min(a, b),
        width: barWidth,
        height: Math.abs(b - a),
        value: v,
      });
    });
  }
  return { ticks, bars, zeroY: y(0), labelX };
}
