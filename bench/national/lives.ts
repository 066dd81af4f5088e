import { type Random, Weighted } from '../lib/random';

/**
 * The by-name history of a municipality's homeless citizens as a micro-simulation, day by day
 * (bench/national/history.ts writes it as rows). Each person enters homeless (from outside the
 * list, or evicted from a tenancy the prevention generator recorded), moves between the VIVE
 * situations, may lose and regain contact with the municipality, applies for a home on the waiting
 * list, is let a unit as the supply allows (the longest-waiting of the highest priority first), gets
 * Housing First support after moving in, and may lose the home again. The rates differ between
 * three levels of need, so the population's exits slow down with time homeless as the quicker
 * leave first (duration dependence, which the planning model's monthly rates average over).
 *
 * The history is meant to be coherent and realistic, not to suit any forecast: the inflow has a
 * trend and a winter peak, the supply changes when a municipality renegotiates its agreements, and
 * people differ. Everything is drawn from the municipality's own generator, so a seed and a date
 * give the same history.
 */

export const HOMELESS_SITUATIONS = [
  'street',
  'night_shelter',
  'shelter',
  'hotel',
  'family_friends',
  'transitional',
  'other',
  'prison',
  'hospital',
] as const;
export type HomelessSituation = (typeof HOMELESS_SITUATIONS)[number];
export type LifeSituation = HomelessSituation | 'housed' | 'at_risk';

export type Need = 0 | 1 | 2;
export type Priority = 'acute' | 'high' | 'normal';
export type HfMethod = 'cti' | 'icm' | 'act';

export interface LifeEpisode {
  day: number;
  situation: LifeSituation;
  /** Prison and hospital: the day of release (no housing solution arranged). */
  release?: number;
}

export interface LifeApplication {
  submitted: number;
  /** The day it was approved: its waiting-list date (null: rejected or withdrawn before). */
  approved: number | null;
  priority: Priority;
  /** How it ended (null: still open on the last day). */
  end: { day: number; status: 'housed' | 'removed' | 'withdrawn' | 'rejected' } | null;
  /** The unit it was let (index into `units`). */
  unit?: number;
}

export interface LifeSupport {
  method: HfMethod;
  start: number;
  /** The day it ended (null: active on the last day). */
  end: number | null;
  /** Why it ended: a CTI course that ran its course is completed. */
  reason: 'completed' | 'goals_met' | 'declined' | 'lost_contact' | 'evicted' | 'moved_away' | 'died' | null;
}

export interface Person {
  /** The citizen the person is (a tenant from the prevention data), or null: assigned later. */
  citizenId: string | null;
  need: Need;
  entry: number;
  episodes: LifeEpisode[];
  /** Contact days, ascending. */
  contacts: number[];
  applications: LifeApplication[];
  support: LifeSupport[];
  /** Days the municipality lost contact (whereabouts unknown from then until a new episode). */
  lost: number[];
  gone: { day: number; died: boolean } | null;
}

export interface Offer {
  person: number;
  /** The application offered (index into the person's applications). */
  application: number;
  day: number;
  status: 'declined' | 'expired' | 'accepted';
}

export interface Unit {
  available: number;
  /** Where it came from: a line of an agreement (index), or a rent-subsidy pool. */
  source: { line: number } | 'pool';
  offers: Offer[];
  /** The accepted offer's letting: the day accepted and the move-in. */
  letting: { person: number; accepted: number; movedIn: number } | null;
}

export interface LivesOptions {
  random: Random;
  /** The first simulated day (a burn-in before the history kept). */
  start: number;
  /** The last day (the data set's today). */
  today: number;
  /** New homeless people a month from outside the list, on `day` (trend and season included). */
  inflowOn: (day: number) => number;
  /** Units for allocation a month on `day`, by source: each agreement line's, and the pools'. */
  supplyOn: (day: number) => { lines: readonly number[]; pool: number };
  /** Tenants evicted into homelessness (the prevention data's), on the day they become homeless. */
  evicted: readonly { citizenId: string; day: number }[];
}

export interface Lives {
  persons: Person[];
  units: Unit[];
}

const DAYS_PER_MONTH = 30.44;

/** Monthly hazards by need (low, medium, high). */
const HAZARD = {
  /** Homeless, in contact: finds a home of their own. */
  resolve: [0.05, 0.028, 0.012],
  /** Homeless: loses contact with the municipality. */
  lose: [0.015, 0.025, 0.04],
  /** Homeless without an open application: applies for a home. */
  apply: [0.07, 0.1, 0.1],
  /** On the waiting list and in contact: removed (refused offers, no longer eligible). */
  remove: [0.006, 0.006, 0.008],
  /** Lost contact: comes back (a new whereabouts episode). */
  back: [0.03, 0.02, 0.02],
  /** Housed without support: loses the home. */
  relapse: [0.0012, 0.0024, 0.005],
  /** Housed without support: an eviction case (at risk); most are averted. */
  threat: [0.003, 0.005, 0.008],
  /** Anyone: moves away or dies. */
  gone: [0.003, 0.004, 0.005],
};

/** Mean days in a situation (the shelter's stays are log-normal, as in shelters.ts). */
const SITUATION_DAYS: Record<HomelessSituation, number> = {
  street: 60,
  night_shelter: 40,
  shelter: 0,
  hotel: 25,
  family_friends: 110,
  transitional: 180,
  other: 120,
  prison: 0,
  hospital: 0,
};
const FIRST_SITUATION = new Weighted<HomelessSituation>([
  ['family_friends', 40],
  ['shelter', 12],
  ['street', 11],
  ['night_shelter', 8],
  ['other', 12],
  ['hotel', 5],
  ['transitional', 4],
  ['prison', 2],
  ['hospital', 2],
]);
const NEXT_SITUATION = new Weighted<HomelessSituation>([
  ['family_friends', 32],
  ['shelter', 12],
  ['street', 12],
  ['night_shelter', 8],
  ['other', 10],
  ['hotel', 4],
  ['transitional', 8],
  ['prison', 4],
  ['hospital', 4],
]);
const NEED = new Weighted<Need>([
  [0, 35],
  [1, 40],
  [2, 25],
]);
const EVICTED_NEED = new Weighted<Need>([
  [0, 55],
  [1, 35],
  [2, 10],
]);
/** Housing First support at move-in by need: the share of each method (the rest: none). */
const SUPPORT_AT_MOVE_IN: Record<Need, Weighted<HfMethod | null>> = {
  0: new Weighted<HfMethod | null>([
    ['cti', 25],
    [null, 75],
  ]),
  1: new Weighted<HfMethod | null>([
    ['cti', 50],
    ['icm', 15],
    [null, 35],
  ]),
  2: new Weighted<HfMethod | null>([
    ['cti', 40],
    ['icm', 32],
    ['act', 16],
    [null, 12],
  ]),
};
/** Mean days of ICM and ACT (CTI runs its planned nine months and 30 days, or ends early). */
const SUPPORT_DAYS = { icm: 540, act: 720 };
const CTI_DAYS = 30 + 274;
const SUPPORT_END = new Weighted<NonNullable<LifeSupport['reason']>>([
  ['goals_met', 40],
  ['declined', 20],
  ['lost_contact', 20],
]);

type Mode = 'homeless' | 'lost' | 'housed' | 'gone';
type EventKind =
  | 'situation'
  | 'resolve'
  | 'lose'
  | 'apply'
  | 'decide'
  | 'remove'
  | 'back'
  | 'cleanup'
  | 'relapse'
  | 'threat'
  | 'averted'
  | 'supportEnd'
  | 'moveIn'
  | 'gone';

interface State {
  mode: Mode;
  situationEnd: number;
  /** The open application (index), its stage, and when a pending one is decided. */
  open: number;
  waiting: boolean;
  decideOn: number;
  /** An accepted letting: the day of moving in. */
  moveIn: number;
  /** Active support (index into the person's support) and when it ends. */
  support: number;
  supportEnd: number;
  /** The start of the current spell in contact while homeless. */
  contactFrom: number;
  /** Housed, at risk of eviction: the day the case ends (0: none). */
  atRisk: number;
  next: number;
  kind: EventKind;
  version: number;
}

/** Simulates the municipality's homeless citizens from `start` to `today`. */
export function simulateLives(o: LivesOptions): Lives {
  const { random } = o;
  const persons: Person[] = [];
  const states: State[] = [];
  const units: Unit[] = [];
  const span = o.today - o.start + 1;
  const due: number[][] = Array.from({ length: span }, () => []);
  // The waiting list by priority, in order of approval (lazy: entries no longer waiting are skipped).
  const queues: Record<Priority, number[]> = { acute: [], high: [], normal: [] };

  const exp = (monthlyHazard: number) =>
    monthlyHazard > 0 ? (-Math.log(1 - random.next()) * DAYS_PER_MONTH) / monthlyHazard : Infinity;
  const days = (mean: number) => Math.max(1, Math.round(-Math.log(1 - random.next()) * mean));
  const normal = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const poisson = (mean: number) => {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random.next();
    while (p > limit) {
      k++;
      p *= random.next();
    }
    return k;
  };

  const schedule = (i: number, day: number, kind: EventKind) => {
    const s = states[i] as State;
    s.version++;
    s.next = day;
    s.kind = kind;
    if (day <= o.today) (due[day - o.start] as number[]).push(i, s.version);
  };

  const enterSituation = (i: number, day: number, situation: HomelessSituation) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    let length: number;
    if (situation === 'shelter')
      length = Math.min(1500, Math.max(1, Math.round(Math.exp(Math.log(45) + 1.1 * normal()))));
    else if (situation === 'prison') length = random.int(30, 120);
    else if (situation === 'hospital') length = random.int(10, 60);
    else length = days(SITUATION_DAYS[situation] * (p.need === 2 ? 1.3 : 1));
    const episode: LifeEpisode = { day, situation };
    if (situation === 'prison' || situation === 'hospital') episode.release = day + length;
    p.episodes.push(episode);
    s.situationEnd = day + length;
  };

  /** The next event of a person, from the mode and the hazards (memoryless, drawn again each time). */
  const plan = (i: number, day: number) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    const h = p.need;
    let best = Infinity;
    let kind: EventKind = 'gone';
    const consider = (at: number, k: EventKind) => {
      if (at < best) {
        best = at;
        kind = k;
      }
    };
    if (s.mode === 'homeless') {
      if (s.moveIn > 0) {
        schedule(i, s.moveIn, 'moveIn');
        return;
      }
      consider(s.situationEnd, 'situation');
      // Those waiting for a home from the list look less for one of their own.
      consider(day + exp((HAZARD.resolve[h] as number) * (s.waiting ? 0.5 : 1)), 'resolve');
      consider(day + exp(HAZARD.lose[h] as number), 'lose');
      consider(day + exp(HAZARD.gone[h] as number), 'gone');
      if (s.open < 0) consider(day + exp(HAZARD.apply[h] as number), 'apply');
      else if (!s.waiting) consider(s.decideOn, 'decide');
      else consider(day + exp(HAZARD.remove[h] as number), 'remove');
    } else if (s.mode === 'lost') {
      consider(day + exp(HAZARD.back[h] as number), 'back');
      consider(day + exp(HAZARD.gone[h] as number), 'gone');
      if (s.open >= 0) consider(day + exp(1 / 12), 'cleanup');
    } else if (s.mode === 'housed') {
      const supported = s.support >= 0;
      if (s.atRisk > 0) {
        // An eviction case: averted (back in the home) or lost (homeless) when it ends.
        schedule(i, Math.max(day + 1, s.atRisk), 'averted');
        return;
      }
      consider(day + exp((HAZARD.relapse[h] as number) * (supported ? 0.5 : 1)), 'relapse');
      consider(day + exp((HAZARD.threat[h] as number) * (supported ? 0.5 : 1)), 'threat');
      consider(day + exp((HAZARD.gone[h] as number) * 0.6), 'gone');
      if (supported) consider(s.supportEnd, 'supportEnd');
      if (s.open >= 0) consider(day + exp(1 / 12), 'cleanup');
    } else return;
    schedule(i, Math.max(day + 1, Math.ceil(best)), kind);
  };

  const closeApplication = (
    i: number,
    day: number,
    status: 'housed' | 'removed' | 'withdrawn' | 'rejected',
  ) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    if (s.open < 0) return;
    (p.applications[s.open] as LifeApplication).end = { day, status };
    s.open = -1;
    s.waiting = false;
  };

  const endSupport = (i: number, day: number, reason: LifeSupport['reason']) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    if (s.support < 0) return;
    const support = p.support[s.support] as LifeSupport;
    // Support that was to start after the day it ends never began.
    if (day < support.start) p.support.splice(s.support, 1);
    else {
      support.end = day;
      support.reason = reason;
    }
    s.support = -1;
  };

  /** Leaves homelessness: the spell in contact ends (its contacts are drawn), as does an open stay. */
  const leaveHomeless = (i: number, day: number) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    // A contact every three to twelve weeks: never a gap that makes the citizen inactive (90 days).
    let at = s.contactFrom + random.int(10, 60);
    while (at < day) {
      p.contacts.push(at);
      at += random.int(20, 85);
    }
  };

  const becomeHomeless = (i: number, day: number, situation: HomelessSituation) => {
    const s = states[i] as State;
    s.mode = 'homeless';
    s.contactFrom = day;
    enterSituation(i, day, situation);
    plan(i, day);
  };

  const addPerson = (day: number, need: Need, citizenId: string | null) => {
    const i = persons.length;
    persons.push({
      citizenId,
      need,
      entry: day,
      episodes: [],
      contacts: [],
      applications: [],
      support: [],
      lost: [],
      gone: null,
    });
    states.push({
      mode: 'homeless',
      situationEnd: 0,
      open: -1,
      waiting: false,
      decideOn: 0,
      moveIn: 0,
      support: -1,
      supportEnd: 0,
      contactFrom: day,
      atRisk: 0,
      next: 0,
      kind: 'gone',
      version: 0,
    });
    return i;
  };

  const houseWithSupport = (i: number, day: number, fromList: boolean) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    s.mode = 'housed';
    p.episodes.push({ day, situation: 'housed' });
    const method = fromList ? SUPPORT_AT_MOVE_IN[p.need].pick(random) : random.chance(0.04) ? 'icm' : null;
    if (method) {
      const start = day + random.int(0, 14);
      let end: number;
      let reason: LifeSupport['reason'];
      if (method === 'cti') {
        const early = random.chance(0.25);
        end = early ? start + random.int(20, 250) : start + CTI_DAYS;
        reason = early ? SUPPORT_END.pick(random) : 'completed';
      } else {
        end = start + 30 + days(SUPPORT_DAYS[method]);
        reason = SUPPORT_END.pick(random);
      }
      s.support = p.support.length;
      s.supportEnd = end;
      p.support.push({ method, start, end: null, reason });
    }
    plan(i, day);
  };

  const handle = (i: number, day: number, kind: EventKind) => {
    const p = persons[i] as Person;
    const s = states[i] as State;
    switch (kind) {
      case 'situation':
        enterSituation(i, day, NEXT_SITUATION.pick(random));
        break;
      case 'resolve':
        leaveHomeless(i, day);
        // Most withdraw an open application; the rest stay on the list until it is cleaned.
        if (s.open >= 0 && (!s.waiting || random.chance(0.6))) closeApplication(i, day, 'withdrawn');
        houseWithSupport(i, day, false);
        return;
      case 'lose':
        leaveHomeless(i, day);
        p.lost.push(day);
        s.mode = 'lost';
        if (s.open >= 0 && !s.waiting) closeApplication(i, day, 'withdrawn');
        break;
      case 'apply': {
        s.open = p.applications.length;
        s.waiting = false;
        s.decideOn = day + random.int(10, 45);
        const current = p.episodes.at(-1)?.situation;
        const priority: Priority =
          p.need === 2 && current === 'street' ? 'acute' : p.need === 2 ? 'high' : 'normal';
        p.applications.push({ submitted: day, approved: null, priority, end: null });
        break;
      }
      case 'decide': {
        const application = p.applications[s.open] as LifeApplication;
        if (random.chance(0.18)) closeApplication(i, day, 'rejected');
        else {
          application.approved = day;
          s.waiting = true;
          queues[application.priority].push(i);
        }
        break;
      }
      case 'remove':
        closeApplication(i, day, 'removed');
        break;
      case 'back':
        becomeHomeless(i, day, FIRST_SITUATION.pick(random));
        return;
      case 'cleanup':
        closeApplication(i, day, s.waiting ? 'removed' : 'withdrawn');
        break;
      case 'relapse':
        endSupport(i, day, 'evicted');
        if (s.open >= 0) closeApplication(i, day, 'withdrawn');
        becomeHomeless(i, day, NEXT_SITUATION.pick(random));
        return;
      case 'threat':
        p.episodes.push({ day, situation: 'at_risk' });
        s.atRisk = day + random.int(20, 120);
        break;
      case 'averted':
        s.atRisk = 0;
        if (random.chance(0.25)) {
          endSupport(i, day, 'evicted');
          if (s.open >= 0) closeApplication(i, day, 'withdrawn');
          becomeHomeless(i, day, NEXT_SITUATION.pick(random));
          return;
        }
        p.episodes.push({ day, situation: 'housed' });
        break;
      case 'supportEnd': {
        const support = p.support[s.support] as LifeSupport;
        endSupport(i, day, support.reason);
        break;
      }
      case 'moveIn':
        s.moveIn = 0;
        closeApplication(i, day, 'housed');
        leaveHomeless(i, day);
        houseWithSupport(i, day, true);
        return;
      case 'gone': {
        if (s.mode === 'homeless') leaveHomeless(i, day);
        const died = random.chance(0.3);
        endSupport(i, day, died ? 'died' : 'moved_away');
        if (s.open >= 0) closeApplication(i, day, s.waiting ? 'removed' : 'withdrawn');
        p.gone = { day, died };
        s.mode = 'gone';
        return;
      }
    }
    plan(i, day);
  };

  /** Offers a unit down the waiting list: the first in contact and homeless of each priority in turn. */
  const let_ = (available: number, source: Unit['source']) => {
    const unit: Unit = { available, source, offers: [], letting: null };
    units.push(unit);
    // Some units suit nobody on the list (rent, size, an area's letting rules): given back unoffered.
    if (random.chance(0.1)) return;
    let offered = available - 14;
    for (const priority of ['acute', 'high', 'normal'] as const) {
      const queue = queues[priority];
      let k = 0;
      while (k < queue.length && unit.letting === null && unit.offers.length < 3) {
        const i = queue[k] as number;
        const s = states[i] as State;
        if (!s.waiting) {
          queue.splice(k, 1);
          continue;
        }
        k++;
        if (s.mode !== 'homeless' || s.moveIn > 0) continue;
        const application = s.open;
        if (random.chance(0.72)) {
          const accepted = Math.max(offered + 2, (persons[i]?.applications[application]?.approved ?? 0) + 1);
          unit.offers.push({ person: i, application, day: offered, status: 'accepted' });
          unit.letting = { person: i, accepted, movedIn: Math.max(available + 14, accepted + 3) };
          // The application closes as housed when the citizen moves in (as the allocation module's
          // move-in does); until then it holds the accepted offer and is offered nothing else.
          (persons[i]?.applications[application] as LifeApplication).unit = units.length - 1;
          s.moveIn = unit.letting.movedIn;
          plan(i, available);
        } else
          unit.offers.push({
            person: i,
            application,
            day: offered,
            status: random.chance(0.75) ? 'declined' : 'expired',
          });
        offered += 7;
      }
      if (unit.letting || unit.offers.length >= 3) break;
    }
  };

  let evicted = 0;
  const byDay = [...o.evicted].sort((a, b) => a.day - b.day);
  for (let day = o.start; day <= o.today; day++) {
    for (let n = poisson(o.inflowOn(day) / DAYS_PER_MONTH); n > 0; n--)
      becomeHomeless(addPerson(day, NEED.pick(random), null), day, FIRST_SITUATION.pick(random));
    while (evicted < byDay.length && (byDay[evicted]?.day ?? Infinity) <= day) {
      const e = byDay[evicted++] as { citizenId: string; day: number };
      becomeHomeless(
        addPerson(day, EVICTED_NEED.pick(random), e.citizenId),
        day,
        FIRST_SITUATION.pick(random),
      );
    }
    const list = due[day - o.start] as number[];
    for (let k = 0; k < list.length; k += 2) {
      const i = list[k] as number;
      const s = states[i] as State;
      if (s.version !== list[k + 1] || s.mode === 'gone') continue;
      handle(i, day, s.kind);
    }
    // Units the landlords report on this day (available two weeks on); none so late that the offer
    // would still be open on the last day.
    if (day + 14 <= o.today - 14) {
      const supply = o.supplyOn(day);
      supply.lines.forEach((perMonth, line) => {
        for (let n = poisson(perMonth / DAYS_PER_MONTH); n > 0; n--) let_(day + 14, { line });
      });
      for (let n = poisson(supply.pool / DAYS_PER_MONTH); n > 0; n--) let_(day + 14, 'pool');
    }
  }
  // Spells in contact still going on the last day get their contacts up to it.
  persons.forEach((_, i) => {
    if (states[i]?.mode === 'homeless') leaveHomeless(i, o.today + 1);
  });
  return { persons, units };
}
