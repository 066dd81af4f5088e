import type { ApplicationSummary, OfferView, TenancyView } from '../../../shared/allocation/api';
import { householdCounts, maxRent } from '../../../shared/allocation/eligibility';
import type { AllocationSettings } from '../../../shared/allocation/model';
import { AppError } from '../../errors';
import type { AuthContext } from '../../platform/actor';
import { displayName } from '../citizens';
import type * as applicationsRepo from './allocation.applications.repository';
import type * as offersRepo from './allocation.offers.repository';
import { json, num } from './allocation.repository';
import type { ApplicationRow } from './allocation.table';

/** Presenters of the allocation module: rows to the views of src/shared/allocation/api.ts, and the small helpers they share. */

export type Problem = { path: string; code: string };
export const invalid = (fields: Problem[]) => new AppError('V_VALIDATION', { fields });

export const isoDate = (d: Date) => d.toISOString();
export const nameOf = (c: {
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
}) => displayName(c) ?? '';

export function presentSummary(r: applicationsRepo.ApplicationWithCitizen): ApplicationSummary {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: nameOf(r),
    birthDate: r.citizen_birth_date,
    status: r.status,
    area: r.area,
    targetGrounds: json(r.target_grounds),
    householdSize: r.household_size,
    priority: r.priority,
    submittedAt: isoDate(r.submitted_at),
    submittedByName: r.submitted_by_name,
    waitingSince: r.waiting_since,
  };
}

export function presentOffer(o: offersRepo.OfferWithNames, showName = true): OfferView {
  return {
    id: o.id,
    vacancyId: o.vacancy_id,
    applicationId: o.application_id,
    citizenId: showName ? o.citizen_id : '',
    citizenName: showName ? nameOf(o) : '',
    address: o.address,
    status: o.status,
    offeredAt: isoDate(o.offered_at),
    replyBy: o.reply_by,
    respondedAt: o.responded_at ? isoDate(o.responded_at) : null,
    declineReason: o.decline_reason,
    note: showName ? o.note : null,
    countsAsRefusal: o.counts_as_refusal,
    offeredByName: o.offered_by_name ?? '',
  };
}

export function presentTenancy(t: offersRepo.TenancyWithNames, showName = true): TenancyView {
  return {
    id: t.id,
    vacancyId: t.vacancy_id,
    applicationId: t.application_id,
    citizenId: showName ? t.citizen_id : '',
    citizenName: showName ? nameOf(t) : '',
    address: t.address,
    acceptedOn: t.accepted_on,
    leaseSignedOn: t.lease_signed_on,
    plannedMoveInOn: t.planned_move_in_on,
    movedInOn: t.moved_in_on,
  };
}

export const membersOf = (r: Pick<ApplicationRow, 'members'>) => json(r.members);

export const maxRentOf = (
  r: Pick<ApplicationRow, 'monthly_income' | 'fixed_costs' | 'members'>,
  settings: AllocationSettings,
  onDate: string,
) => maxRent(num(r.monthly_income), num(r.fixed_costs), householdCounts(membersOf(r), onDate), settings);

/** The application page; every view is a logged read of personal data. */

/** The sender of a letter: the acting user's municipality and its authority. */
export const letterMunicipality = (actor: AuthContext) => ({
  name: actor.municipality.name,
  authority: actor.municipality.authority,
});
