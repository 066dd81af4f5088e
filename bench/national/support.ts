import { sql } from 'kysely';
import type pg from 'pg';
import { type Cell, copyRows } from '../../src/server/db/copy';
import type { Db } from '../../src/server/db/database';
import { insertUser } from '../../src/server/modules/access/access.repository';
import type { ContactKind, EndReason, LegalBasis, Method } from '../../src/shared/support/model';
import { ctiPlannedEnd, ctiPlannedPhases } from '../../src/shared/support/rules';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../lib/danish-names';
import { dayNumber, isoDate, type Random, Weighted } from '../lib/random';
import type { HistorySupport } from './history';

/**
 * Support (issue 15 §10) in the national set: teams, support workers (users of the support role),
 * enrollments (forløb) over the last ten years with CTI's phase changes, and contacts of the last
 * three years (older ones are not kept), loaded with COPY as the module's own service would have
 * stored them. The Housing First enrollments (CTI, ICM, ACT) are the by-name history's (history.ts:
 * support from the move-in into a home let from the waiting list, ended when the home is lost); the
 * other methods are drawn here:
 * - CTI starts only on or after a signed lease, a move-in or an own-home whereabouts episode
 *   (rule 16), with the planned end and phase dates the service computes (30 days' contact building,
 *   then 3 × 3 months), a contact-building phase row at the start and a row per phase reached;
 * - ICM and ACT have no planned end; ACT is assigned to its team, which shares its caseload;
 * - one active enrollment per citizen and method (here: one enrollment per citizen);
 * - an enrollment ends with a reason on or before today, never before its start;
 * - contacts follow each method's rhythm (CTI at least weekly, every 2 weeks, monthly by phase; one
 *   CTI course in seven too seldom in phase 1), about one in twelve is a missed visit, and about one in ten active enrollments has had no contact for 2–6
 *   weeks (a task in "Mine opgaver").
 * The bench's support user (`k<code>.stoette`) is the first worker of the CTI team (or the
 * municipality's only team) and holds about 20 active enrollments where the municipality has them.
 */

export interface SupportSizes {
  enrollments: number;
  contacts: number;
}

export interface SupportCounts {
  teams: number;
  workers: number;
  enrollments: number;
  active: number;
  contacts: number;
  /** Active enrollments of the bench's support user. */
  benchCaseload: number;
}

type Group = 'cti' | 'icm' | 'act' | 'light';

const LIGHT_METHOD = new Weighted<Method>([
  ['bostoette_85', 30],
  ['stoettekontaktperson', 10],
  ['spir', 3],
  ['treatment_substance', 4],
  ['treatment_psychiatry', 2],
]);

const GROUP: Record<Method, Group> = {
  cti: 'cti',
  icm: 'icm',
  act: 'act',
  spir: 'light',
  bostoette_85: 'light',
  stoettekontaktperson: 'light',
  treatment_substance: 'light',
  treatment_psychiatry: 'light',
};

const TEAMS: Record<Group, { name: string; perWorker: number; shared: boolean }> = {
  cti: { name: 'CTI-teamet', perWorker: 18, shared: false },
  icm: { name: 'ICM-teamet', perWorker: 18, shared: false },
  act: { name: 'ACT-teamet', perWorker: 9, shared: true },
  light: { name: 'Bostøtteteamet', perWorker: 22, shared: false },
};

const LEGAL_BASIS: Record<Method, LegalBasis> = {
  cti: 's85a',
  icm: 's85a',
  act: 's85a',
  spir: 's85',
  bostoette_85: 's85',
  stoettekontaktperson: 'other',
  treatment_substance: 'other',
  treatment_psychiatry: 'other',
};

/** Mean length in days of an enrollment that does not run its planned course (all but CTI). */
const MEAN_DAYS: Record<Method, number> = {
  cti: 290,
  icm: 540,
  act: 720,
  spir: 270,
  bostoette_85: 365,
  stoettekontaktperson: 365,
  treatment_substance: 180,
  treatment_psychiatry: 240,
};

/** Days between contacts by method (CTI by phase, below). */
const INTERVAL: Record<Method, number> = {
  cti: 7,
  icm: 7,
  act: 4,
  spir: 3,
  bostoette_85: 7,
  stoettekontaktperson: 10,
  treatment_substance: 14,
  treatment_psychiatry: 14,
};

const END_REASON = new Weighted<EndReason>([
  ['goals_met', 30],
  ['declined', 12],
  ['lost_contact', 10],
  ['other_support', 14],
  ['moved_away', 10],
  ['evicted', 6],
  ['died', 3],
  ['other', 5],
]);

const KIND = new Weighted<ContactKind>([
  ['home_visit', 50],
  ['phone', 22],
  ['meeting', 12],
  ['escort', 8],
  ['missed', 8],
]);

const NOTES = [
  'Gennemgik budget og husleje sammen.',
  'Fulgtes til lægen; borgeren var godt forberedt.',
  'Talte om kontakt til familien og naboerne.',
  'Indkøb og madlavning i den nye bolig.',
  'Aftalte næste skridt i planen.',
  'Hjalp med post fra kommunen og banken.',
];

const PROVIDERS = ['Kirkens Korshær', 'Blå Kors', 'Projekt Udenfor', 'Den kommunale bostøtte'];

const TEAM_COLUMNS = ['id', 'municipality_id', 'name', 'shared_caseload', 'created_at'];
const WORKER_COLUMNS = ['id', 'municipality_id', 'user_id', 'team_id', 'fte', 'active', 'created_at'];
const ENROLLMENT_COLUMNS = [
  'id',
  'municipality_id',
  'citizen_id',
  'method',
  'worker_id',
  'team_id',
  'decision_on',
  'legal_basis',
  'provider_wish',
  'provider_wish_followed',
  'provider_wish_reason',
  'start_on',
  'planned_end_on',
  'end_on',
  'end_reason',
  'created_at',
  'created_by',
];
const PHASE_COLUMNS = [
  'id',
  'municipality_id',
  'enrollment_id',
  'phase',
  'from_on',
  'recorded_at',
  'recorded_by',
];
const CONTACT_COLUMNS = [
  'id',
  'municipality_id',
  'enrollment_id',
  'contact_on',
  'kind',
  'by_user_id',
  'note',
  'created_at',
];

interface Planned {
  id: string;
  citizenId: string;
  method: Method;
  start: number;
  plannedEnd: string | null;
  end: number | null;
  endReason: EndReason | null;
  /** Active, but without contact for the last 15–45 days. */
  silent: number;
  workerId: string | null;
  teamId: string | null;
  /** Who records the contacts. */
  userIds: string[];
}

/** Generates the municipality's support data; `benchUser` is the user id of `k<code>.stoette`. */
export async function addSupport(o: {
  /** The Housing First enrollments of the by-name history. */
  housingFirst: readonly HistorySupport[];
  owner: Db;
  /** What COPY is sent through (a pg.Client, or the PGlite shim of embedded.ts). */
  copy: pg.Client;
  municipalityId: string;
  name: string;
  code: string;
  random: Random;
  sizes: SupportSizes;
  today: string;
  benchUser: string;
  createdBy: string;
  passwordHash: string;
}): Promise<SupportCounts> {
  const { random } = o;
  const m = o.municipalityId;
  const day = dayNumber(o.today);
  const windowStart = day - 3652;
  /** Contacts are kept for three years. */
  const contactsFrom = day - 3 * 365;
  // Citizens, with the first day of a home a CTI start can rest on (lease, move-in, own-home episode).
  const { rows: citizens } = await sql<{ id: string; housed_from: string | null }>`
    select c.id, h.first::text as housed_from
    from citizen c
    left join (
      select citizen_id, min(d) as first from (
        select citizen_id, least(lease_signed_on, moved_in_on) as d from tenancy where municipality_id = ${m}
        union all
        select citizen_id, from_date from whereabouts_episode where municipality_id = ${m} and situation = 'housed'
      ) x where d <= ${o.today}::date group by citizen_id
    ) h on h.citizen_id = c.id
    where c.municipality_id = ${m} and c.merged_into is null and c.died_on is null
    order by c.id`.execute(o.owner);
  const shuffle = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  };
  const housed = shuffle(citizens.filter((c) => c.housed_from !== null));
  const unhoused = shuffle(citizens.filter((c) => c.housed_from === null));
  const used = new Set<string>();
  // Other methods prefer citizens without a home of record, but take the housed too (bostøtte).
  const takeAny = () => {
    const from = random.chance(0.5) ? unhoused : housed;
    for (let c = from.pop(); c; c = from.pop()) if (!used.has(c.id)) return c;
    for (const list of [unhoused, housed])
      for (let c = list.pop(); c; c = list.pop()) if (!used.has(c.id)) return c;
    return undefined;
  };

  // Housing First as the history has it: a CTI course that ran its course ends on its planned end.
  const planned: Planned[] = [];
  for (const h of o.housingFirst) {
    used.add(h.citizenId);
    const plannedEnd = h.method === 'cti' ? ctiPlannedEnd(isoDate(h.start), 30) : null;
    let end = h.end;
    if (h.reason === 'completed' && plannedEnd !== null)
      end = dayNumber(plannedEnd) <= day ? dayNumber(plannedEnd) : null;
    planned.push({
      id: random.uuid(),
      citizenId: h.citizenId,
      method: h.method,
      start: h.start,
      plannedEnd,
      end,
      endReason: end === null ? null : (h.reason ?? 'other'),
      silent: end === null && random.chance(0.1) ? random.int(15, 45) : 0,
      workerId: null,
      teamId: null,
      userIds: [],
    });
  }
  // The other methods at the module's national rate over ten years.
  const enrollmentsWanted = Math.min(Math.round((o.sizes.enrollments * 10) / 3), citizens.length - used.size);
  for (let i = 0; i < enrollmentsWanted; i++) {
    const method = LIGHT_METHOD.pick(random);
    const citizen = takeAny();
    if (!citizen) break;
    used.add(citizen.id);
    const start = windowStart + random.int(0, day - 7 - windowStart);
    let plannedEnd: string | null = null;
    let end: number | null = null;
    let endReason: EndReason | null = null;
    {
      const mean = MEAN_DAYS[method];
      end = start + Math.max(30, Math.round(-Math.log(1 - random.next()) * mean));
      endReason = END_REASON.pick(random);
      if (
        (method === 'stoettekontaktperson' || method === 'spir' || method.startsWith('treatment')) &&
        random.chance(0.5)
      )
        plannedEnd = isoDate(start + 365);
    }
    if (end > day) {
      end = null;
      endReason = null;
    }
    planned.push({
      id: random.uuid(),
      citizenId: citizen.id,
      method,
      start,
      plannedEnd,
      end,
      endReason,
      silent: end === null && random.chance(0.1) ? random.int(15, 45) : 0,
      workerId: null,
      teamId: null,
      userIds: [],
    });
  }

  // Teams and workers: as many as the active caseload of each group needs.
  const groups = [...new Set(planned.map((p) => GROUP[p.method]))];
  const small = planned.length < 40;
  const teamOf = new Map<Group, string>();
  const teams: Cell[][] = [];
  const created = `${isoDate(windowStart - 30)}T08:00:00Z`;
  if (small) {
    const id = random.uuid();
    teams.push([id, m, 'Støtteteamet', false, created]);
    for (const g of ['cti', 'icm', 'act', 'light'] as const) teamOf.set(g, id);
  } else {
    for (const g of (['cti', 'icm', 'act', 'light'] as const).filter((x) => groups.includes(x))) {
      const id = random.uuid();
      teams.push([id, m, TEAMS[g].name, TEAMS[g].shared, created]);
      teamOf.set(g, id);
    }
  }
  const benchGroup: Group = small || !teamOf.has('cti') ? (groups[0] ?? 'cti') : 'cti';
  const workersOf = new Map<Group, { id: string; userId: string }[]>();
  const workers: Cell[][] = [];
  let serial = 1;
  const newWorker = async (g: Group, userId: string | undefined, fte: number) => {
    let user = userId;
    if (!user) {
      serial++;
      const female = random.chance(0.7);
      const given = random.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
      const family = random.pick(FAMILY_NAMES)[0];
      const row = await insertUser(o.owner, {
        municipalityId: m,
        username: `k${o.code}.stoette${String(serial).padStart(2, '0')}`,
        displayName: `${given} ${family}`,
        role: 'support',
        passwordHash: o.passwordHash,
      });
      user = row.id;
    }
    const w = { id: random.uuid(), userId: user };
    workers.push([w.id, m, user, teamOf.get(g) ?? null, fte, true, created]);
    const list = workersOf.get(g) ?? [];
    list.push(w);
    workersOf.set(g, list);
    return w;
  };
  const activeIn = (g: Group) => planned.filter((p) => p.end === null && (small || GROUP[p.method] === g));
  const bench = await newWorker(benchGroup, o.benchUser, 1);
  if (small) {
    // One team: the bench's worker and as many more as the caseload needs.
    for (let n = Math.round(activeIn('cti').length / 20); n > 1; n--) await newWorker('cti', undefined, 1);
  } else {
    for (const g of ['cti', 'icm', 'act', 'light'] as const) {
      if (!teamOf.has(g)) continue;
      const want = Math.max(g === 'act' ? 3 : 1, Math.round(activeIn(g).length / TEAMS[g].perWorker));
      const have = workersOf.get(g)?.length ?? 0;
      for (let n = have; n < want; n++)
        await newWorker(g, undefined, random.chance(0.2) ? random.pick([0.5, 0.8]) : 1);
    }
  }

  // Assignment: ACT to its team; the rest to the group's workers, the active ones in turn.
  const turn = new Map<Group, number>();
  for (const p of planned) {
    const g: Group = small ? benchGroup : GROUP[p.method];
    const list = workersOf.get(g) ?? [bench];
    if (g === 'act' && !small) {
      p.teamId = teamOf.get('act') ?? null;
      p.userIds = list.map((w) => w.userId);
      continue;
    }
    const w =
      p.end === null
        ? (list[(turn.set(g, (turn.get(g) ?? 0) + 1).get(g) ?? 1) % list.length] as (typeof list)[number])
        : random.pick(list);
    p.workerId = w.id;
    p.userIds = [w.userId];
  }

  // Rows: enrollments, CTI phases and contacts.
  const enrollmentRows: Cell[][] = [];
  const phaseRows: Cell[][] = [];
  const contactRows: Cell[][] = [];
  for (const p of planned) {
    const startOn = isoDate(p.start);
    const wish = LEGAL_BASIS[p.method] === 's85a' && random.chance(0.1);
    const followed = wish ? random.chance(0.8) : null;
    enrollmentRows.push([
      p.id,
      m,
      p.citizenId,
      p.method,
      p.workerId,
      p.teamId,
      isoDate(p.start - random.int(7, 21)),
      LEGAL_BASIS[p.method],
      wish ? random.pick(PROVIDERS) : null,
      followed,
      followed === false ? 'Leverandøren havde ikke plads inden for rimelig tid.' : null,
      startOn,
      p.plannedEnd,
      p.end === null ? null : isoDate(p.end),
      p.endReason,
      `${isoDate(p.start - random.int(1, 6))}T09:30:00Z`,
      o.createdBy,
    ]);
    const until = p.end ?? day - p.silent;
    const phases = p.method === 'cti' ? ctiPlannedPhases(startOn, 30) : null;
    // About one CTI course in seven is seen too seldom in phase 1 (a fidelity warning on the caseload).
    const sparse = phases !== null && random.chance(0.15);
    if (phases) {
      for (const phase of ['contact_building', 'phase1', 'phase2', 'phase3'] as const) {
        const from = dayNumber(phases[phase]);
        if (from > (p.end ?? day)) break;
        phaseRows.push([
          random.uuid(),
          m,
          p.id,
          phase,
          phases[phase],
          `${phases[phase]}T10:00:00Z`,
          p.userIds[0] ?? null,
        ]);
      }
    }
    const interval = (d: number) => {
      if (!phases) return INTERVAL[p.method];
      const date = isoDate(d);
      if (date < phases.phase1) return 4;
      if (date < phases.phase2) return sparse ? 9 : 5;
      if (date < phases.phase3) return 14;
      return 30;
    };
    let d = p.start + random.int(1, 3);
    while (d < contactsFrom) d += Math.max(1, interval(d) + random.int(-1, 2));
    let last = -1;
    while (d <= until) {
      last = d;
      const kind = KIND.pick(random);
      contactRows.push([
        random.uuid(),
        m,
        p.id,
        isoDate(d),
        kind,
        random.pick(p.userIds),
        kind !== 'missed' && random.chance(0.25) ? random.pick(NOTES) : null,
        `${isoDate(d)}T${String(random.int(8, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
      ]);
      d += Math.max(1, interval(d) + random.int(-1, 2));
    }
    // An active enrollment not meant to be silent had its last real contact within the gap.
    if (p.end === null && !p.silent && last < day - 10 && day > p.start)
      contactRows.push([
        random.uuid(),
        m,
        p.id,
        isoDate(Math.max(p.start, day - random.int(0, 9))),
        'home_visit',
        random.pick(p.userIds),
        null,
        `${isoDate(day)}T07:00:00Z`,
      ]);
  }
  // Thin the other methods' contacts to the national total (their rhythm above is the norm; practice
  // is sparser). CTI keeps its pattern, and every enrollment its latest contact, so that the
  // caseload's pattern warnings and "days without contact" stay as generated.
  const cti = new Set(planned.filter((p) => p.method === 'cti').map((p) => p.id));
  const ctiContacts = contactRows.filter((r) => cti.has(r[2] as string)).length;
  const keepShare = Math.min(
    1,
    Math.max(0.3, (o.sizes.contacts - ctiContacts) / Math.max(1, contactRows.length - ctiContacts)),
  );
  const latest = new Map<string, number>();
  contactRows.forEach((r, i) => {
    latest.set(r[2] as string, i);
  });
  const keepLatest = new Set(latest.values());
  const contacts = contactRows.filter(
    (r, i) => cti.has(r[2] as string) || keepLatest.has(i) || random.next() < keepShare,
  );

  await o.copy.query('begin');
  try {
    await copyRows(o.copy, 'support_team', TEAM_COLUMNS, teams);
    await copyRows(o.copy, 'support_worker', WORKER_COLUMNS, workers);
    await copyRows(o.copy, 'support_enrollment', ENROLLMENT_COLUMNS, enrollmentRows);
    await copyRows(o.copy, 'support_phase_change', PHASE_COLUMNS, phaseRows);
    for (let i = 0; i < contacts.length; i += 50_000)
      await copyRows(o.copy, 'support_contact', CONTACT_COLUMNS, contacts.slice(i, i + 50_000));
    await o.copy.query('commit');
  } catch (error) {
    await o.copy.query('rollback');
    throw error;
  }
  return {
    teams: teams.length,
    workers: workers.length,
    enrollments: planned.length,
    active: planned.filter((p) => p.end === null).length,
    contacts: contacts.length,
    benchCaseload: planned.filter((p) => p.end === null && p.workerId === bench.id).length,
  };
}
