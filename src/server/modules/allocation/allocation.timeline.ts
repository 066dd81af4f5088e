import { danishDateOf } from '../../../shared/dates';
import type { TimelineItem, TimelineProvider } from '../../platform/timeline';
import * as repo from './allocation.timeline.repository';

const day = danishDateOf;

const STATUS_KIND: Record<string, string> = {
  submit: 'allocation_submitted',
  approve: 'allocation_approved',
  reject: 'allocation_rejected',
  request_info: 'allocation_needs_info',
  resubmit: 'allocation_resubmitted',
  pause: 'allocation_paused',
  resume: 'allocation_resumed',
  remove: 'allocation_removed',
  withdraw: 'allocation_withdrawn',
  house: 'allocation_housed',
};

/** Every allocation step on the citizen's timeline (issue 5 §10): application steps, offers, lease, move-in. */
export const allocationTimeline: TimelineProvider = async (trx, actor, citizenIds) => {
  if (citizenIds.length === 0) return [];
  const m = actor.municipalityId;
  const items: TimelineItem[] = [];
  const events = await repo.applicationStepsOf(trx, m, citizenIds);
  for (const e of events) {
    const kind = STATUS_KIND[e.action];
    if (kind) items.push({ date: day(e.at), kind, params: {} });
  }
  const offers = await repo.offersToCitizens(trx, m, citizenIds);
  for (const o of offers) {
    items.push({ date: day(o.offered_at), kind: 'offer_made', params: { address: o.address } });
    if (o.status !== 'open' && o.responded_at)
      items.push({ date: day(o.responded_at), kind: `offer_${o.status}`, params: { address: o.address } });
  }
  const tenancies = await repo.tenanciesOfCitizens(trx, m, citizenIds);
  for (const t of tenancies) {
    if (t.lease_signed_on)
      items.push({ date: t.lease_signed_on, kind: 'lease_signed', params: { address: t.address } });
    if (t.moved_in_on) items.push({ date: t.moved_in_on, kind: 'moved_in', params: { address: t.address } });
  }
  return items;
};
