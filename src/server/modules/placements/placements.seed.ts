import { addDays, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import type { PlacementKind } from '../../../shared/placements/model';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { openApplicationOf, tenancyFacts } from '../allocation';
import { whereaboutsFacts } from '../citizens';
import {
  createPlacement,
  createUnit,
  endPlacement,
  endTenancy,
  startPlacement,
  startTenancy,
} from './placements.service';

const PERMISSIONS: Permission[] = ['placements.read', 'placements.manage', 'placements.units'];

/** The 10 skæve boliger at the bomiljø Thorsholm (the plan, seeds/000). Rents are demo figures. */
const THORSHOLM = Array.from({ length: 10 }, (_, i) => ({
  name: `Thorsholm ${i + 1}`,
  address: `Thorsholmvej ${2 * i + 1}`,
  project: 'Thorsholm',
  rooms: i % 4 === 3 ? 2 : 1,
  monthlyRent: i % 4 === 3 ? 4_350 : 3_275,
  socialCaretaker: true,
}));

/**
 * The placements' demo data (issue 16 §11): the 10 skæve boliger at Thorsholm, 8 of them let (one
 * after an earlier tenant moved on), and § 107 / § 108 placements. Two § 107 stays follow a shelter
 * discharge and were decided before it, so the economics page shows the § 176 a stk. 2 refund. One
 * § 107 stay ends within 30 days for a citizen with no next step (a task, whatever the seed date),
 * and one decision's move-in has passed (a task). The monthly costs are demo figures: § 107 about 30,000–60,000 kr., § 108 about
 * 40,000–80,000 kr. a month.
 */
export async function seedDemoPlacements(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const admin = demo.actorOf('admin', PERMISSIONS);
  const caseworker = demo.actorOf('caseworker', PERMISSIONS);

  const units: string[] = [];
  for (const u of THORSHOLM) units.push((await createUnit(trx, admin, u)).id);

  // Each citizen's whereabouts in date order (seeded by the modules before this one).
  const episodes = new Map<string, { situation: string; from: string }[]>();
  for (const e of await whereaboutsFacts(trx, m, null)) {
    const list = episodes.get(e.citizen_id) ?? [];
    list.push({ situation: e.situation, from: e.from_date });
    episodes.set(e.citizen_id, list);
  }
  const used = new Set<string>();

  // Shelter discharges: a shelter episode followed by another (the discharge), institution first.
  const discharges: { citizenId: string; admittedOn: string; dischargedOn: string; to: string }[] = [];
  for (const [citizenId, list] of [...episodes.entries()].sort(([a], [b]) => a.localeCompare(b)))
    list.forEach((e, i) => {
      const next = list[i + 1];
      if (e.situation === 'shelter' && next && next.from > e.from && i + 2 === list.length)
        discharges.push({ citizenId, admittedOn: e.from, dischargedOn: next.from, to: next.situation });
    });
  discharges.sort((a, b) => Number(b.to === 'institution') - Number(a.to === 'institution'));
  const afterShelter = discharges.filter((d) => d.to === 'institution' || d.to === 'street').slice(0, 2);

  // Homeless citizens now (not in a shelter, prison or hospital): tenants and placements to come.
  const homeless = [...episodes.entries()]
    .filter(([, list]) =>
      ['street', 'night_shelter', 'family_friends', 'hotel', 'other', 'unknown'].includes(
        list.at(-1)?.situation ?? '',
      ),
    )
    .map(([id]) => id)
    .filter((id) => !afterShelter.some((d) => d.citizenId === id))
    .sort();
  const take = () => {
    const id = homeless.shift();
    if (id) used.add(id);
    return id;
  };

  let unitIndex = 0;
  // § 107 after a § 110 stay, decided before the discharge (§ 176 a stk. 2).
  for (const [i, d] of afterShelter.entries()) {
    const decidedOn =
      addDays(d.dischargedOn, -10) < d.admittedOn ? d.admittedOn : addDays(d.dischargedOn, -10);
    const startedOn = d.to === 'institution' ? d.dischargedOn : addDays(d.dischargedOn, 6);
    if (startedOn > now) continue;
    // The stay that has run its course ends into a skæv bolig; one still running ends within 30
    // days without a next step in place (a task for the caseworker).
    const endOn = addDays(startedOn, 150);
    const runsOn = endOn >= addDays(now, -14);
    const plannedEndOn = runsOn ? addDays(now, 21) : addDays(startedOn, 180);
    const { id } = await createPlacement(trx, caseworker, {
      citizenId: d.citizenId,
      kind: 's107',
      provider: i === 0 ? 'Bostedet Lindehuset' : 'Midlertidigt botilbud Engtoften',
      decidedOn,
      plannedMoveInOn: startedOn,
      plannedEndOn,
      startedOn,
      monthlyCost: i === 0 ? 46_500 : 38_900,
    });
    used.add(d.citizenId);
    if (!runsOn) {
      await endPlacement(trx, caseworker, id, {
        endedOn: endOn,
        situationAfter: 'housed',
        reason: 'Flyttet i skæv bolig',
      });
      await startTenancy(trx, caseworker, units[unitIndex++] as string, {
        citizenId: d.citizenId,
        fromDate: endOn,
      });
    }
  }

  // § 107 and § 108 placements of homeless citizens (costs are demo figures).
  const placements: {
    kind: PlacementKind;
    provider: string;
    cost: number;
    decidedAgo: number;
    startAfter: number | null;
    months?: number;
    endedAfter?: number;
    withoutNextStep?: boolean;
  }[] = [
    { kind: 's108', provider: 'Botilbuddet Solsikken', cost: 62_000, decidedAgo: 420, startAfter: 30 },
    { kind: 's108', provider: 'Bofællesskabet Kirsebærhaven', cost: 54_500, decidedAgo: 200, startAfter: 21 },
    { kind: 's108', provider: 'Botilbuddet Solsikken', cost: 71_800, decidedAgo: 60, startAfter: 14 },
    {
      kind: 's107',
      provider: 'Bostedet Lindehuset',
      cost: 33_400,
      decidedAgo: 300,
      startAfter: 10,
      endedAfter: 170,
    },
    {
      kind: 's107',
      provider: 'Midlertidigt botilbud Engtoften',
      cost: 52_000,
      decidedAgo: 80,
      startAfter: 7,
      months: 4,
    },
    // Decided, the planned move-in passed without a start: a task for the caseworker.
    { kind: 's107', provider: 'Bostedet Lindehuset', cost: 41_200, decidedAgo: 20, startAfter: null },
    // Ends within 30 days and the citizen has no application or home yet: a task for the
    // caseworker whatever the date the demo is seeded on.
    {
      kind: 's107',
      provider: 'Midlertidigt botilbud Engtoften',
      cost: 44_800,
      decidedAgo: 160,
      startAfter: 10,
      months: 5,
      withoutNextStep: true,
    },
  ];
  /** A homeless citizen with no open housing application and no tenancy. */
  const takeWithoutNextStep = async () => {
    for (const [i, id] of homeless.entries()) {
      if (!neverInShelter(id)) continue;
      if (await openApplicationOf(trx, m, id)) continue;
      if ((await tenancyFacts(trx, m, [id])).length > 0) continue;
      homeless.splice(i, 1);
      used.add(id);
      return id;
    }
    return undefined;
  };
  // Only the two above follow a § 110 stay: the others go to citizens never in a shelter, so that no
  // date the demo is seeded on makes one of them look decided before a discharge too.
  const neverInShelter = (id: string) => !episodes.get(id)?.some((e) => e.situation === 'shelter');
  const takeNeverInShelter = () => {
    const i = homeless.findIndex(neverInShelter);
    const [id] = i < 0 ? [] : homeless.splice(i, 1);
    if (id) used.add(id);
    return id;
  };
  for (const p of placements) {
    const citizenId = p.withoutNextStep ? await takeWithoutNextStep() : takeNeverInShelter();
    if (!citizenId) break;
    const decidedOn = addDays(now, -p.decidedAgo);
    const moveIn = addDays(decidedOn, p.startAfter ?? 12);
    const plannedEndOn = p.kind === 's107' ? addDays(moveIn, 30 * (p.months ?? 6)) : undefined;
    const { id } = await createPlacement(trx, caseworker, {
      citizenId,
      kind: p.kind,
      provider: p.provider,
      decidedOn,
      plannedMoveInOn: moveIn,
      ...(plannedEndOn ? { plannedEndOn } : {}),
      monthlyCost: p.cost,
    });
    if (p.startAfter !== null && moveIn <= now) await startPlacement(trx, caseworker, id, moveIn);
    if (p.endedAfter !== undefined) {
      const endedOn = addDays(moveIn, p.endedAfter);
      await endPlacement(trx, caseworker, id, { endedOn, situationAfter: 'housed', reason: 'Egen bolig' });
    }
  }

  // The rest of Thorsholm: let to homeless citizens, one after an earlier tenancy ended; two vacant.
  const tenancyAgo = [700, 540, 410, 365, 250, 130, 45];
  for (const [i, ago] of tenancyAgo.entries()) {
    const unitId = units[unitIndex++];
    const citizenId = take();
    if (!unitId || !citizenId) break;
    const fromDate = addDays(now, -ago);
    const first = await startTenancy(trx, caseworker, unitId, { citizenId, fromDate });
    if (i === 1) {
      // The first tenant moved to a § 108 home; the unit was let again a month later.
      await endTenancy(trx, caseworker, first.id, {
        toDate: addDays(fromDate, 300),
        situationAfter: 'institution',
        reason: 'Flyttet i længerevarende botilbud',
      });
      const next = take();
      if (next)
        await startTenancy(trx, caseworker, unitId, { citizenId: next, fromDate: addDays(fromDate, 330) });
    }
  }
}
