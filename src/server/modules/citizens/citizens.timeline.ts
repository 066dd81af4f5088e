import { danishDateOf } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { TimelineItem, TimelineProvider } from '../../platform/timeline';
import type { CitizenRow, ConsentRow, ContactRow, EpisodeRow } from './citizens.table';

interface Loaded {
  citizen: CitizenRow;
  ids: string[];
  cprRows: { old_cpr: string; new_cpr: string; changed_on: string }[];
  episodeRows: EpisodeRow[];
  contactRows: ContactRow[];
  consentRows: ConsentRow[];
  mergeRows: {
    merged_at: Date;
    undone_at: Date | null;
    given_name: string | null;
    family_name: string | null;
    initials: string | null;
  }[];
  onDate: string;
}

const day = danishDateOf;

/** The citizen's own events plus every registered provider's, newest first. */
export async function buildTimeline(
  trx: Tx,
  actor: Actor,
  l: Loaded,
  providers: readonly TimelineProvider[],
): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [{ date: l.citizen.registered_on, kind: 'registered', params: {} }];
  for (const h of l.cprRows)
    items.push({ date: h.changed_on, kind: 'cpr_changed', params: { oldCpr: h.old_cpr, newCpr: h.new_cpr } });
  for (const e of l.episodeRows) {
    items.push({ date: e.from_date, kind: 'episode', params: { situation: e.situation } });
    if (e.retracted_at)
      items.push({
        date: day(e.retracted_at),
        kind: 'episode_retracted',
        params: { situation: e.situation },
      });
  }
  for (const k of l.contactRows)
    items.push({ date: k.contact_on, kind: 'contact', params: { channel: k.channel } });
  for (const k of l.consentRows) {
    items.push({ date: k.given_on, kind: 'consent_given', params: { purpose: k.purpose } });
    if (k.withdrawn_on)
      items.push({ date: k.withdrawn_on, kind: 'consent_withdrawn', params: { purpose: k.purpose } });
    else if (k.expires_on && k.expires_on < l.onDate)
      items.push({ date: k.expires_on, kind: 'consent_expired', params: { purpose: k.purpose } });
  }
  for (const m of l.mergeRows) {
    const name = [m.given_name, m.family_name].filter(Boolean).join(' ') || m.initials;
    items.push({ date: day(m.merged_at), kind: 'merged', params: { name } });
    if (m.undone_at) items.push({ date: day(m.undone_at), kind: 'merge_undone', params: { name } });
  }
  if (l.citizen.moved_away_on) items.push({ date: l.citizen.moved_away_on, kind: 'moved_away', params: {} });
  if (l.citizen.died_on) items.push({ date: l.citizen.died_on, kind: 'died', params: {} });
  for (const provider of providers) items.push(...(await provider(trx, actor, l.ids)));
  return items.sort((a, b) => b.date.localeCompare(a.date));
}
