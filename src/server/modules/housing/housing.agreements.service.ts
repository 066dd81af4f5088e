/**
 * Framework agreements with their quotas, and the units expected from them (units × turnover ×
 * quota under the agreement in force, plus new builds ready that year). Changes are audited in the
 * caller's transaction.
 */
import { today } from '../../../shared/dates';
import {
  type AreaStatus,
  expectedPerQuarter,
  expectedPerYear,
  type UnitType,
} from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import {
  assertAgreementQuotas,
  assertNoAgreementOverlap,
  assertPeriod,
  invalidField,
} from './housing.policy';
import * as repo from './housing.repository';
import type { AgreementInput } from './housing.schema';
import type { UnitCounts } from './housing.types';

const { num } = repo;
const zero = (): UnitCounts => ({ family: 0, youth: 0, elderly: 0, alternative: 0 });

function presentAgreement(a: Awaited<ReturnType<typeof repo.listAgreements>>[number]) {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    organisationName: a.organisation_name,
    name: a.name,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    quotas: a.quotas,
  };
}

export async function listAgreements(trx: Tx, actor: Actor) {
  const rows = await repo.listAgreements(trx, actor.municipalityId);
  return rows.map(presentAgreement);
}

/**
 * Saves an agreement with its quotas (new, or replacing an existing one's). Refused as a whole when
 * the period is backwards, a department is not the organisation's, or a department already has
 * quotas in another agreement for an overlapping period.
 */
export async function saveAgreement(trx: Tx, actor: Actor, id: string | null, input: AgreementInput) {
  assertPeriod(input.validFrom, input.validTo, 'validTo');
  if (!(await repo.findOrganisation(trx, actor.municipalityId, input.organisationId)))
    throw invalidField('organisationId', 'invalid');
  const own = new Set(
    (
      await repo.listDepartments(trx, actor.municipalityId, today(), { organisationId: input.organisationId })
    ).map((d) => d.id),
  );
  assertAgreementQuotas(input.quotas, own);
  const departmentIds = [...new Set(input.quotas.map((q) => q.departmentId))];
  assertNoAgreementOverlap(
    await repo.overlappingAgreements(
      trx,
      actor.municipalityId,
      departmentIds,
      { from: input.validFrom, to: input.validTo },
      id,
    ),
  );
  const values = {
    organisation_id: input.organisationId,
    name: input.name,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
  let agreementId: string;
  if (id) {
    if (!(await repo.updateAgreement(trx, actor.municipalityId, id, values))) throw new AppError('NOT_FOUND');
    agreementId = id;
  } else {
    agreementId = await repo.insertAgreement(trx, { ...values, municipality_id: actor.municipalityId });
  }
  await repo.replaceQuotas(trx, actor.municipalityId, agreementId, input.quotas);
  await audit(
    trx,
    actor,
    id ? 'housing.agreement_update' : 'housing.agreement_create',
    'framework_agreement',
    agreementId,
    { quotas: input.quotas.length },
  );
  const [saved] = await repo.listAgreements(trx, actor.municipalityId, agreementId);
  if (!saved) throw new AppError('NOT_FOUND');
  return presentAgreement(saved);
}

interface ExpectedDepartment {
  departmentId: string;
  number: string;
  name: string;
  areaStatus: AreaStatus | null;
  lines: {
    unitType: UnitType;
    units: number;
    turnoverPercent: number;
    quotaPercent: number;
    perYear: number;
    perQuarter: number;
  }[];
}

interface ExpectedOrganisation {
  organisationId: string;
  name: string;
  expected: UnitCounts;
  departments: Map<string, ExpectedDepartment>;
}

/** Expected units for a year: units × turnover × quota under the agreement in force mid-year, plus new builds ready that year. */
export async function expectedUnits(trx: Tx, actor: Actor, year: number) {
  const lines = await repo.quotaLines(trx, actor.municipalityId, `${year}-07-01`);
  const statuses = new Map(
    (await repo.listDepartments(trx, actor.municipalityId, `${year}-07-01`)).map((d) => [d.id, d.status]),
  );
  const organisations = new Map<string, ExpectedOrganisation>();
  const totals = { ...zero(), pipeline: 0 };
  for (const l of lines) {
    const org = organisations.get(l.organisation_id) ?? {
      organisationId: l.organisation_id,
      name: l.organisation_name,
      expected: zero(),
      departments: new Map(),
    };
    organisations.set(l.organisation_id, org);
    const dept = org.departments.get(l.department_id) ?? {
      departmentId: l.department_id,
      number: l.number,
      name: l.name,
      areaStatus: statuses.get(l.department_id) ?? null,
      lines: [],
    };
    org.departments.set(l.department_id, dept);
    const perYear = expectedPerYear(l.units, l.turnover_percent, l.quota_percent);
    dept.lines.push({
      unitType: l.unit_type,
      units: l.units,
      turnoverPercent: l.turnover_percent,
      quotaPercent: l.quota_percent,
      perYear,
      perQuarter: expectedPerQuarter(l.units, l.turnover_percent, l.quota_percent),
    });
    org.expected[l.unit_type] += perYear;
    totals[l.unit_type] += perYear;
  }
  const pipeline = (await repo.listPipeline(trx, actor.municipalityId))
    .filter((p) => p.ready_date.startsWith(String(year)))
    .map((p) => {
      const expected = (p.units * num(p.allocation_percent)) / 100;
      totals.pipeline += expected;
      return {
        id: p.id,
        name: p.name,
        unitType: p.unit_type,
        units: p.units,
        readyDate: p.ready_date,
        allocationPercent: num(p.allocation_percent),
        expected,
      };
    });
  return {
    year,
    organisations: [...organisations.values()].map((o) => ({
      ...o,
      departments: [...o.departments.values()],
    })),
    pipeline,
    totals,
  };
}
