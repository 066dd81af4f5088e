import http from 'node:http';
import type { CompiledQuery } from 'kysely';
import type { DatabaseHandles } from '../../src/server/db/database';
import type { PathLatency } from '../lib/open-loop';
import { Random, Weighted } from '../lib/random';
import { count, markdownTable, ms } from '../lib/report';
import { login, pathSpecs } from './bench';
import { type BenchUser, benchUsername, type GeneratedMunicipality } from './generate';
import { MUNICIPALITIES } from './municipalities';

/**
 * The mixed workload of staff across the municipalities (issue 21 §4): the read paths of the
 * national benchmark and the main writes, in the proportions of MIX, each municipality's share by
 * its population. Shared by the open-loop benchmark and the embedded run of ten users.
 */

/**
 * Relative frequencies of the requests staff send (they add up to 100). Caseworkers are the largest
 * group and spend their day finding citizens and reading their page; support workers open their
 * caseload and record contacts (the most frequent write: every visit and call); prevention workers
 * work the inbox as notices arrive; allocation officers read the waiting list and rank candidates
 * for a vacancy now and then; leaders, economy and shelter staff look at their reports a few times
 * a day. Reads are 87.5 %, writes 12.5 %. An offer made is withdrawn again as often, so that the
 * open vacancies stay open through a long run (withdrawing is a write an officer makes too).
 */
export const MIX: readonly { name: string; user: BenchUser | 'spec'; weight: number; write?: boolean }[] = [
  { name: 'citizen search', user: 'spec', weight: 14 },
  { name: 'citizen page', user: 'spec', weight: 18 },
  { name: 'Mine opgaver', user: 'spec', weight: 10 },
  { name: 'waiting list', user: 'spec', weight: 6 },
  { name: 'candidate ranking', user: 'spec', weight: 3 },
  { name: 'prevention inbox', user: 'spec', weight: 7 },
  { name: 'support caseload', user: 'spec', weight: 8 },
  { name: 'support Mine opgaver', user: 'spec', weight: 5 },
  { name: 'young people', user: 'spec', weight: 3.5 },
  { name: 'shelter residents', user: 'spec', weight: 3 },
  { name: 'dashboard', user: 'spec', weight: 3.5 },
  { name: 'agreement report', user: 'spec', weight: 1.5 },
  { name: 'dashboard, computed now', user: 'spec', weight: 0.5 },
  { name: 'committee report', user: 'spec', weight: 0.4 },
  { name: 'committee report, computed now', user: 'spec', weight: 0.1 },
  { name: 'youth indicators', user: 'spec', weight: 0.5 },
  { name: 'economics', user: 'spec', weight: 1 },
  { name: 'stay lengths', user: 'spec', weight: 0.5 },
  { name: 'register a citizen', user: 'caseworker', weight: 2, write: true },
  { name: 'record a notice', user: 'prevention', weight: 3, write: true },
  { name: 'make an offer', user: 'allocation', weight: 1.5, write: true },
  { name: 'withdraw an offer', user: 'allocation', weight: 1.5, write: true },
  { name: 'record a support contact', user: 'support', weight: 4.5, write: true },
];

export const WRITES = MIX.filter((m) => m.write).map((m) => m.name);

export interface Session {
  cookie: string;
  csrf: string;
}

interface OfferSlot {
  vacancyId: string;
  applicationId: string;
}

/** What the mix needs of one municipality: its read paths, sessions and the objects its writes use. */
export interface MunicipalityLoad {
  g: GeneratedMunicipality;
  weight: number;
  reads: Map<string, { users: BenchUser[]; paths: string[] }>;
  sessions: Map<BenchUser, Session>;
  /** Active enrollments of the support user (contacts are recorded on them). */
  enrollments: string[];
  /** Open vacancies, each with an eligible applicant no other slot uses. */
  freeSlots: OfferSlot[];
  liveOffers: { offerId: string; slot: OfferSlot }[];
  /** Captured statements per request name, for the raw baseline. */
  statements: Map<string, CompiledQuery[]>;
}

export interface MixRequest {
  m: MunicipalityLoad;
  name: string;
  write: boolean;
  user: BenchUser;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Called with the answer's body of a 2xx answer (keeps the offers' state). */
  done?: (body: string) => void;
  /** Called when the request failed (gives back what it reserved). */
  failed?: () => void;
}

const USERS_NEEDED: BenchUser[] = [
  'caseworker',
  'allocation',
  'prevention',
  'support',
  'leader',
  'shelter',
  'economy',
];

/** Keep-alive sockets enough for an open loop: requests never wait for a free socket. */
export function openLoopAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 512 });
}

export interface Answer {
  status: number;
  body: string;
}

export function httpRequest(
  agent: http.Agent,
  base: string,
  o: { method: string; path: string; headers: Record<string, string>; body?: string | undefined },
): Promise<Answer> {
  const url = new URL(o.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: o.method,
        headers: o.body
          ? { ...o.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(o.body) }
          : o.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Logs in one bench user per role of every municipality (before any timed run: argon2 is slow, so
 * a few at a time) and prepares what the writes need: the support user's active enrollments and,
 * per municipality, up to `offerSlots` open vacancies each paired with a different eligible applicant.
 */
export async function prepareMunicipalities(o: {
  base: string;
  db: DatabaseHandles;
  municipalities: readonly GeneratedMunicipality[];
  onDate: string;
  offerSlots: number;
  log: (line: string) => void;
}): Promise<MunicipalityLoad[]> {
  const population = new Map(MUNICIPALITIES.map((m) => [m.code, m.population]));
  const loads: MunicipalityLoad[] = [];
  for (const g of o.municipalities) {
    const specs = await pathSpecs(o.db, g, o.onDate);
    loads.push({
      g,
      weight: population.get(g.code) ?? 1,
      reads: new Map(
        specs.map((s) => [s.name, { users: Array.isArray(s.user) ? s.user : [s.user], paths: s.paths }]),
      ),
      sessions: new Map(),
      enrollments: [],
      freeSlots: [],
      liveOffers: [],
      statements: new Map(),
    });
  }
  o.log(`logging in ${USERS_NEEDED.length} users in each of ${loads.length} municipalities`);
  const logins = loads.flatMap((m) => USERS_NEEDED.map((user) => ({ m, user })));
  await inBatches(logins, 4, async ({ m, user }) => {
    m.sessions.set(user, await login(o.base, benchUsername(m.g.code, user)));
  });
  o.log('preparing enrollments and offer slots');
  const agent = openLoopAgent();
  try {
    await inBatches(loads, 2, async (m) => {
      const get = async (user: BenchUser, path: string) => {
        const answer = await httpRequest(agent, o.base, {
          method: 'GET',
          path,
          headers: { cookie: m.sessions.get(user)?.cookie ?? '' },
        });
        if (answer.status !== 200)
          throw new Error(`${m.g.code} ${path}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
        return JSON.parse(answer.body) as unknown;
      };
      const post = async (path: string, body: unknown) => {
        const session = m.sessions.get('allocation');
        return httpRequest(agent, o.base, {
          method: 'POST',
          path,
          headers: { cookie: session?.cookie ?? '', 'x-csrf-token': session?.csrf ?? '' },
          body: JSON.stringify(body),
        });
      };
      const firstOfferable = async (vacancyId: string, candidates: { applicationId: string }[]) => {
        for (const c of candidates) {
          const made = await post(`/api/allocation/vacancies/${vacancyId}/offers`, {
            applicationId: c.applicationId,
          });
          if (made.status === 409) continue;
          if (made.status !== 201)
            throw new Error(`${m.g.code}: an offer: HTTP ${made.status} ${made.body.slice(0, 200)}`);
          const { id } = JSON.parse(made.body) as { id: string };
          const withdrawn = await post(`/api/allocation/offers/${id}/withdraw`, {});
          if (withdrawn.status !== 200)
            throw new Error(
              `${m.g.code}: a withdrawal: HTTP ${withdrawn.status} ${withdrawn.body.slice(0, 200)}`,
            );
          return c;
        }
        return undefined;
      };
      const caseload = (await get('support', '/api/support/caseload')) as { enrollments: { id: string }[] };
      m.enrollments = caseload.enrollments.map((e) => e.id);
      const vacancies = (await get('allocation', '/api/allocation/vacancies?status=open')) as {
        items: { id: string }[];
      };
      const taken = new Set<string>();
      for (const v of vacancies.items.slice(0, o.offerSlots)) {
        const list = (await get('allocation', `/api/allocation/vacancies/${v.id}/candidates`)) as {
          eligible: { applicationId: string }[];
        };
        // An eligible applicant may hold a live offer already: the slot takes the first one that
        // can be offered the vacancy (tried here, and withdrawn again).
        const candidate = await firstOfferable(
          v.id,
          list.eligible.filter((c) => !taken.has(c.applicationId)).slice(0, 5),
        );
        if (!candidate) continue;
        taken.add(candidate.applicationId);
        m.freeSlots.push({ vacancyId: v.id, applicationId: candidate.applicationId });
      }
    });
  } finally {
    agent.destroy();
  }
  return loads;
}

const GIVEN = ['Anna', 'Mads', 'Sofie', 'Jonas', 'Ida', 'Lars', 'Mette', 'Peter', 'Camilla', 'Ole'];
const FAMILY = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Larsen', 'Sørensen', 'Møller'];
const STREETS = ['Nørregade', 'Vestergade', 'Søndergade', 'Østergade', 'Algade', 'Skolevej', 'Kirkevej'];

/**
 * Draws requests from the mix: a municipality by population, a request by MIX's weights. `state`
 * false (the raw baseline) draws the same names without touching the offers' state.
 */
export class MixPicker {
  private readonly municipalities: Weighted<MunicipalityLoad>;
  private readonly names: Weighted<(typeof MIX)[number]>;

  constructor(
    loads: readonly MunicipalityLoad[],
    private readonly onDate: string,
  ) {
    this.municipalities = new Weighted(loads.map((m) => [m, m.weight] as const));
    this.names = new Weighted(MIX.map((x) => [x, x.weight] as const));
  }

  /**
   * The municipality and the name of the next request, as the raw baseline replays it: a request the
   * municipality has nothing for (no active enrollment, no vacancy to offer) becomes the read the
   * app's mix sends instead.
   */
  pickName(random: Random): { m: MunicipalityLoad; name: string; write: boolean } {
    const m = this.municipalities.pick(random);
    let x = this.names.pick(random);
    if (!m.statements.has(x.name)) {
      const instead = x.name === 'record a support contact' ? 'support caseload' : 'waiting list';
      x = MIX.find((y) => y.name === instead) ?? x;
    }
    return { m, name: x.name, write: x.write === true };
  }

  /** The next request over HTTP, with what it reserves of the municipality's state. */
  pick(random: Random): MixRequest {
    const m = this.municipalities.pick(random);
    let name = this.names.pick(random).name;
    if (name === 'make an offer' && m.freeSlots.length === 0) name = 'withdraw an offer';
    if (name === 'withdraw an offer' && m.liveOffers.length === 0)
      name = m.freeSlots.length ? 'make an offer' : 'waiting list';
    if (name === 'record a support contact' && m.enrollments.length === 0) name = 'support caseload';
    return this.request(m, name, random);
  }

  request(m: MunicipalityLoad, name: string, random: Random): MixRequest {
    const read = m.reads.get(name);
    if (read) {
      return {
        m,
        name,
        write: false,
        user: random.pick(read.users),
        method: 'GET',
        path: random.pick(read.paths),
      };
    }
    const year = Number(this.onDate.slice(0, 4));
    switch (name) {
      case 'register a citizen': {
        const givenName = random.pick(GIVEN);
        const familyName = random.pick(FAMILY);
        const month = String(random.int(1, 12)).padStart(2, '0');
        const day = String(random.int(1, 28)).padStart(2, '0');
        return {
          m,
          name,
          write: true,
          user: 'caseworker',
          method: 'POST',
          path: '/api/citizens',
          body: {
            givenName,
            familyName,
            initials: `${givenName[0]}${familyName[0]}`,
            birthDate: `${year - random.int(18, 70)}-${month}-${day}`,
            sex: random.chance(0.7) ? 'male' : 'female',
            firstEpisode: {
              situation: random.pick(['street', 'night_shelter', 'shelter']),
              fromDate: this.onDate,
            },
          },
        };
      }
      case 'record a notice':
        return {
          m,
          name,
          write: true,
          user: 'prevention',
          method: 'POST',
          path: '/api/prevention/notices',
          body: {
            source: random.pick(['public_landlord', 'private_landlord']),
            receivedOn: this.onDate,
            tenantCpr: null,
            tenantName: `${random.pick(GIVEN)} ${random.pick(FAMILY)}`,
            address: `${random.pick(STREETS)} ${random.int(1, 180)}, ${random.int(1, 5)}. th.`,
            departmentId: null,
            arrearsAmount: random.int(20, 600) * 100,
            arrearsMonths: random.int(1, 6),
            paakravOn: null,
            terminationOn: null,
            bailiffFiledOn: null,
            evictionDate: null,
            childrenUnder18: random.chance(0.3),
          },
        };
      case 'make an offer': {
        const slot = m.freeSlots.shift();
        if (!slot) throw new Error(`${m.g.code}: no open vacancy to offer`);
        return {
          m,
          name,
          write: true,
          user: 'allocation',
          method: 'POST',
          path: `/api/allocation/vacancies/${slot.vacancyId}/offers`,
          body: { applicationId: slot.applicationId },
          done: (body) => m.liveOffers.push({ offerId: (JSON.parse(body) as { id: string }).id, slot }),
          failed: () => m.freeSlots.push(slot),
        };
      }
      case 'withdraw an offer': {
        const live = m.liveOffers.shift();
        if (!live) throw new Error(`${m.g.code}: no live offer to withdraw`);
        return {
          m,
          name,
          write: true,
          user: 'allocation',
          method: 'POST',
          path: `/api/allocation/offers/${live.offerId}/withdraw`,
          body: {},
          done: () => m.freeSlots.push(live.slot),
          failed: () => m.liveOffers.push(live),
        };
      }
      case 'record a support contact':
        return {
          m,
          name,
          write: true,
          user: 'support',
          method: 'POST',
          path: `/api/support/enrollments/${random.pick(m.enrollments)}/contacts`,
          body: {
            contactOn: this.onDate,
            kind: random.pick(['home_visit', 'phone', 'meeting', 'phone']),
            note: 'Samtale om bolig og økonomi.',
          },
        };
      default:
        throw new Error(`Unknown request ${name}`);
    }
  }
}

/** Sends one request of the mix with its user's session (and CSRF header for a write). */
export async function sendMix(
  agent: http.Agent,
  base: string,
  r: MixRequest,
): Promise<{ ok: boolean; error?: string; body: string }> {
  const session = r.m.sessions.get(r.user);
  if (!session) throw new Error(`${r.m.g.code}: no session for ${r.user}`);
  const headers: Record<string, string> = { cookie: session.cookie };
  if (r.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  let answer: Answer;
  try {
    answer = await httpRequest(agent, base, {
      method: r.method,
      path: r.path,
      headers,
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
  } catch (error) {
    r.failed?.();
    throw error;
  }
  if (answer.status >= 200 && answer.status < 300) {
    r.done?.(answer.body);
    return { ok: true, body: answer.body };
  }
  r.failed?.();
  return {
    ok: false,
    error: `${r.m.g.code} ${r.method} ${r.path}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`,
    body: answer.body,
  };
}

/** Withdraws every offer the run left live, so the next run starts with the vacancies open. */
export async function withdrawLiveOffers(base: string, loads: readonly MunicipalityLoad[]) {
  const agent = openLoopAgent();
  const random = new Random(1);
  try {
    const picker = new MixPicker(loads, '');
    for (const m of loads)
      while (m.liveOffers.length) await sendMix(agent, base, picker.request(m, 'withdraw an offer', random));
  } finally {
    agent.destroy();
  }
}

/**
 * Latency per path of the mix, in the mix's order: a path meets the target with no errors and a p95
 * under `p95Ms`.
 */
export function pathTable(paths: readonly PathLatency[], p95Ms: number): string {
  const order = (label: string) => MIX.findIndex((x) => x.name === label);
  return markdownTable(
    ['path', 'kind', 'requests', 'errors', 'p50', 'p95', 'p99', 'max', `p95 < ${p95Ms}`],
    paths
      .toSorted((a, b) => order(a.label) - order(b.label))
      .map((p) => [
        p.label,
        WRITES.includes(p.label) ? 'write' : 'read',
        count(p.requests),
        count(p.errors),
        ms(p.p50),
        ms(p.p95),
        ms(p.p99),
        ms(p.max),
        p.errors === 0 && p.p95 < p95Ms ? 'yes' : '**no**',
      ]),
  );
}
