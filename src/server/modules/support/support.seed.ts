import { randomBytes } from 'node:crypto';
import { addDays, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import { mulberry32 } from '../../../shared/random';
import type { ContactKind, EndReason, Method } from '../../../shared/support/model';
import { addMonths, ctiPlannedPhases } from '../../../shared/support/rules';
import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { DemoContext } from '../../platform/module';
import { createUser } from '../access';
import { tenancyFacts } from '../allocation';
import { whereaboutsFacts } from '../citizens';
import * as repo from './support.repository';
import { createEnrollment, createTeam, createWorker, endEnrollment } from './support.service';

/**
 * A year of support in the demo municipality (issue 15 §10): three teams (CTI, ICM and an ACT team
 * that shares its caseload), the demo support worker Birgit Bostøtte on half time in the CTI team
 * with more CTI citizens than the norm allows (a fidelity warning at first start), four fictitious
 * colleagues (they cannot log in: their passwords are random), enrollments started over the past
 * year with CTI's phases, contacts in each phase's pattern (one CTI course too sparse in phase 1),
 * a few ended courses, and work due today: a citizen without contact for three weeks.
 */

const PERMISSIONS: Permission[] = [
  'support.read',
  'support.write',
  'support.all',
  'support.manage',
  'citizens.sensitive',
];

const COLLEAGUES = [
  { username: 'demo.support.cti', name: 'Carl Christensen', team: 'cti', fte: 0.8 },
  { username: 'demo.support.icm', name: 'Ida Mortensen', team: 'icm', fte: 1 },
  { username: 'demo.support.act1', name: 'Asta Thomsen', team: 'act', fte: 1 },
  { username: 'demo.support.act2', name: 'Adam Holm', team: 'act', fte: 0.6 },
] as const;

const NOTES = [
  'Gennemgik budget og husleje sammen.',
  'Fulgtes til lægen; borgeren var godt forberedt.',
  'Talte om kontakt til familien og naboerne.',
  'Indkøb og madlavning i den nye bolig.',
  'Aftalte næste skridt i planen.',
];

export async function seedDemoSupport(trx: Tx, demo: DemoContext): Promise<void> {
  const m = demo.municipalityId;
  const now = today();
  const random = mulberry32(1_50_2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const actorFor = (userId: string, username: string): Actor => ({
    userId,
    username,
    municipalityId: m,
    role: 'support',
    permissions: new Set(PERMISSIONS),
    clientIp: null,
  });
  const admin = demo.actorOf('admin', PERMISSIONS);

  // Teams and workers.
  const cti = await createTeam(trx, admin, { name: 'CTI-teamet', sharedCaseload: false });
  const icm = await createTeam(trx, admin, { name: 'ICM-teamet', sharedCaseload: false });
  const act = await createTeam(trx, admin, { name: 'ACT-teamet', sharedCaseload: true });
  const teamOf = { cti: cti.id, icm: icm.id, act: act.id } as const;
  const birgitUser = demo.userIdOf('support');
  const birgit = await createWorker(trx, admin, { userId: birgitUser, teamId: cti.id, fte: 0.5 });
  const colleagues: { workerId: string; actor: Actor; team: keyof typeof teamOf }[] = [];
  for (const c of COLLEAGUES) {
    const user = await createUser(trx, null, m, {
      username: c.username,
      displayName: c.name,
      role: 'support',
      password: randomBytes(24).toString('base64url'),
    });
    const w = await createWorker(trx, admin, { userId: user.id, teamId: teamOf[c.team], fte: c.fte });
    colleagues.push({ workerId: w.id, actor: actorFor(user.id, c.username), team: c.team });
  }
  const birgitActor = actorFor(birgitUser, 'demo.support');

  // Citizens: those housed now (with the date the home began) and the rest.
  const latest = new Map<string, { situation: string; from: string }>();
  for (const e of await whereaboutsFacts(trx, m, null)) {
    const cur = latest.get(e.citizen_id);
    if (!cur || e.from_date >= cur.from)
      latest.set(e.citizen_id, { situation: e.situation, from: e.from_date });
  }
  const tenancies = await tenancyFacts(trx, m, null);
  // Housed now, from the latest fact about the home (rule 16 as housingAllowsStart reads it): the
  // latest move-in unless a later episode took the citizen away from it, else a housed episode.
  const housedFrom = new Map<string, string>();
  for (const [id, e] of latest) if (e.situation === 'housed') housedFrom.set(id, e.from);
  for (const t of tenancies) {
    if (!t.moved_in_on || t.moved_in_on > now) continue;
    const episode = latest.get(t.citizen_id);
    if (episode && episode.from > t.moved_in_on && episode.situation !== 'housed') continue;
    const known = housedFrom.get(t.citizen_id);
    if (!known || t.moved_in_on > known) housedFrom.set(t.citizen_id, t.moved_in_on);
  }
  const housed = [...housedFrom.entries()].sort(([a], [b]) => a.localeCompare(b));
  const others = [...latest.keys()].filter((id) => !housedFrom.has(id)).sort();
  const tenancyCitizens = new Set(tenancies.filter((t) => t.moved_in_on).map((t) => t.citizen_id));
  // Citizens who got their home through allocation first (housing retention per method).
  housed.sort(([a], [b]) => Number(tenancyCitizens.has(b)) - Number(tenancyCitizens.has(a)));

  interface Plan {
    citizenId: string;
    method: Method;
    actor: Actor;
    workerId: string | null;
    teamId: string | null;
    startOn: string;
    end?: { on: string; reason: EndReason };
    /** CTI phase 1 with too few contacts (rule 18 warning). */
    sparse?: boolean;
    /** No contact for the last three weeks (a task today). */
    silent?: boolean;
  }
  const plans: Plan[] = [];
  /** A start on or after the home's first day, within the past year. */
  const startAfter = (from: string, minAgo: number, maxAgo: number) => {
    const ago = minAgo + Math.floor(random() * (maxAgo - minAgo));
    const start = addDays(now, -ago);
    return start < from ? (from > now ? now : from) : start;
  };
  const takeHoused = () => housed.shift();
  // Birgit: 11 CTI citizens at half time (norm 20 per full-time worker: 10), one silent, one sparse.
  for (let i = 0; i < 11; i++) {
    const h = takeHoused();
    if (!h) break;
    plans.push({
      citizenId: h[0],
      method: 'cti',
      actor: birgitActor,
      workerId: birgit.id,
      teamId: null,
      startOn: startAfter(h[1], 20, 250),
      silent: i === 0,
      sparse: i === 1,
    });
  }
  const carl = colleagues[0];
  const ida = colleagues[1];
  const asta = colleagues[2];
  // Carl: 6 CTI citizens, two of them completed after the 9 months and one who declined early.
  for (let i = 0; carl && i < 6; i++) {
    const h = takeHoused();
    if (!h) break;
    const long = i < 2;
    const startOn = long ? startAfter(h[1], 330, 360) : startAfter(h[1], 30, 300);
    plans.push({
      citizenId: h[0],
      method: 'cti',
      actor: carl.actor,
      workerId: carl.workerId,
      teamId: null,
      startOn,
      ...(long ? { end: { on: addDays(addMonths(startOn, 10), 0), reason: 'completed' as const } } : {}),
      ...(i === 2 ? { end: { on: addDays(now, -5), reason: 'declined' as const } } : {}),
    });
  }
  // Ida: ICM, housed or not; one moved away.
  for (let i = 0; ida && i < 12; i++) {
    const citizenId = others.shift() ?? takeHoused()?.[0];
    if (!citizenId) break;
    const startOn = addDays(now, -(20 + Math.floor(random() * 340)));
    plans.push({
      citizenId,
      method: 'icm',
      actor: ida.actor,
      workerId: ida.workerId,
      teamId: null,
      startOn,
      ...(i === 0 ? { end: { on: addDays(now, -40), reason: 'moved_away' as const } } : {}),
    });
  }
  // The ACT team: a shared caseload.
  for (let i = 0; asta && i < 12; i++) {
    const citizenId = others.shift() ?? takeHoused()?.[0];
    if (!citizenId) break;
    plans.push({
      citizenId,
      method: 'act',
      actor: asta.actor,
      workerId: null,
      teamId: act.id,
      startOn: addDays(now, -(20 + Math.floor(random() * 340))),
    });
  }
  // Lighter support: § 85 bostøtte and a støttekontaktperson.
  for (const method of ['bostoette_85', 'bostoette_85', 'stoettekontaktperson'] as const) {
    const h = takeHoused();
    if (!h || !ida) break;
    plans.push({
      citizenId: h[0],
      method,
      actor: ida.actor,
      workerId: ida.workerId,
      teamId: null,
      startOn: startAfter(h[1], 60, 300),
    });
  }

  const kinds: ContactKind[] = ['home_visit', 'home_visit', 'phone', 'meeting', 'escort'];
  for (const p of plans) {
    if (p.startOn > now) continue;
    const { id } = await createEnrollment(trx, admin, {
      citizenId: p.citizenId,
      method: p.method,
      workerId: p.workerId,
      teamId: p.teamId,
      decisionOn: addDays(p.startOn, -7 - Math.floor(random() * 14)),
      legalBasis:
        p.method === 'bostoette_85' ? 's85' : p.method === 'stoettekontaktperson' ? 'other' : 's85a',
      providerWish: null,
      providerWishFollowed: null,
      providerWishReason: null,
      startOn: p.startOn,
      plannedEndOn: null,
    });
    const until = p.end && p.end.on < now ? p.end.on : p.silent ? addDays(now, -21) : now;
    // Contacts: CTI in each phase's pattern (weekly, every 2 weeks, monthly); ICM about weekly;
    // ACT twice a week; lighter support every 2 weeks.
    const intervalOn = (date: string): number => {
      if (p.method !== 'cti') return p.method === 'act' ? 3 : p.method === 'icm' ? 7 : 14;
      const phases = ctiPlannedPhases(p.startOn, 30);
      if (date < phases.phase1) return 5;
      if (date < phases.phase2) return p.sparse ? 16 : 7;
      if (date < phases.phase3) return 14;
      return 30;
    };
    let date = addDays(p.startOn, 1 + Math.floor(random() * 3));
    while (date <= until) {
      const kind: ContactKind = random() < 0.08 ? 'missed' : pick(kinds);
      await repo.insertContact(trx, {
        municipality_id: m,
        enrollment_id: id,
        contact_on: date,
        kind,
        by_user_id: p.actor.userId,
        note: kind === 'missed' ? null : random() < 0.3 ? pick(NOTES) : null,
      });
      date = addDays(date, intervalOn(date) + Math.floor(random() * 3) - 1);
    }
    if (p.method === 'cti') {
      const phases = ctiPlannedPhases(p.startOn, 30);
      for (const phase of ['phase1', 'phase2', 'phase3'] as const)
        if (phases[phase] <= (p.end?.on ?? now))
          await repo.insertPhaseChange(trx, {
            municipality_id: m,
            enrollment_id: id,
            phase,
            from_on: phases[phase],
            recorded_by: p.actor.userId,
          });
    }
    if (p.end && p.end.on <= now)
      await endEnrollment(trx, p.actor, id, { endOn: p.end.on, endReason: p.end.reason });
  }
}
