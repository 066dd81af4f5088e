import { isViveSituation, type Situation } from '../../../shared/citizens/whereabouts';
import { addDays, ageOn, monthsBefore, today } from '../../../shared/dates';
import {
  leftCareAt18,
  needsYouthSupportDecision,
  placedOn,
  youthSupportDeadline,
  youthUnitEligibility,
} from '../../../shared/youth/rules';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { Task, TaskProvider } from '../../platform/tasks';
import { allocationSettings, citizensWithOpenApplication, listVacancies, offersOf } from '../allocation';
import { displayName, whereaboutsFacts } from '../citizens';
import { citizensWithActivePlan } from '../plans';
import { openNoticesOfCitizens } from '../prevention';
import * as repo from './youth.repository';
import { youthBirthRange } from './youth.service';

type Placed = Awaited<ReturnType<typeof repo.placedBornBetween>>[number];

function groupByCitizen(rows: Placed[]) {
  const out = new Map<string, { person: Placed; history: { fromDate: string; toDate: string | null }[] }>();
  for (const r of rows) {
    const entry = out.get(r.id) ?? { person: r, history: [] };
    entry.history.push({ fromDate: r.from_date, toDate: r.to_date });
    out.set(r.id, entry);
  }
  return out;
}

/**
 * The young people with a youth profile in the youth age range on the date, and their whereabouts,
 * each read once however many alerts look at them (the youth-unit alert and the young people's
 * alerts ask about the same people).
 */
function youngPeople(trx: Tx, m: string, onDate: string) {
  const { bornFrom, bornTo } = youthBirthRange(onDate);
  let people: ReturnType<typeof repo.profiledBornBetween> | undefined;
  let episodes: ReturnType<typeof whereaboutsFacts> | undefined;
  const profiled = () => {
    people ??= repo.profiledBornBetween(trx, m, bornFrom, bornTo);
    return people;
  };
  const whereabouts = () => {
    episodes ??= profiled().then((all) =>
      whereaboutsFacts(
        trx,
        m,
        all.map((p) => p.id),
      ),
    );
    return episodes;
  };
  return { profiled, whereabouts };
}

type YoungPeople = ReturnType<typeof youngPeople>;

/**
 * The youth clocks in "Mine opgaver" (issue 17 §3, §7), for caseworkers (youth.write):
 * - rule 31 / Barnets Lov § 111: a young person placed outside the home, aged 17, without a
 *   decision on youth support: a task due on the deadline (6 months before the 18th birthday), for
 *   the paired child/youth-area caseworker, or, without a pair, for the child/youth area's
 *   caseworkers (and caseworkers with no service area set);
 * - leaving care at 18 (placed the day before the 18th birthday, now 18) without a decision on
 *   youth support and without a housing application: an alert for the pair or every caseworker.
 * Both are queries over the data: the task goes when the decision or the application is recorded.
 * The youth-unit alert (`youthHousingAlerts`) also reaches the allocation officers.
 */
export const youthTasks: TaskProvider = async (trx: Tx, actor: Actor) => {
  const onDate = today();
  const young = youngPeople(trx, actor.municipalityId, onDate);
  const housing = await youthHousingAlerts(trx, actor, onDate, young);
  if (!actor.permissions.has('youth.write')) return housing;
  const m = actor.municipalityId;
  const tasks: Task[] = [...housing];

  // Placed young people aged 17 or 18 today, in one query: born after the date 19 years ago and on
  // or before the date 17 years ago; split at the date 18 years ago.
  const placed = await repo.placedBornBetween(
    trx,
    m,
    addDays(monthsBefore(onDate, 19 * 12), 1),
    monthsBefore(onDate, 17 * 12),
  );
  const eighteenBorn = monthsBefore(onDate, 18 * 12);
  const seventeen = groupByCitizen(placed.filter((p) => p.birth_date > eighteenBorn));
  const eighteen = groupByCitizen(placed.filter((p) => p.birth_date <= eighteenBorn));
  const decided = new Set(
    (await repo.decisionsOf(trx, m, [...seventeen.keys(), ...eighteen.keys()])).map((d) => d.citizen_id),
  );
  // The actor's service area, asked only when an unpaired 17-year-old needs it.
  let myArea: string | null | undefined;
  const area = async () => {
    if (myArea === undefined)
      myArea = (await repo.usersWithArea(trx, m, [actor.userId]))[0]?.service_area ?? null;
    return myArea;
  };

  for (const { person, history } of seventeen.values()) {
    if (
      !needsYouthSupportDecision(person.birth_date, placedOn(history, onDate), decided.has(person.id), onDate)
    )
      continue;
    const mine = person.child_user_id ? person.child_user_id === actor.userId : (await area()) !== 'voksen';
    if (!mine) continue;
    const deadline = youthSupportDeadline(person.birth_date);
    tasks.push({
      id: `youth_decision_due:${person.id}`,
      kind: 'youth_decision_due',
      titleKey: 'tasks.youthDecisionDue',
      params: { name: displayName(person) ?? '', deadline },
      href: `/unge/${person.id}`,
      dueAt: deadline,
      severity: deadline < onDate ? 'error' : 'warning',
    });
  }

  const leftCare = [...eighteen.values()].filter(({ person, history }) => {
    if (decided.has(person.id) || !leftCareAt18(person.birth_date, history)) return false;
    const paired = person.child_user_id !== null && person.adult_user_id !== null;
    if (paired && person.child_user_id !== actor.userId && person.adult_user_id !== actor.userId)
      return false;
    return !placedOn(history, onDate);
  });
  const applied = await citizensWithOpenApplication(
    trx,
    m,
    leftCare.map(({ person }) => person.id),
  );
  for (const { person } of leftCare) {
    if (applied.has(person.id)) continue;
    tasks.push({
      id: `youth_left_care:${person.id}`,
      kind: 'youth_left_care_without_plan',
      titleKey: 'tasks.youthLeftCare',
      params: { name: displayName(person) ?? '' },
      href: `/unge/${person.id}`,
      dueAt: null,
      severity: 'error',
    });
  }
  tasks.push(...(await youngPeopleAlerts(trx, actor, onDate, young)));
  return tasks;
};

/** How many days after a § 110 shelter stay ends the discharge is an alert. */
export const SHELTER_DISCHARGE_ALERT_DAYS = 30;

/**
 * The alerts about young people with a youth profile (issue 17 §7), for their pair or, without a
 * pair, every caseworker: homeless at 18–29 without a coherent plan (plans module); an open
 * eviction case (prevention module); out of a § 110 shelter within the last 30 days (whereabouts: a
 * shelter episode followed by another).
 */
async function youngPeopleAlerts(trx: Tx, actor: Actor, onDate: string, young: YoungPeople): Promise<Task[]> {
  const m = actor.municipalityId;
  const people = (await young.profiled()).filter(
    (p) => !p.child_user_id || p.child_user_id === actor.userId || p.adult_user_id === actor.userId,
  );
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  // Everyone's whereabouts (read once, see youngPeople); the history below is looked up by person.
  const episodes = await young.whereabouts();
  const withPlan = await citizensWithActivePlan(trx, m, ids);
  const notices = await openNoticesOfCitizens(trx, m, ids);
  const history = new Map<string, { situation: string; from: string }[]>();
  for (const e of episodes) {
    if (e.from_date > onDate) continue;
    history.set(e.citizen_id, [
      ...(history.get(e.citizen_id) ?? []),
      { situation: e.situation, from: e.from_date },
    ]);
  }
  const noticed = new Map(notices.map((n) => [n.citizen_id, n]));
  const tasks: Task[] = [];
  for (const p of people) {
    const name = displayName(p) ?? '';
    const list = history.get(p.id) ?? [];
    const now = list.at(-1);
    const before = list.at(-2);
    if (
      now &&
      isViveSituation(now.situation as Situation) &&
      ageOn(p.birth_date, onDate) >= 18 &&
      !withPlan.has(p.id)
    )
      tasks.push({
        id: `youth_no_plan:${p.id}`,
        kind: 'youth_homeless_without_plan',
        titleKey: 'tasks.youthNoPlan',
        params: { name },
        href: `/unge/${p.id}`,
        dueAt: null,
        severity: 'warning',
      });
    const notice = noticed.get(p.id);
    if (notice)
      tasks.push({
        id: `youth_eviction:${notice.case_id}`,
        kind: 'youth_eviction_notice',
        titleKey: 'tasks.youthEviction',
        params: { name, receivedOn: String(notice.received_on) },
        href: `/unge/${p.id}`,
        dueAt: null,
        severity: 'warning',
      });
    if (
      now &&
      before?.situation === 'shelter' &&
      now.situation !== 'shelter' &&
      now.from >= addDays(onDate, -SHELTER_DISCHARGE_ALERT_DAYS)
    )
      tasks.push({
        id: `youth_shelter_discharge:${p.id}:${now.from}`,
        kind: 'youth_shelter_discharge',
        titleKey: 'tasks.youthShelterDischarge',
        params: { name, dischargedOn: now.from },
        href: `/unge/${p.id}`,
        dueAt: null,
        severity: 'info',
      });
  }
  return tasks;
}

/**
 * Issue 17 §6: a youth unit (ungdomsbolig) is open in the allocation module without an open offer
 * while an eligible homeless young person waits: a young person with a youth profile, eligible for
 * youth units (rule 26, allocation's `youthEligible` with the municipality's age limit), homeless
 * now (a VIVE situation) and with an open housing application. The allocation officers
 * (allocation.manage) get one task per such unit, naming how many wait; the young person's pair or,
 * without a pair, every caseworker (youth.write) one task per young person, naming the unit with
 * the nearest naming deadline. A query over the data: the task goes when the unit gets an open
 * offer or is let (or returned, withdrawn), or when nobody eligible waits any more.
 */
async function youthHousingAlerts(
  trx: Tx,
  actor: Actor,
  onDate: string,
  young: YoungPeople,
): Promise<Task[]> {
  const officer = actor.permissions.has('allocation.manage');
  const caseworker = actor.permissions.has('youth.write');
  if (!officer && !caseworker) return [];
  const m = actor.municipalityId;
  const open = (await listVacancies(trx, m, { status: 'open' })).filter((v) => v.unit_type === 'youth');
  if (open.length === 0) return [];
  const offered = new Set(
    (await offersOf(trx, m, { vacancyIds: open.map((v) => v.id) }))
      .filter((o) => o.status === 'open')
      .map((o) => o.vacancy_id),
  );
  const vacant = open
    .filter((v) => !offered.has(v.id))
    .sort((a, b) => a.deadline_on.localeCompare(b.deadline_on) || a.id.localeCompare(b.id));
  const first = vacant[0];
  if (!first) return [];

  const { youthAgeLimit } = await allocationSettings(trx, actor);
  const profiled = (await young.profiled()).filter(
    (p) =>
      youthUnitEligibility(
        p.birth_date,
        { education: p.education_status, specialNeed: p.special_need },
        onDate,
        youthAgeLimit,
      ).eligible,
  );
  if (profiled.length === 0) return [];
  const current = new Map<string, { situation: string; from: string }>();
  for (const e of await young.whereabouts()) {
    const before = current.get(e.citizen_id);
    if (e.from_date <= onDate && (!before || e.from_date >= before.from))
      current.set(e.citizen_id, { situation: e.situation, from: e.from_date });
  }
  const homeless = profiled.filter((p) => {
    const now = current.get(p.id);
    return now !== undefined && isViveSituation(now.situation as Situation);
  });
  const applied = await citizensWithOpenApplication(
    trx,
    m,
    homeless.map((p) => p.id),
  );
  const waiting = homeless.filter((p) => applied.has(p.id));
  if (waiting.length === 0) return [];

  const tasks: Task[] = [];
  if (officer)
    for (const v of vacant)
      tasks.push({
        id: `youth_unit_vacant:${v.id}`,
        kind: 'youth_unit_vacant',
        titleKey: 'tasks.youthUnitVacant',
        params: { address: v.address, waiting: waiting.length },
        href: `/anvisning/boliger/${v.id}`,
        dueAt: v.deadline_on,
        severity: 'warning',
      });
  if (caseworker)
    for (const p of waiting) {
      if (p.child_user_id && p.child_user_id !== actor.userId && p.adult_user_id !== actor.userId) continue;
      tasks.push({
        id: `youth_unit_for:${p.id}`,
        kind: 'youth_unit_vacant_for_young_person',
        titleKey: 'tasks.youthUnitForYoungPerson',
        params: { name: displayName(p) ?? '', address: first.address, units: vacant.length },
        href: `/unge/${p.id}`,
        dueAt: first.deadline_on,
        severity: 'info',
      });
    }
  return tasks;
}
