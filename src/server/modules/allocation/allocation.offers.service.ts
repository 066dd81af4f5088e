import type { AcceptInput, DeclineInput, OfferView, TenancyView } from '../../../shared/allocation/api';
import type { AllocationSettings } from '../../../shared/allocation/model';
import { nextStatus } from '../../../shared/allocation/status';
import { addDays, today } from '../../../shared/dates';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit, logPersonalDataRead } from '../../platform/audit';
import { addEpisode } from '../citizens';
import * as applicationsRepo from './allocation.applications.repository';
import { loadApplication, transition, withdrawOpenOffers } from './allocation.applications.service';
import * as offersRepo from './allocation.offers.repository';
import {
  assertMayHoldAnotherOffer,
  assertOnWaitingList,
  declineCountsAsRefusal,
  noReplyCountsAsRefusal,
  refusalConsequence,
} from './allocation.policy';
import { invalid, presentOffer, presentTenancy } from './allocation.present';
import { rankCandidates } from './allocation.ranking.service';
import { getSettings } from './allocation.settings.service';
import * as vacanciesRepo from './allocation.vacancies.repository';

/**
 * Offers and tenancies (issue 5 §6): one live offer per vacancy, accept / decline / expire /
 * withdraw under the municipality's refusal policy, the offer letter, the lease and the move-in.
 */

/** Offers a vacancy to an eligible applicant. One live offer per vacancy; the second officer gets a conflict. */
export async function makeOffer(
  trx: Tx,
  actor: Actor,
  vacancyId: string,
  input: { applicationId: string; replyBy?: string | undefined },
) {
  const v = await vacanciesRepo.findVacancy(trx, actor.municipalityId, vacancyId, { lock: true });
  if (!v) throw new AppError('NOT_FOUND');
  if (v.status !== 'open') throw new AppError('VACANCY_NOT_OPEN');
  const settings = await getSettings(trx, actor);
  const replyBy = input.replyBy ?? addDays(today(), settings.replyDays);
  if (replyBy < today()) throw invalid([{ path: 'replyBy', code: 'future_date_required' }]);
  const app = await applicationsRepo.findApplication(trx, actor.municipalityId, input.applicationId, true);
  if (!app) throw invalid([{ path: 'applicationId', code: 'unknown' }]);
  assertOnWaitingList(app.status);
  const live = Number((await offersRepo.liveOfferCount(trx, actor.municipalityId, app.id)).n);
  assertMayHoldAnotherOffer(live, settings);
  const list = await rankCandidates(trx, actor, v, { policy: settings });
  const candidate = list.eligible.find((c) => c.id === app.id);
  if (!candidate) {
    const reasons = list.excluded
      .find((c) => c.id === app.id)
      ?.checks.filter((c) => c.outcome === 'fail')
      .map((c) => c.key)
      .join(', ');
    throw new AppError('CANDIDATE_NOT_ELIGIBLE', { params: { reasons: reasons ?? '' } });
  }
  let offerId: string;
  try {
    ({ id: offerId } = await offersRepo.insertOffer(trx, actor.municipalityId, {
      vacancyId,
      applicationId: app.id,
      replyBy,
      userId: actor.userId,
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('OFFER_CONFLICT');
    throw error;
  }
  await audit(trx, actor, 'allocation.offer_make', 'offer', offerId, {
    vacancyId,
    applicationId: app.id,
    rank: candidate.rank,
  });
  return presentOffer(
    (await offersRepo.findOffer(trx, actor.municipalityId, offerId)) as offersRepo.OfferWithNames,
  );
}

async function openOffer(trx: Tx, actor: Actor, id: string) {
  const offer = await offersRepo.findOffer(trx, actor.municipalityId, id);
  if (!offer) throw new AppError('NOT_FOUND');
  if (offer.status !== 'open') throw new AppError('OFFER_NOT_OPEN');
  return offer;
}

/**
 * The applicant accepts: the offer closes, the vacancy is let and a tenancy begins — all or
 * nothing. Of concurrent accepts exactly one wins; the others find the offer answered.
 */
export async function acceptOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  input: AcceptInput,
): Promise<TenancyView> {
  const offer = await openOffer(trx, actor, id);
  if (input.leaseSignedOn && input.leaseSignedOn > today())
    throw invalid([{ path: 'leaseSignedOn', code: 'future_date' }]);
  if (!(await offersRepo.closeOffer(trx, actor.municipalityId, id, { status: 'accepted' }, actor.userId)))
    throw new AppError('OFFER_NOT_OPEN');
  if (
    !(await vacanciesRepo.setVacancyStatus(trx, actor.municipalityId, offer.vacancy_id, 'open', {
      status: 'let',
    }))
  )
    throw new AppError('VACANCY_NOT_OPEN');
  let tenancyId: string;
  try {
    ({ id: tenancyId } = await offersRepo.insertTenancy(trx, actor.municipalityId, {
      vacancy_id: offer.vacancy_id,
      offer_id: id,
      application_id: offer.application_id,
      citizen_id: offer.citizen_id,
      accepted_on: today(),
      lease_signed_on: input.leaseSignedOn ?? null,
      planned_move_in_on: input.plannedMoveInOn ?? null,
      moved_in_on: null,
    }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('OFFER_CONFLICT');
    throw error;
  }
  await audit(trx, actor, 'allocation.offer_accept', 'offer', id, { vacancyId: offer.vacancy_id, tenancyId });
  if (input.leaseSignedOn) await audit(trx, actor, 'allocation.lease_signed', 'tenancy', tenancyId);
  return presentTenancy(
    (await offersRepo.findTenancy(trx, actor.municipalityId, tenancyId)) as offersRepo.TenancyWithNames,
  );
}

/** A refusal without reasonable cause counts; at the limit the configured consequence follows (domain.md rule 25). */
async function countRefusal(trx: Tx, actor: Actor, applicationId: string, settings: AllocationSettings) {
  const app = await loadApplication(trx, actor, applicationId, true);
  const refusals = app.refusals + 1;
  await applicationsRepo.updateApplication(trx, actor.municipalityId, app.id, { refusals });
  await applicationsRepo.insertEvent(trx, actor.municipalityId, {
    applicationId: app.id,
    action: 'refusal',
    fromStatus: app.status,
    toStatus: app.status,
    reason: `${refusals}/${settings.refusalLimit}`,
    userId: actor.userId,
  });
  const action = refusalConsequence(settings, refusals);
  if (!action) return;
  if (!nextStatus(app.status, action)) return;
  await transition(
    trx,
    actor,
    { ...app, refusals },
    action,
    `refusal_limit:${refusals}`,
    action === 'pause' ? { paused_until: addDays(today(), settings.pauseDays) } : {},
  );
}

export async function declineOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  input: DeclineInput,
): Promise<OfferView> {
  const offer = await openOffer(trx, actor, id);
  const settings = await getSettings(trx, actor);
  const counts = declineCountsAsRefusal(settings, input.reason);
  if (
    !(await offersRepo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      {
        status: 'declined',
        decline_reason: input.reason,
        counts_as_refusal: counts,
        note: input.note ?? null,
      },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_decline', 'offer', id, {
    reason: input.reason,
    countsAsRefusal: counts,
  });
  if (counts) await countRefusal(trx, actor, offer.application_id, settings);
  return presentOffer(
    (await offersRepo.findOffer(trx, actor.municipalityId, id)) as offersRepo.OfferWithNames,
  );
}

export async function expireOffer(trx: Tx, actor: Actor, id: string): Promise<OfferView> {
  const offer = await openOffer(trx, actor, id);
  if (offer.reply_by >= today())
    throw new AppError('OFFER_DEADLINE_NOT_PASSED', { params: { replyBy: offer.reply_by } });
  const settings = await getSettings(trx, actor);
  const counts = noReplyCountsAsRefusal(settings);
  if (
    !(await offersRepo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      { status: 'expired', counts_as_refusal: counts },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_expire', 'offer', id, { countsAsRefusal: counts });
  if (counts) await countRefusal(trx, actor, offer.application_id, settings);
  return presentOffer(
    (await offersRepo.findOffer(trx, actor.municipalityId, id)) as offersRepo.OfferWithNames,
  );
}

export async function withdrawOffer(
  trx: Tx,
  actor: Actor,
  id: string,
  note: string | undefined,
): Promise<OfferView> {
  await openOffer(trx, actor, id);
  if (
    !(await offersRepo.closeOffer(
      trx,
      actor.municipalityId,
      id,
      { status: 'withdrawn', note: note ?? null },
      actor.userId,
    ))
  )
    throw new AppError('OFFER_NOT_OPEN');
  await audit(trx, actor, 'allocation.offer_withdraw', 'offer', id);
  return presentOffer(
    (await offersRepo.findOffer(trx, actor.municipalityId, id)) as offersRepo.OfferWithNames,
  );
}

export async function offerLetterData(trx: Tx, actor: Actor, id: string) {
  const offer = await offersRepo.findOffer(trx, actor.municipalityId, id);
  if (!offer) throw new AppError('NOT_FOUND');
  const v = await vacanciesRepo.findVacancy(trx, actor.municipalityId, offer.vacancy_id);
  const app = await loadApplication(trx, actor, offer.application_id);
  await logPersonalDataRead(trx, actor, {
    entityType: 'offer',
    entityId: id,
    purpose: 'allocation',
    details: { letter: true },
  });
  return {
    offer,
    vacancy: v as vacanciesRepo.VacancyWithDepartment,
    application: app,
    settings: await getSettings(trx, actor),
  };
}

export async function signLease(trx: Tx, actor: Actor, id: string, signedOn: string): Promise<TenancyView> {
  const t = await offersRepo.findTenancy(trx, actor.municipalityId, id, true);
  if (!t) throw new AppError('NOT_FOUND');
  if (signedOn > today()) throw invalid([{ path: 'signedOn', code: 'future_date' }]);
  if (t.moved_in_on) throw new AppError('TENANCY_ALREADY_MOVED_IN');
  await offersRepo.updateTenancy(trx, actor.municipalityId, id, { lease_signed_on: signedOn });
  await audit(trx, actor, 'allocation.lease_signed', 'tenancy', id, { signedOn });
  return presentTenancy(
    (await offersRepo.findTenancy(trx, actor.municipalityId, id)) as offersRepo.TenancyWithNames,
  );
}

/** The citizen has moved in: whereabouts becomes own home from that day and the application is closed as housed. */
export async function moveIn(trx: Tx, actor: Actor, id: string, movedInOn: string): Promise<TenancyView> {
  const t = await offersRepo.findTenancy(trx, actor.municipalityId, id, true);
  if (!t) throw new AppError('NOT_FOUND');
  if (movedInOn > today()) throw invalid([{ path: 'movedInOn', code: 'future_date' }]);
  if (t.moved_in_on) throw new AppError('TENANCY_ALREADY_MOVED_IN');
  if (!t.lease_signed_on) throw new AppError('TENANCY_LEASE_MISSING');
  if (movedInOn < t.lease_signed_on) throw invalid([{ path: 'movedInOn', code: 'before_from' }]);
  await offersRepo.updateTenancy(trx, actor.municipalityId, id, { moved_in_on: movedInOn });
  await addEpisode(trx, actor, t.citizen_id, {
    situation: 'housed',
    fromDate: movedInOn,
    hasContract: true,
    note: null,
  });
  const app = await loadApplication(trx, actor, t.application_id, true);
  if (nextStatus(app.status, 'house')) {
    await transition(trx, actor, app, 'house', null);
    await withdrawOpenOffers(trx, actor, app.id);
  }
  await audit(trx, actor, 'allocation.moved_in', 'tenancy', id, { movedInOn });
  return presentTenancy(
    (await offersRepo.findTenancy(trx, actor.municipalityId, id)) as offersRepo.TenancyWithNames,
  );
}
