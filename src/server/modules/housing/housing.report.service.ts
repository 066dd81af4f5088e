/**
 * The dialogue-meeting report (issue 4 §4): expected against received, used and returned-unused
 * units per department of one organisation for a period.
 */
import { expectedInPeriod, expectedPerYear } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { emptyRentByDepartment, receivedUnits } from '../allocation';
import { assertPeriod, inForceOn } from './housing.policy';
import * as repo from './housing.repository';
import type { DialogueReport } from './housing.types';

/**
 * Expected against received and used units per department of one organisation for a period.
 * Received, used and returned-unused come from the vacancies the allocation module records
 * (received: available in the period; used: let; returned: given back unused, with the reason).
 */
export async function dialogueReport(
  trx: Tx,
  actor: Actor & { municipality?: { name: string; authority: string } },
  organisationId: string,
  from: string,
  to: string,
): Promise<DialogueReport> {
  assertPeriod(from, to, 'to');
  const organisation = await repo.findOrganisation(trx, actor.municipalityId, organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  const departments = await repo.listDepartments(trx, actor.municipalityId, to, { organisationId });
  const perYear = await agreedUnits(trx, actor.municipalityId, from, to, organisationId);
  // Received, used and returned units are the vacancies the allocation module records.
  const figures = await receivedUnits(trx, actor.municipalityId, organisationId, from, to);
  // Empty rent (tomgangsleje): what the units stood empty cost the municipality (design.md §1: economy).
  const empty = await emptyRentByDepartment(trx, actor.municipalityId, organisationId, from, to);
  const rows = departments.map((d) => ({
    departmentId: d.id,
    number: d.number,
    name: d.name,
    areaStatus: d.status,
    expected: perYear.get(d.id) ?? 0,
    received: figures.perDepartment.get(d.id)?.received ?? 0,
    used: figures.perDepartment.get(d.id)?.used ?? 0,
    returnedUnused: figures.perDepartment.get(d.id)?.returnedUnused ?? 0,
    emptyDays: empty.get(d.id)?.emptyDays ?? 0,
    emptyRent: empty.get(d.id)?.emptyRent ?? 0,
  }));
  await audit(trx, actor, 'housing.report', 'housing_organisation', organisationId, { from, to });
  return {
    organisation: { id: organisation.id, name: organisation.name },
    municipality: actor.municipality ?? { name: '', authority: '' },
    from,
    to,
    departments: rows,
    totals: {
      expected: rows.reduce((s, r) => s + r.expected, 0),
      received: rows.reduce((s, r) => s + r.received, 0),
      used: rows.reduce((s, r) => s + r.used, 0),
      returnedUnused: rows.reduce((s, r) => s + r.returnedUnused, 0),
      emptyDays: rows.reduce((s, r) => s + r.emptyDays, 0),
      emptyRent: rows.reduce((s, r) => s + r.emptyRent, 0),
    },
    returnedReasons: figures.reasons,
    vacancyDataAvailable: true,
  };
}

/**
 * The units agreed for a period per department: under the agreement in force on each month's first
 * day, the month's share of the expected units per year (units × turnover × quota), summed. Of one
 * organisation, or of every organisation (the insight module's agreed against received and used units).
 */
export async function agreedUnits(
  trx: Tx,
  municipalityId: string,
  from: string,
  to: string,
  organisationId?: string,
): Promise<Map<string, number>> {
  const perDepartment = new Map<string, number>();
  // The agreement in force can change within the period: take the quotas on each month's first day.
  const months = monthStarts(from, to);
  const lines = await repo.quotaLinesBetween(
    trx,
    municipalityId,
    months[0]?.start ?? from,
    months.at(-1)?.start ?? to,
    organisationId,
  );
  for (const month of months) {
    for (const l of lines) {
      if (!inForceOn(l, month.start)) continue;
      const share = expectedInPeriod(
        expectedPerYear(l.units, l.turnover_percent, l.quota_percent),
        month.start,
        month.end,
      );
      perDepartment.set(l.department_id, (perDepartment.get(l.department_id) ?? 0) + share);
    }
  }
  return perDepartment;
}

/** The period split at month boundaries: [start, end] of each part. */
export function monthStarts(from: string, to: string): { start: string; end: string }[] {
  const parts: { start: string; end: string }[] = [];
  let start = from;
  while (start <= to) {
    const d = new Date(`${start}T00:00:00Z`);
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    const endOfMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))
      .toISOString()
      .slice(0, 10);
    parts.push({ start, end: endOfMonth < to ? endOfMonth : to });
    start = next;
  }
  return parts;
}
