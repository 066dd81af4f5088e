import { addDays, addWorkingDays, today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import * as repo from './economics.seed.repository';

/**
 * Demo data for the economics page (issue 16 §11): the demo shelters' earlier daily rates, and two
 * years of stays of citizens on the demo list with Høje-Taastrup (169) as handlekommune — short and
 * long stays, some past the refund limit, some still open, and stays that ended when § 85 a support
 * decided during the stay began (the § 176 a stk. 1 refund). The shelters module seeds the shelters
 * and this year's rate; everything here is added beside it, with the notification and the action
 * plan already recorded, so no task is left open by it.
 */
export async function seedDemoEconomics(trx: Tx, demo: DemoContext) {
  const m = demo.municipalityId;
  const now = today();
  const year = Number(now.slice(0, 4));
  const shelters = await repo.demoShelters(trx, m);
  if (shelters.length === 0) return;
  // Earlier rates: the takst rises a little each year (demo figures).
  const earlier = [
    [3, 1_360, 1_210],
    [2, 1_395, 1_245],
    [1, 1_440, 1_280],
  ] as const;
  for (const [back, first, second] of earlier)
    for (const [i, s] of shelters.entries())
      await repo.insertRateIfNone(trx, {
        municipality_id: m,
        shelter_id: s.id,
        valid_from: `${year - back}-01-01`,
        daily_rate: String(i === 0 ? second : first),
      });

  const candidates = await repo.citizensWithoutStays(trx, m);
  const withSupport = candidates.filter(
    (c) => c.decision_on && c.start_on && Number(c.placements ?? 0) === 0,
  );
  const others = candidates.filter((c) => !c.decision_on && Number(c.placements ?? 0) === 0);
  const rows: Parameters<typeof repo.insertStays>[1] = [];
  let n = 0;
  const stay = (citizenId: string, admittedOn: string, dischargedOn: string | null) => {
    const shelter = shelters[n++ % shelters.length];
    if (!shelter || admittedOn > now || (dischargedOn !== null && dischargedOn > now)) return;
    rows.push({
      municipality_id: m,
      shelter_id: shelter.id,
      citizen_id: citizenId,
      admitted_on: admittedOn,
      admission_decided_on: admittedOn,
      handlekommune: '169',
      notified_on: addWorkingDays(admittedOn, 1),
      discharged_on: dischargedOn,
      discharged_to:
        dischargedOn === null
          ? null
          : ((['own_home', 'family_friends', 'street', 'unknown'] as const)[n % 4] ?? null),
      action_plan_on: addDays(admittedOn, 12),
    });
  };
  // § 85 a support decided during the stay, which ends when the support begins (rule 13).
  for (const c of withSupport.slice(0, 8)) {
    const decided = c.decision_on as string;
    const start = c.start_on as string;
    const discharged = start > decided ? start : addDays(decided, 1);
    stay(c.id, addDays(discharged, -(50 + (n % 5) * 25)), discharged);
  }
  // Stays over the past two years: [admitted days ago, length in days (null: still open)].
  const history: [number, number | null][] = [
    [700, 45],
    [660, 160],
    [610, 30],
    [560, 75],
    [520, 210],
    [470, 20],
    [430, 120],
    [400, 60],
    [350, 35],
    [330, 180],
    [300, 50],
    [280, 95],
    [250, 25],
    [230, 140],
    [200, 40],
    [190, 70],
    [170, 110],
    [150, 30],
    [130, 65],
    [120, 20],
    [100, 45],
    [90, 15],
    [75, 40],
    [60, 22],
    [240, null],
    [160, null],
    [110, null],
    [70, null],
    [45, null],
    [20, null],
  ];
  history.forEach(([ago, length], i) => {
    const c = others[i];
    if (!c) return;
    const admitted = addDays(now, -ago);
    stay(c.id, admitted, length === null ? null : addDays(admitted, length));
  });
  await repo.insertStays(trx, rows);
}
