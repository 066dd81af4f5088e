import type pg from 'pg';
import { type Cell, copyRows } from '../../src/server/db/copy';
import { dayNumber, isoDate, type Random } from '../lib/random';
import type { HistoryStay } from './history';
import { MUNICIPALITIES } from './municipalities';

/**
 * § 110 shelters (issue 16 §11) in the national set: the municipality's shelters with ten years of
 * yearly daily rates (takster), and stays over the last ten years loaded with COPY as the module's
 * service would have stored them:
 * - the stays are the shelter episodes of the by-name history (history.ts): a stay's length is
 *   log-normal around a median of about 45 nights, a long tail up to four years (DST: 6–8 % of
 *   residents stay the whole year), and it ends where the citizen's next whereabouts begin;
 * - one citizen has no two stays at once (a re-admission comes after the last discharge), so one
 *   open stay per citizen and shelter holds;
 * - the admission decision is the admission day or the day before; the handlekommune is the
 *   municipality itself for about 88 % and another municipality otherwise; the notification comes
 *   0–6 days later (some late), and is missing for a few of the newest;
 * - a discharge has a destination (own home, § 107/108, another shelter, street, …) and about one
 *   in ten to an own home or care is the municipality's decision (§ 110 stk. 5);
 * - about 60 % of stays have an action plan date.
 * `benchUser` (`k<code>.herberg`) is linked to the first shelter.
 */

export interface ShelterCounts {
  shelters: number;
  stays: number;
  open: number;
}

const SHELTER_COLUMNS = [
  'id',
  'municipality_id',
  'name',
  'kind',
  'places',
  'on_tilbudsportalen',
  'created_at',
];
const RATE_COLUMNS = [
  'municipality_id',
  'shelter_id',
  'valid_from',
  'daily_rate',
  'created_by',
  'created_at',
];
const STAY_COLUMNS = [
  'id',
  'municipality_id',
  'shelter_id',
  'citizen_id',
  'admitted_on',
  'admission_decided_on',
  'handlekommune',
  'notified_on',
  'discharged_on',
  'discharged_to',
  'discharge_reason',
  'municipal_discharge',
  'action_plan_on',
  'created_by',
  'created_at',
];

const NAMES = [
  'Herberget',
  'Forsorgshjemmet',
  'Kirkens Korshærs Herberg',
  'Mændenes Hjem',
  'Kvindehjemmet',
  'Natherberget',
];

export async function addShelters(o: {
  copy: pg.Client;
  municipalityId: string;
  name: string;
  code: string;
  random: Random;
  /** The stays of the by-name history, in no particular order. */
  stays: readonly HistoryStay[];
  today: string;
  createdBy: string;
  benchUser: string;
}): Promise<ShelterCounts> {
  const { random } = o;
  const m = o.municipalityId;
  const day = dayNumber(o.today);
  const tenYearsAgo = day - 3652;
  const created = `${isoDate(tenYearsAgo - 30)}T08:00:00Z`;
  const shelterCount = Math.max(1, Math.min(8, Math.round(o.stays.length / 1500)));
  const shelters: Cell[][] = [];
  const rates: Cell[][] = [];
  const shelterIds: string[] = [];
  for (let s = 0; s < shelterCount; s++) {
    const id = random.uuid();
    shelterIds.push(id);
    const name = `${NAMES[s % NAMES.length]} ${o.name}${s >= NAMES.length ? ` ${s + 1}` : ''}`;
    const places = Math.max(8, Math.round((o.stays.length / 3652 / shelterCount) * 95));
    // Most shelters are on Tilbudsportalen (a refund condition); a few small independent ones not.
    shelters.push([id, m, name, s % 3 === 2 ? 'independent' : 'municipal', places, s % 5 !== 4, created]);
    let rate = 900 + random.int(0, 700);
    const firstYear = Number(isoDate(tenYearsAgo).slice(0, 4));
    for (let y = firstYear; y <= Number(o.today.slice(0, 4)); y++) {
      rates.push([m, id, `${y}-01-01`, rate.toFixed(2), o.createdBy, `${y - 1}-12-15T10:00:00Z`]);
      rate = Math.round(rate * (1.02 + random.next() * 0.02));
    }
  }

  const others = MUNICIPALITIES.filter((x) => x.code !== o.code).map((x) => x.code);
  const stays: Cell[][] = [];
  let open = 0;
  for (const stay of [...o.stays].sort(
    (a, b) => a.admitted - b.admitted || (a.citizenId < b.citizenId ? -1 : 1),
  )) {
    const { citizenId: citizen, admitted, discharged } = stay;
    if (discharged === null) open++;
    const decided = admitted - (random.chance(0.3) ? 1 : 0);
    const lateOrMissing = day - admitted < 5 && random.chance(0.5);
    const notified = lateOrMissing
      ? null
      : decided + (random.chance(0.1) ? random.int(4, 6) : random.int(0, 3));
    const to = discharged === null ? null : stay.to;
    const municipal = to !== null && (to === 'own_home' || to === 'care_107_108') && random.chance(0.1);
    const plan = random.chance(0.6) ? admitted + random.int(5, 40) : null;
    stays.push([
      random.uuid(),
      m,
      shelterIds[random.int(0, shelterIds.length - 1)] as string,
      citizen,
      isoDate(admitted),
      isoDate(decided),
      random.chance(0.88) ? o.code : (others[random.int(0, others.length - 1)] as string),
      notified === null ? null : isoDate(Math.min(notified, day)),
      discharged === null ? null : isoDate(discharged),
      to,
      null,
      municipal,
      plan !== null && plan <= (discharged ?? day) ? isoDate(plan) : null,
      o.createdBy,
      `${isoDate(admitted)}T14:00:00Z`,
    ]);
  }

  await o.copy.query('begin');
  try {
    await copyRows(o.copy, 'shelter', SHELTER_COLUMNS, shelters);
    await copyRows(o.copy, 'shelter_rate', RATE_COLUMNS, rates);
    for (let i = 0; i < stays.length; i += 50_000)
      await copyRows(o.copy, 'shelter_stay', STAY_COLUMNS, stays.slice(i, i + 50_000));
    await copyRows(
      o.copy,
      'shelter_user',
      ['user_id', 'municipality_id', 'shelter_id'],
      [[o.benchUser, m, shelterIds[0] as string]],
    );
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  return { shelters: shelterCount, stays: stays.length, open };
}
