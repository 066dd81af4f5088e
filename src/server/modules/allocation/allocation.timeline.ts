import { danishDateOf } from '../../../shared/dates';
import type { TimelineItem, TimelineProvider } from '../citizens/citizens.timeline';

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
  const events = await trx
    .selectFrom('application_event as e')
    .innerJoin('allocation_application as a', 'a.id', 'e.application_id')
    .select(['e.action', 'e.at'])
    .where('e.municipality_id', '=', m)
    .where('a.citizen_id', 'in', [...citizenIds])
    .execute();
  for (const e of events) {
    const kind = STATUS_KIND[e.action];
    if (kind) items.push({ date: day(e.at), kind, params: {} });
  }
  const offers = await trx
    .selectFrom('offer as f')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .select(['f.status', 'f.offered_at', 'f.responded_at', 'v.address'])
    .where('f.municipality_id', '=', m)
    .where('a.citizen_id', 'in', [...citizenIds])
    .execute();
  for (const o of offers) {
    items.push({ date: day(o.offered_at), kind: 'offer_made', params: { address: o.address } });
    if (o.status !== 'open' && o.responded_at)
      items.push({ date: day(o.responded_at), kind: `offer_${o.status}`, params: { address: o.address } });
  }
  const tenancies = await trx
    .selectFrom('tenancy as t')
    .innerJoin('vacancy as v', 'v.id', 't.vacancy_id')
    .select(['t.lease_signed_on', 't.moved_in_on', 'v.address'])
    .where('t.municipality_id', '=', m)
    .where('t.citizen_id', 'in', [...citizenIds])
    .execute();
  for (const t of tenancies) {
    if (t.lease_signed_on)
      items.push({ date: t.lease_signed_on, kind: 'lease_signed', params: { address: t.address } });
    if (t.moved_in_on) items.push({ date: t.moved_in_on, kind: 'moved_in', params: { address: t.address } });
  }
  return items;
};
