import {
  type AllocationSettings,
  type ApplicationAction,
  type ApplicationStatus,
  ASSESSMENT_ACTIONS,
  type DeclineReason,
  OPEN_STATUSES,
} from '../../../shared/allocation/model';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';

/**
 * Who may do what in housing allocation, and what the municipality's refusal policy decides: pure
 * rules from the actor, the application and the policy to a decision, each with an `assert…`
 * variant that throws the catalogue error. The routes demand the coarse permission; these decide
 * the rest.
 */

/**
 * Who may take which step of an application: the assessment steps are the allocation officer's
 * (allocation.manage); supplying the information asked for is the caseworker's (allocation.apply);
 * either may withdraw; `house` is the system's, taken when the move-in is recorded.
 */
export function mayTake(actor: Pick<Actor, 'permissions'>, action: ApplicationAction): boolean {
  if ((ASSESSMENT_ACTIONS as readonly string[]).includes(action))
    return actor.permissions.has('allocation.manage');
  if (action === 'resubmit') return actor.permissions.has('allocation.apply');
  if (action === 'withdraw')
    return actor.permissions.has('allocation.apply') || actor.permissions.has('allocation.manage');
  return false;
}

export function assertMayTake(...args: Parameters<typeof mayTake>): void {
  if (!mayTake(...args)) throw new AppError('FORBIDDEN');
}

/** An application's facts may be changed while it is open (submitted, needs info, approved or paused). */
export function mayUpdateApplication(status: ApplicationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function assertMayUpdateApplication(status: ApplicationStatus): void {
  if (!mayUpdateApplication(status))
    throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { params: { from: status, action: 'update' } });
}

/**
 * A unit is offered only to an application on the waiting list (approved) that holds fewer live
 * offers than the municipality allows at once.
 */
export function mayReceiveOffer(
  status: ApplicationStatus,
  liveOffers: number,
  settings: Pick<AllocationSettings, 'maxLiveOffers'>,
): boolean {
  return status === 'approved' && liveOffers < settings.maxLiveOffers;
}

/** Only an approved application is on the waiting list and can be offered a unit. */
export function assertOnWaitingList(status: ApplicationStatus): void {
  if (status !== 'approved') throw new AppError('APPLICATION_NOT_ON_LIST');
}

/** An applicant holds at most `maxLiveOffers` open offers at once. */
export function assertMayHoldAnotherOffer(
  liveOffers: number,
  settings: Pick<AllocationSettings, 'maxLiveOffers'>,
): void {
  if (liveOffers >= settings.maxLiveOffers) throw new AppError('APPLICANT_HAS_LIVE_OFFER');
}

/**
 * A decline counts as a refusal without reasonable cause when its reason is one the municipality
 * lists (domain.md rule 25: a refusal changes list status per local policy).
 */
export function declineCountsAsRefusal(
  settings: Pick<AllocationSettings, 'refusalReasons'>,
  reason: DeclineReason,
): boolean {
  return settings.refusalReasons.includes(reason);
}

/** No answer by the reply deadline counts as a refusal when the municipality says so (domain.md rule 25). */
export function noReplyCountsAsRefusal(
  settings: Pick<AllocationSettings, 'noReplyCountsAsRefusal'>,
): boolean {
  return settings.noReplyCountsAsRefusal;
}

/**
 * What follows the given number of refusals (domain.md rule 25): nothing below the limit or when
 * the policy only warns; at the limit, the application is paused or removed from the list.
 */
export function refusalConsequence(
  settings: Pick<AllocationSettings, 'refusalLimit' | 'refusalConsequence'>,
  refusals: number,
): 'pause' | 'remove' | null {
  if (refusals < settings.refusalLimit || settings.refusalConsequence === 'warn') return null;
  return settings.refusalConsequence === 'remove' ? 'remove' : 'pause';
}

/**
 * Waiting-list figures leave case work when the reader does not work the cases (no
 * allocation.read: the leader and economy roles): they get the aggregates with small numbers
 * suppressed (design.md §2 "insight": n < 5; domain.md rule 33), never names.
 */
export function seesExactWaitingCounts(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('allocation.read');
}
