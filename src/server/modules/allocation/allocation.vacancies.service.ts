import type { VacancyView } from '../../../shared/allocation/api';
import type { ReturnReason } from '../../../shared/allocation/model';
import { addDays, daysBetween, today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import * as offersRepo from './allocation.offers.repository';
import { invalid, isoDate, presentOffer, presentTenancy } from './allocation.present';
import { findDepartment, num, partnerDepartments as partnerDepartmentsOf } from './allocation.repository';
import type { VacancyBody } from './allocation.schema';
import { getSettings } from './allocation.settings.service';
import * as vacanciesRepo from './allocation.vacancies.repository';

/** Vacancies (issue 5 §4): recorded by the officer, reported by a housing organisation or imported; returned unused with a reason; the figures of the dialogue report. */

function presentVacancy(
  v: vacanciesRepo.VacancyWithDepartment,
  offers: offersRepo.OfferWithNames[],
  tenancies: offersRepo.TenancyWithNames[],
  showNames: boolean,
): VacancyView {
  const end = v.status === 'returned' ? (v.returned_on ?? today()) : (tenancies[0]?.accepted_on ?? today());
  const emptyDays = Math.max(0, daysBetween(v.available_on, end < today() ? end : today()));
  const live = offers.find((o) => o.status === 'open');
  return {
    id: v.id,
    departmentId: v.department_id,
    address: v.address,
    unitType: v.unit_type,
    rooms: v.rooms,
    areaM2: num(v.area_m2),
    rent: num(v.rent),
    utilities: num(v.utilities),
    deposit: num(v.deposit),
    accessible: v.accessible,
    availableOn: v.available_on,
    origin: v.origin,
    deadlineOn: v.deadline_on,
    organisationId: v.organisation_id,
    organisationName: v.organisation_name,
    departmentNumber: v.department_number,
    departmentName: v.department_name,
    areaStatus: v.area_status,
    status: v.status,
    reportedVia: v.reported_via,
    reportedByName: v.reported_by_name ?? '',
    createdAt: isoDate(v.created_at),
    returnedOn: v.returned_on,
    returnedReason: v.returned_reason,
    returnedNote: v.returned_note,
    emptyDays,
    // The municipality pays the rent from when the unit is at its disposal until it is let (§ 59 stk. 1; domain.md §4).
    emptyRent: Math.round(((num(v.rent) * 12) / 365) * emptyDays),
    liveOffer: live ? presentOffer(live, showNames) : null,
    tenancy: tenancies[0] ? presentTenancy(tenancies[0], showNames) : null,
  };
}

async function presentVacancies(
  trx: Tx,
  actor: Actor,
  rows: vacanciesRepo.VacancyWithDepartment[],
  showNames: boolean,
) {
  const ids = rows.map((v) => v.id);
  const [offers, tenancies] = await Promise.all([
    offersRepo.offersOf(trx, actor.municipalityId, { vacancyIds: ids }),
    offersRepo.tenanciesOf(trx, actor.municipalityId, { vacancyIds: ids }),
  ]);
  return rows.map((v) =>
    presentVacancy(
      v,
      offers.filter((o) => o.vacancy_id === v.id),
      tenancies.filter((t) => t.vacancy_id === v.id),
      showNames,
    ),
  );
}

export async function createVacancy(
  trx: Tx,
  actor: Actor,
  input: VacancyBody,
  via: 'officer' | 'partner' | 'import',
  importKey: string | null = null,
): Promise<string | null> {
  const department =
    via === 'partner'
      ? (await partnerDepartmentsOf(trx, actor.municipalityId, actor.userId)).find(
          (d) => d.id === input.departmentId,
        )
      : await findDepartment(trx, actor.municipalityId, input.departmentId);
  if (!department)
    throw invalid([{ path: 'departmentId', code: via === 'partner' ? 'unknown_department' : 'unknown' }]);
  const settings = await getSettings(trx, actor);
  const deadlineOn = input.deadlineOn ?? addDays(input.availableOn, settings.nameDeadlineDays);
  if (deadlineOn < input.availableOn) throw invalid([{ path: 'deadlineOn', code: 'end_before_start' }]);
  const row = await vacanciesRepo.insertVacancy(trx, actor.municipalityId, {
    department_id: input.departmentId,
    address: input.address,
    unit_type: input.unitType,
    rooms: input.rooms,
    area_m2: input.areaM2,
    rent: input.rent,
    utilities: input.utilities,
    deposit: input.deposit,
    accessible: input.accessible,
    available_on: input.availableOn,
    origin: input.origin,
    deadline_on: deadlineOn,
    returned_on: null,
    returned_reason: null,
    returned_note: null,
    reported_via: via,
    reported_by: actor.userId,
    import_key: importKey,
  });
  if (!row) return null; // the same import row, already imported
  await audit(trx, actor, 'allocation.vacancy_create', 'vacancy', row.id, {
    via,
    departmentId: input.departmentId,
  });
  return row.id;
}

export async function getVacancy(trx: Tx, actor: Actor, id: string, partner = false): Promise<VacancyView> {
  const v = await vacanciesRepo.findVacancy(
    trx,
    actor.municipalityId,
    id,
    partner ? { partnerUserId: actor.userId } : {},
  );
  if (!v) throw new AppError('NOT_FOUND');
  return (await presentVacancies(trx, actor, [v], !partner))[0] as VacancyView;
}

export async function listVacancies(trx: Tx, actor: Actor, status: string | undefined, partner = false) {
  const rows = await vacanciesRepo.listVacancies(trx, actor.municipalityId, {
    ...(status ? { status } : {}),
    ...(partner ? { partnerUserId: actor.userId } : {}),
  });
  return presentVacancies(trx, actor, rows, !partner);
}

export async function partnerDepartments(trx: Tx, actor: Actor) {
  return (await partnerDepartmentsOf(trx, actor.municipalityId, actor.userId)).map((d) => ({
    id: d.id,
    organisationName: d.organisation_name,
    number: d.number,
    name: d.name,
    address: d.address,
  }));
}

/** Gives an open unit back to the housing organisation unused, with the reason (reported at the dialogue meetings). */
export async function returnVacancy(
  trx: Tx,
  actor: Actor,
  id: string,
  input: { reason: ReturnReason; note?: string | undefined; returnedOn?: string | undefined },
) {
  const v = await vacanciesRepo.findVacancy(trx, actor.municipalityId, id, { lock: true });
  if (!v) throw new AppError('NOT_FOUND');
  const returnedOn = input.returnedOn ?? today();
  if (returnedOn < v.available_on) throw invalid([{ path: 'returnedOn', code: 'end_before_start' }]);
  if (returnedOn > today()) throw invalid([{ path: 'returnedOn', code: 'future_date' }]);
  const offers = await offersRepo.offersOf(trx, actor.municipalityId, { vacancyIds: [id] });
  if (offers.some((o) => o.status === 'open')) throw new AppError('OFFER_CONFLICT');
  const ok = await vacanciesRepo.setVacancyStatus(trx, actor.municipalityId, id, 'open', {
    status: 'returned',
    returned_on: returnedOn,
    returned_reason: input.reason,
    returned_note: input.note ?? null,
  });
  if (!ok) throw new AppError('VACANCY_NOT_OPEN');
  await audit(trx, actor, 'allocation.vacancy_return', 'vacancy', id, { reason: input.reason });
  return getVacancy(trx, actor, id);
}

/** Received, used and returned units per department for the housing module's dialogue report (issue 5 §8). */
export async function receivedUnits(
  trx: Tx,
  municipalityId: string,
  organisationId: string,
  from: string,
  to: string,
) {
  const rows = await vacanciesRepo.vacancyFigures(trx, municipalityId, organisationId, from, to);
  const perDepartment = new Map<string, { received: number; used: number; returnedUnused: number }>();
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const d = perDepartment.get(r.department_id) ?? { received: 0, used: 0, returnedUnused: 0 };
    d.received += r.n;
    if (r.status === 'let') d.used += r.n;
    if (r.status === 'returned') {
      d.returnedUnused += r.n;
      const reason = r.returned_reason ?? 'other';
      reasons.set(reason, (reasons.get(reason) ?? 0) + r.n);
    }
    perDepartment.set(r.department_id, d);
  }
  return { perDepartment, reasons: [...reasons].map(([reason, count]) => ({ reason, count })) };
}

/** Waiting-list applicants in the reduced-function target group, longest waiting first (issue 4 §7: use the two lists together). */
