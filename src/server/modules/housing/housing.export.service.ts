/** Everything the housing module holds, gathered for the XLSX export (issue 4 §8). */
import { today } from '../../../shared/dates';
import { expectedPerYear } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { listPipeline } from './housing.pipeline.service';
import { listPools } from './housing.pools.service';
import * as repo from './housing.repository';
import type { HousingExport } from './housing.types';

export async function exportData(
  trx: Tx,
  actor: Actor & { municipality?: { name: string } },
): Promise<HousingExport> {
  const onDate = today();
  const year = Number(onDate.slice(0, 4));
  const departments = await repo.listDepartments(trx, actor.municipalityId, onDate);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const statuses = await repo.listAreaStatuses(trx, actor.municipalityId);
  const agreements = await repo.listAgreements(trx, actor.municipalityId);
  const expected = await repo.quotaLines(trx, actor.municipalityId, `${year}-07-01`);
  const pools = await listPools(trx, actor);
  const pipeline = await listPipeline(trx, actor);
  const organisations = await repo.listOrganisations(trx, actor.municipalityId);
  await audit(trx, actor, 'housing.export', 'municipality', actor.municipalityId);
  return {
    municipality: { name: actor.municipality?.name ?? '' },
    organisations: organisations.map((o) => ({
      name: o.name,
      address: o.address,
      contactEmail: o.contact_email,
      contactPhone: o.contact_phone,
    })),
    departments: departments.map((d) => ({
      organisation: d.organisation_name,
      number: d.number,
      name: d.name,
      address: d.address,
      units: {
        family: d.units_family,
        youth: d.units_youth,
        elderly: d.units_elderly,
        alternative: d.units_alternative,
      },
      turnoverPercent: Number(d.turnover_percent),
      areaStatus: d.status,
    })),
    areaStatuses: statuses.map((s) => ({
      organisation: byId.get(s.department_id)?.organisation_name ?? '',
      number: byId.get(s.department_id)?.number ?? '',
      status: s.status,
      validFrom: s.valid_from,
      combinedLetting: s.combined_letting,
      section51c: s.section_51c,
    })),
    agreements: agreements.map((a) => ({
      organisation: a.organisation_name,
      name: a.name,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      quotas: a.quotas.map((q) => ({
        number: byId.get(q.departmentId)?.number ?? '',
        unitType: q.unitType,
        quotaPercent: q.quotaPercent,
        rehousingPercent: q.rehousingPercent,
      })),
    })),
    expected: {
      year,
      lines: expected.map((l) => ({
        organisation: l.organisation_name,
        number: l.number,
        unitType: l.unit_type,
        units: l.units,
        turnoverPercent: l.turnover_percent,
        quotaPercent: l.quota_percent,
        perYear: expectedPerYear(l.units, l.turnover_percent, l.quota_percent),
      })),
    },
    pools: pools.map((p) => ({
      name: p.name,
      validFrom: p.validFrom,
      validTo: p.validTo,
      budget: p.budget,
      monthlyReduction: p.monthlyReduction,
      rentMin: p.rentMin,
      rentMax: p.rentMax,
      remaining: p.remaining,
      units: p.units.map((u) => ({
        address: u.address,
        department: u.departmentName,
        rent: u.rent,
        boundFrom: u.boundFrom,
        boundTo: u.boundTo,
      })),
    })),
    pipeline: pipeline.map((p) => ({
      name: p.name,
      organisation: p.organisationName,
      kind: p.kind,
      unitType: p.unitType,
      units: p.units,
      readyDate: p.readyDate,
      allocationPercent: p.allocationPercent,
    })),
  };
}
