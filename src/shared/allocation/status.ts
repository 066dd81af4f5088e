import type { ApplicationAction, ApplicationStatus, OfferStatus } from './model';

/**
 * The application's status machine (issue 5 §2): for each action, the statuses it may start from
 * and the status it leads to. Anything not in this table is an illegal transition.
 */
export const APPLICATION_TRANSITIONS: Record<
  ApplicationAction,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus }
> = {
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted', 'needs_info'], to: 'rejected' },
  request_info: { from: ['submitted'], to: 'needs_info' },
  resubmit: { from: ['needs_info'], to: 'submitted' },
  pause: { from: ['approved'], to: 'paused' },
  resume: { from: ['paused'], to: 'approved' },
  remove: { from: ['approved', 'paused'], to: 'removed' },
  withdraw: { from: ['submitted', 'needs_info', 'approved', 'paused'], to: 'withdrawn' },
  house: { from: ['approved', 'paused'], to: 'housed' },
};

/** The status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(from: ApplicationStatus, action: ApplicationAction): ApplicationStatus | null {
  const t = APPLICATION_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Every action allowed from a status. */
export function allowedActions(from: ApplicationStatus): ApplicationAction[] {
  return (Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[]).filter((a) => nextStatus(from, a));
}

/** Offers: only an open offer can be answered, expire or be withdrawn; the answers are final. */
export const OFFER_TRANSITIONS: Record<
  'accept' | 'decline' | 'expire' | 'withdraw',
  { from: OfferStatus[]; to: OfferStatus }
> = {
  accept: { from: ['open'], to: 'accepted' },
  decline: { from: ['open'], to: 'declined' },
  expire: { from: ['open'], to: 'expired' },
  withdraw: { from: ['open'], to: 'withdrawn' },
};
