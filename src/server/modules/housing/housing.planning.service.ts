import type { SupplyBuild, SupplyLine } from '../../../shared/planning/supply';
import type { Executor } from '../../db/database';
import * as repo from './housing.repository';

/** The housing supply as the planning model reads it (issue 19 §2). */
export interface PlanningSupply {
  /** Each department's units of each type under the agreement in force, with turnover and quota. */
  lines: SupplyLine[];
  /** New builds and conversions ready on or after the date, with the municipality's share. */
  builds: (SupplyBuild & { organisationId: string | null; name: string })[];
  /** The organisations with a line, for a scenario's quota per organisation. */
  organisations: { id: string; name: string; quotaPercent: number }[];
}

/**
 * The agreements' lines in force on `onDate` (the units the housing module's expected units count:
 * units × turnover × quota) and the projects still to come, for other modules (planning).
 */
export async function planningSupply(db: Executor, m: string, onDate: string): Promise<PlanningSupply> {
  const [lines, projects] = await Promise.all([repo.quotaLines(db, m, onDate), repo.listPipeline(db, m)]);
  const organisations = new Map<string, { id: string; name: string; quotaPercent: number }>();
  for (const l of lines)
    if (!organisations.has(l.organisation_id) && l.quota_percent > 0)
      organisations.set(l.organisation_id, {
        id: l.organisation_id,
        name: l.organisation_name,
        quotaPercent: l.quota_percent,
      });
  return {
    lines: lines.map((l) => ({
      organisationId: l.organisation_id,
      unitType: l.unit_type,
      units: l.units,
      turnoverPercent: l.turnover_percent,
      quotaPercent: l.quota_percent,
    })),
    builds: projects
      .filter((p) => p.ready_date >= onDate)
      .map((p) => ({
        organisationId: p.organisation_id,
        name: p.name,
        readyDate: p.ready_date,
        units: p.units,
        allocationPercent: Number(p.allocation_percent),
      })),
    organisations: [...organisations.values()],
  };
}
