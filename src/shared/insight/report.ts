import { AGE_BANDS, type AgeBand, type InactivityPolicy } from '../citizens/status';
import {
  HIDDEN,
  type ReportedCountAt,
  SMALL_NUMBER_LIMIT,
  suppressBreakdown,
  suppressSmall,
} from '../suppression';
import {
  type FlowMonth,
  INFLOW_KINDS,
  type InflowKind,
  inflowOf,
  OUTFLOW_KINDS,
  type OutflowKind,
  outflowOf,
} from './flow';

/** The default and the most months the flow goes back. */
export const FLOW_MONTHS_DEFAULT = 24;
export const FLOW_MONTHS_MAX = 36;

/** One month of the flow as reported: small numbers suppressed. */
export type ReportedFlowMonth = {
  monthEnd: string;
  activeBefore: ReportedCountAt;
  active: ReportedCountAt;
  inflow: ReportedCountAt;
  outflow: ReportedCountAt;
  /** Rule 35 checked on the figures shown; null when one of its four terms is suppressed. */
  balanced: boolean | null;
} & Record<InflowKind | OutflowKind, ReportedCountAt>;

/** One age band's month: active at the month end, inflow and outflow (the band is the population). */
export interface ReportedBandCell {
  band: AgeBand;
  active: ReportedCountAt;
  inflow: ReportedCountAt;
  outflow: ReportedCountAt;
}

export interface ReportedBandMonth {
  monthEnd: string;
  bands: ReportedBandCell[];
}

/** GET /api/insight/flow. */
export interface InsightFlow {
  asOf: string;
  months: number;
  /** The inactivity policy the statuses were judged by (rule 36). */
  policy: InactivityPolicy;
  overall: ReportedFlowMonth[];
  /** The young people aged 18–29 as a population of their own. */
  youth: ReportedFlowMonth[];
  byAgeBand: ReportedBandMonth[];
}

/** The raw flows of the populations, month by month (the same month ends in each). */
export interface FlowPopulations {
  overall: readonly FlowMonth[];
  youth: readonly FlowMonth[];
  bands: Readonly<Record<AgeBand, readonly FlowMonth[]>>;
}

/** A count with what is shown of it. */
interface Cell {
  value: number;
  reported: ReportedCountAt;
}

/** Counts that can be worked out from one another: a total and its parts, or rule 35's four terms. */
interface Relation {
  cells: Cell[];
  /** Which cells to hide first when the relation would give a hidden cell away. */
  prefer: Cell[];
}

const cell = (value: number, limit: number): Cell => ({ value, reported: suppressSmall(value, limit) });
const hidden = (c: Cell) => typeof c.reported === 'string';

/** Primary and secondary suppression of one breakdown, kept in its cells. */
function breakdown(cells: Cell[], limit: number) {
  const reported = suppressBreakdown(Object.fromEntries(cells.map((c, i) => [String(i), c.value])), limit);
  cells.forEach((c, i) => {
    c.reported = reported[String(i)] ?? c.reported;
  });
}

/**
 * Hides cells until no relation has exactly one hidden cell (which its shown cells would give
 * away): the first shown cell of its preference, else its smallest shown cell. Hiding only ever
 * adds hidden cells, so this ends.
 */
function protect(relations: readonly Relation[]) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      if (r.cells.filter(hidden).length !== 1) continue;
      const candidates = [
        ...r.prefer,
        ...[...r.cells].sort(
          (a, b) => (a.value > 0 ? a.value : Infinity) - (b.value > 0 ? b.value : Infinity),
        ),
      ];
      const next = candidates.find((c) => !hidden(c));
      if (!next) continue;
      next.reported = HIDDEN;
      changed = true;
    }
  }
}

interface SeriesCells {
  before: Cell;
  active: Cell;
  inflow: Cell;
  outflow: Cell;
  kinds: Record<InflowKind | OutflowKind, Cell>;
}

/** The cells of one population's series: month k's `before` is month k − 1's `active`. */
function seriesCells(months: readonly FlowMonth[], relations: Relation[], limit: number): SeriesCells[] {
  const out: SeriesCells[] = [];
  months.forEach((m, k) => {
    const before = out[k - 1]?.active ?? cell(m.activeBefore, limit);
    const kinds = Object.fromEntries(
      [...INFLOW_KINDS, ...OUTFLOW_KINDS].map((kind) => [kind, cell(m[kind], limit)]),
    ) as Record<InflowKind | OutflowKind, Cell>;
    const s: SeriesCells = {
      before,
      active: cell(m.active, limit),
      inflow: cell(inflowOf(m), limit),
      outflow: cell(outflowOf(m), limit),
      kinds,
    };
    const ins = INFLOW_KINDS.map((kind) => kinds[kind]);
    const outs = OUTFLOW_KINDS.map((kind) => kinds[kind]);
    breakdown(ins, limit);
    breakdown(outs, limit);
    relations.push(
      { cells: [s.before, s.inflow, s.outflow, s.active], prefer: [s.inflow, s.outflow] },
      { cells: [s.inflow, ...ins], prefer: [] },
      { cells: [s.outflow, ...outs], prefer: [] },
    );
    out.push(s);
  });
  return out;
}

function reportedSeries(series: readonly SeriesCells[], months: readonly FlowMonth[]): ReportedFlowMonth[] {
  return series.map((s, k) => {
    const terms = [s.before, s.inflow, s.outflow, s.active];
    const shown = terms.every((c) => !hidden(c));
    const kinds = Object.fromEntries(
      Object.entries(s.kinds).map(([kind, c]) => [kind, c.reported]),
    ) as Record<InflowKind | OutflowKind, ReportedCountAt>;
    return {
      monthEnd: months[k]?.monthEnd ?? '',
      activeBefore: s.before.reported,
      active: s.active.reported,
      inflow: s.inflow.reported,
      outflow: s.outflow.reported,
      ...kinds,
      balanced: shown ? s.active.value === s.before.value + s.inflow.value - s.outflow.value : null,
    };
  });
}

/**
 * The flows as they may leave case work (design.md §2, domain.md rule 33), at the municipality's
 * limit: every count of 1 to limit − 1 as "<limit" ("<5" at the default); the inflow and outflow kinds and the age bands as breakdowns (secondary suppression, "x");
 * and then, until none is left, any hidden count that the figures shown would give away: through
 * rule 35 (active before + inflow − outflow = active; the other flow is hidden first, so the
 * active counts stay shown where they can), through a flow and its kinds, through the total active
 * and its age bands, and through the young people and their two age bands.
 */
export function reportFlow(
  populations: FlowPopulations,
  limit: number = SMALL_NUMBER_LIMIT,
): Pick<InsightFlow, 'overall' | 'youth' | 'byAgeBand'> {
  const relations: Relation[] = [];
  const overall = seriesCells(populations.overall, relations, limit);
  const youth = seriesCells(populations.youth, relations, limit);
  const bands = AGE_BANDS.map((band) =>
    populations.bands[band].map((m) => ({
      active: cell(m.active, limit),
      inflow: cell(inflowOf(m), limit),
      outflow: cell(outflowOf(m), limit),
    })),
  );
  populations.overall.forEach((_, k) => {
    const at = bands.map((b) => b[k] as { active: Cell; inflow: Cell; outflow: Cell });
    for (const measure of ['active', 'inflow', 'outflow'] as const)
      breakdown(
        at.map((b) => b[measure]),
        limit,
      );
    const actives = at.map((b) => b.active);
    const total = overall[k]?.active;
    if (total) relations.push({ cells: [total, ...actives], prefer: [] });
    const young = [at[AGE_BANDS.indexOf('18_24')]?.active, at[AGE_BANDS.indexOf('25_29')]?.active].filter(
      (c): c is Cell => c !== undefined,
    );
    const youthTotal = youth[k]?.active;
    if (youthTotal) relations.push({ cells: [youthTotal, ...young], prefer: young });
    // Rule 35 in each band from the second month on (the band's starting point is not shown).
    if (k > 0)
      for (const b of bands) {
        const [previous, current] = [b[k - 1], b[k]];
        if (previous && current)
          relations.push({
            cells: [previous.active, current.inflow, current.outflow, current.active],
            prefer: [current.inflow, current.outflow],
          });
      }
    // The bands' flows are not a breakdown of the total flows (a birthday moves a person between
    // bands), but a single hidden band is still guarded like one.
    for (const measure of ['inflow', 'outflow'] as const)
      relations.push({ cells: at.map((b) => b[measure]), prefer: [] });
  });
  protect(relations);
  return {
    overall: reportedSeries(overall, populations.overall),
    youth: reportedSeries(youth, populations.youth),
    byAgeBand: populations.overall.map((m, k) => ({
      monthEnd: m.monthEnd,
      bands: AGE_BANDS.map((band, i) => {
        const c = bands[i]?.[k] as { active: Cell; inflow: Cell; outflow: Cell };
        return { band, active: c.active.reported, inflow: c.inflow.reported, outflow: c.outflow.reported };
      }),
    })),
  };
}
