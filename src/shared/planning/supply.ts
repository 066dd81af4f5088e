import { expectedPerYear, type UnitType } from '../housing/supply';

/**
 * The planning model's supply (issue 19 §2): the units the municipality can expect month by month
 * from its framework agreements (units × turnover × quota, the housing module's `expectedPerYear`,
 * spread evenly over the year's months), from new builds in the month they are ready (units × the
 * municipality's share), and from other sources at their recent rate (rent-subsidy pools, units
 * outside the agreements).
 */

/** One department's units of one type under the agreement in force. */
export interface SupplyLine {
  organisationId: string;
  unitType: UnitType;
  units: number;
  turnoverPercent: number;
  quotaPercent: number;
}

/** A new build (or conversion): its units, when they are ready, and the municipality's share. */
export interface SupplyBuild {
  readyDate: string;
  units: number;
  allocationPercent: number;
}

export interface SupplyInput {
  lines: SupplyLine[];
  builds: SupplyBuild[];
  /** Units a month from other sources (subsidy pools, outside the agreements), from the history. */
  otherUnitsPerMonth: number;
}

/** What a scenario changes in the supply. */
export interface SupplyChanges {
  /** A new quota per organisation (percent), for all its lines. */
  quotaPercent?: Record<string, number>;
  /** New builds added to those planned. */
  builds?: SupplyBuild[];
}

export interface MonthlySupply {
  agreements: number[];
  builds: number[];
  other: number[];
  total: number[];
}

/** The units of each month of the forecast (`monthEnds`, YYYY-MM-DD), by source. */
export function monthlySupply(
  input: SupplyInput,
  monthEnds: readonly string[],
  changes: SupplyChanges = {},
): MonthlySupply {
  const perMonth =
    input.lines.reduce((sum, line) => {
      const quota = changes.quotaPercent?.[line.organisationId] ?? line.quotaPercent;
      return sum + expectedPerYear(line.units, line.turnoverPercent, quota);
    }, 0) / 12;
  const builds = [...input.builds, ...(changes.builds ?? [])];
  const agreements = monthEnds.map(() => perMonth);
  const built = monthEnds.map((end) =>
    builds
      .filter((b) => b.readyDate.slice(0, 7) === end.slice(0, 7))
      .reduce((sum, b) => sum + (b.units * b.allocationPercent) / 100, 0),
  );
  const other = monthEnds.map(() => input.otherUnitsPerMonth);
  return {
    agreements,
    builds: built,
    other,
    total: monthEnds.map((_, t) => (agreements[t] ?? 0) + (built[t] ?? 0) + (other[t] ?? 0)),
  };
}
