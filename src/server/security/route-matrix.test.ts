import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/permissions';
import type { DatabaseHandles } from '../db/database';
import { testApp } from '../test/helpers';
import { type IdHints, minimalValue, type Operation, operations, successStatuses } from '../test/openapi';
import {
  emptyTenant,
  FIXTURES,
  fixtureKeys,
  fixtureParams,
  type Relationship,
  type SeededTenant,
  seededTenant,
  seededTenantDatabase,
} from '../test/route-fixtures';
import { ROUTE_ACCESS, type RouteRule } from './route-access';

// Issue 20 §5: a route × role × relationship matrix generated from the OpenAPI document, checked
// against the explicit allow-table (route-access.ts). OWASP ASVS 4.0 V4: 4.1.1 and 4.1.3 (access
// enforced on the server, least privilege), 4.2.1 (no direct object reference across
// municipalities or outside a support worker's caseload: "not found", never "forbidden").

let db: DatabaseHandles;
let app: FastifyInstance;
let closeDb: (() => Promise<void>) | undefined;
let home: SeededTenant;
let other: SeededTenant;
let ops: Operation[];
/** Requests sent, for the report at the end. */
let sent = 0;
const started = Date.now();

/** Fixture params by key and relationship, resolved once. */
const params = new Map<string, Record<string, string> | undefined>();
const resolve = async (key: string, relationship: Relationship, nth = 0) => {
  const cacheKey = `${key} ${relationship} ${nth}`;
  if (!params.has(cacheKey)) {
    params.set(
      cacheKey,
      await fixtureParams(db, key, home.municipality.id, {
        relationship,
        supportUserId: home.users.support.id,
        nth,
      }),
    );
  }
  return params.get(cacheKey);
};

beforeAll(async () => {
  ({ db, close: closeDb } = await seededTenantDatabase('hjemvej_route_matrix'));
  app = await testApp(db);
  home = await seededTenant(app, db);
  other = await emptyTenant(app, db);
  ops = operations(app);
});
afterAll(async () => {
  // Measured, not asserted: issue 20 asks for the run's size and time.
  console.info(`route matrix: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await app?.close();
  await closeDb?.();
});

const isWrite = (op: Operation) => op.method !== 'GET';
const allows = (rule: RouteRule, role: Role) =>
  rule.roles === 'everyone' || rule.roles === 'public' || rule.roles.includes(role);
const hides = (rule: RouteRule, role: Role) => rule.hidden?.includes(role) ?? false;

/** A write that ends or removes its row: sent after every other call on the row's kind. */
const TERMINAL =
  /\/(close|end|withdraw|discharge|municipal-discharge|merge|dismiss|undo|expire|decline|accept|return|retract|held|done|record|handle|acknowledge|notify|response|decision|outcome|lease|move-in|unlock|read)$/;
/**
 * Reads first, then writes, then the writes that end a row (so that no call finds a row ended), and
 * last the end of a support enrollment, which takes the citizen out of the support worker's caseload.
 */
const order = (op: Operation) => {
  if (!isWrite(op)) return 0;
  if (op.path === '/api/support/enrollments/{id}/end') return 3;
  return op.method === 'DELETE' || TERMINAL.test(op.path) ? 2 : 1;
};
const inOrder = () => [...ops].sort((a, b) => order(a) - order(b));

/** Body ids by property name: real rows of the home municipality where a route needs one. */
async function idHints(relationship: Relationship): Promise<IdHints> {
  const id = async (key: string, name: string) => (await resolve(key, relationship))?.[name];
  const anyId = async (key: string, name: string) => (await resolve(key, 'any'))?.[name];
  return {
    // A young person where there is one (a transition plan is for 15–29-year-olds).
    citizenId:
      (await resolve('/api/youth/{citizenId}', relationship))?.citizenId ??
      (await id('/api/citizens/{id}', 'id')),
    departmentId: await anyId('/api/housing/departments/{id}', 'id'),
    organisationId: await anyId('/api/housing/organisations/{id}', 'id'),
    applicationId: await anyId('/api/allocation/applications/{id}', 'id'),
    vacancyId: await anyId('/api/allocation/vacancies/{id}', 'id'),
    workerId: await anyId('/api/support/workers/{id}', 'id'),
    shelterId: await anyId('/api/shelters/{id}', 'id'),
    poolId: await anyId('/api/housing/pools/{id}', 'id'),
    userId: await anyId('/api/youth/service-areas/{userId}', 'userId'),
  };
}

/** Body ids a route needs other than by their name's default. */
async function routeHints(op: Operation): Promise<IdHints> {
  if (op.key === 'PUT /api/shelters/{id}/users')
    return { userId: (await resolve('shelterUser', 'any'))?.userId };
  return {};
}

/** The URL of an operation with the given path parameters and its required query parameters. */
function url(op: Operation, values: Record<string, string>): string {
  let path = op.path;
  for (const p of op.parameters.filter((q) => q.in === 'path')) {
    const value = values[p.name];
    if (value === undefined) throw new Error(`${op.key}: no value for the path parameter ${p.name}`);
    path = path.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = op.parameters
    .filter((q) => q.in === 'query' && q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(minimalValue(q.schema)))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/**
 * Path parameters of an operation from the fixtures (and the fixtures' other columns, body ids such
 * as a duplicate's survivorId); undefined when a fixture has no row.
 */
async function pathValues(op: Operation, relationship: Relationship, nth = 0) {
  const values: Record<string, string> = {};
  for (const key of fixtureKeys(op.path)) {
    const found = await resolve(key, relationship, nth);
    if (!found) return undefined;
    Object.assign(values, found);
  }
  return values;
}

/** Rows a write has ended or removed, by fixture key: a later write that ends rows takes another. */
const consumed = new Set<string>();

/** Like pathValues, for a write that ends its row: the first row from `nth` on that none has ended. */
async function freshValues(op: Operation, relationship: Relationship, nth: number) {
  const key = fixtureKeys(op.path).at(-1) ?? '';
  for (let i = nth; i < nth + 50; i++) {
    const values = await pathValues(op, relationship, i);
    if (!values) return undefined;
    const id = `${key} ${JSON.stringify(values)}`;
    if (!consumed.has(id)) {
      if (order(op) === 2) consumed.add(id);
      return values;
    }
  }
  return pathValues(op, relationship, nth);
}

/** Path parameters that name nothing: fresh uuids, a year without a count. */
function absentValues(op: Operation): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of op.parameters.filter((q) => q.in === 'path')) {
    values[p.name] = p.schema.type === 'integer' ? '2099' : crypto.randomUUID();
  }
  return values;
}

async function send(
  op: Operation,
  role: Role | null,
  tenant: SeededTenant,
  target: string,
  hints: IdHints = {},
): Promise<LightMyRequestResponse> {
  sent++;
  const payload = op.body ? minimalValue(op.body, hints) : undefined;
  if (role === null) {
    return app.inject({
      method: op.method,
      url: target,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }
  return tenant.users[role].session.request({
    method: op.method,
    url: target,
    ...(payload === undefined ? {} : { payload }),
  });
}

const describeResponse = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`;

/** What an allowed role gets for a row it may see: the declared success, or for a write a reasoned answer. */
function allowedProblem(op: Operation, res: LightMyRequestResponse): string | undefined {
  if (res.statusCode >= 500) return `a server error: ${describeResponse(res)}`;
  if (isWrite(op)) {
    // A refusal of the caller, not of the request: 403, 404 NOT_FOUND, or 401 for want of a session (a wrong
    // second-factor code is a 401 of its own, AUTH_CODE_INVALID: a business rule's answer).
    const code = res.headers['content-type']?.includes('json') ? (res.json() as { code?: string }).code : '';
    // A 404 of the body's reference (RETENTION_DRY_RUN_NOT_FOUND for an id the minimal body made up)
    // is the route's answer too; NOT_FOUND is the answer for what the caller may not see.
    const refused =
      res.statusCode === 403 ||
      (res.statusCode === 404 && code === 'NOT_FOUND') ||
      (res.statusCode === 401 && code === 'AUTH_REQUIRED');
    return refused ? `refused: ${describeResponse(res)}` : undefined;
  }
  const ok = successStatuses(op);
  return ok.includes(res.statusCode) ? undefined : `expected ${ok.join('/')}, got ${describeResponse(res)}`;
}

/** Status and error code: how two answers are compared. */
const answer = (res: LightMyRequestResponse) => {
  const code = res.headers['content-type']?.includes('json') ? (res.json() as { code?: string }).code : '';
  return `${res.statusCode} ${code ?? ''}`;
};

/** Tasks are computed per user, not rows: the id of one of the role's own notices (the tasks one marks read). */
async function ownTaskId(role: Role): Promise<string | undefined> {
  const res = await home.users[role].session.request({ method: 'GET', url: '/api/tasks' });
  sent++;
  if (res.statusCode !== 200) return undefined;
  return (res.json() as { items: { id: string; notice?: boolean }[] }).items.find((t) => t.notice)?.id;
}

describe('the route × role × relationship matrix (issue 20 §5)', () => {
  it('has a rule in the allow-table for every route of the OpenAPI document, and none for a route that is gone', () => {
    const documented = ops.map((op) => op.key);
    expect(documented.length).toBeGreaterThan(200);
    expect(documented.filter((key) => !ROUTE_ACCESS[key])).toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it('has a fixture with a row for every path parameter of every route', async () => {
    const missing: string[] = [];
    for (const op of ops) {
      for (const key of fixtureKeys(op.path)) {
        if (!FIXTURES[key]) missing.push(`${op.key}: no fixture for ${key}`);
        else if (!(await resolve(key, 'any'))) missing.push(`${op.key}: the fixture ${key} has no row`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  // The relationships first: the sweep over every role below ends and removes rows.
  it('issue 20 (d), ASVS 4.2.1: gives a support worker the citizens of her caseload on every citizen-scoped route, and for others the answer of an id that does not exist (404 for a read)', async () => {
    const problems: string[] = [];
    const inside = await idHints('caseload');
    const outside = await idHints('outside-caseload');
    for (const op of inOrder()) {
      const rule = ROUTE_ACCESS[op.key];
      if (!rule?.caseload) continue;
      const mine = await freshValues(op, 'caseload', 0);
      const notMine = await pathValues(op, 'outside-caseload');
      if (!mine || !notMine) {
        problems.push(`${op.key}: no fixture row ${mine ? 'outside' : 'in'} the support worker's caseload`);
        continue;
      }
      const absent = await send(op, 'support', home, url(op, absentValues(op)), outside);
      const refused = await send(op, 'support', home, url(op, notMine), { ...outside, ...notMine });
      if (
        refused.statusCode >= 500 ||
        answer(refused) !== answer(absent) ||
        (!isWrite(op) && refused.statusCode !== 404)
      )
        problems.push(
          `${op.key} outside the caseload: ${describeResponse(refused)}; for an id that does not exist: ${answer(absent)}`,
        );
      const res = await send(op, 'support', home, url(op, mine), {
        ...inside,
        ...mine,
        ...(await routeHints(op)),
      });
      const problem = allowedProblem(op, res);
      if (problem) problems.push(`${op.key} in the caseload: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('ASVS 4.2.1: answers the id of a row of another municipality as an id that does not exist (404 for a read), for every role the route allows', async () => {
    const problems: string[] = [];
    for (const op of inOrder()) {
      const rule = ROUTE_ACCESS[op.key];
      const keys = fixtureKeys(op.path).filter((key) => FIXTURES[key]?.from !== 'municipality');
      // A public route has no tenant: its parameters (a municipality's code for single sign-on) are public.
      if (!rule || keys.length === 0 || rule.roles === 'public') continue;
      const values = await pathValues(op, 'any');
      if (!values) continue;
      for (const role of ROLES) {
        if (!allows(rule, role)) continue;
        const absent = await send(op, role, other, url(op, absentValues(op)));
        const foreign = await send(op, role, other, url(op, values), values);
        // The same answer as for an id that does not exist (a user of the other municipality who
        // may not use the route at all, such as a shelter user linked to no shelter, gets that
        // refusal for both), never a success and never a server error.
        if (foreign.statusCode >= 500 || foreign.statusCode < 300 || answer(foreign) !== answer(absent))
          problems.push(
            `${op.key} as ${role} of another municipality: ${describeResponse(foreign)}; for an id that does not exist: ${answer(absent)}`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('ASVS 4.1.1, 4.1.3: answers every route as the allow-table says for every role of the municipality, and 401 without a session', async () => {
    const problems: string[] = [];
    // The caseload as the relationship test left it (an ended enrollment leaves it).
    for (const key of [...params.keys()]) if (key.includes(' caseload ')) params.delete(key);
    const hints = {
      any: await idHints('any'),
      caseload: await idHints('caseload'),
      'outside-caseload': await idHints('outside-caseload'),
    };
    for (const op of inOrder()) {
      const rule = ROUTE_ACCESS[op.key];
      if (!rule) continue;
      const anonymous = await send(op, null, home, url(op, absentValues(op)));
      if (rule.roles !== 'public' && anonymous.statusCode !== 401)
        problems.push(`${op.key} without a session: expected 401, got ${describeResponse(anonymous)}`);
      // Would end the role's session (single sign-on's logout ends any session).
      if (op.key === 'POST /api/session/logout' || op.key === 'POST /api/sso/logout') continue;
      let nth = 0;
      for (const role of ROLES) {
        const allowed = allows(rule, role);
        // The support worker's rows are those of her caseload; a write gets a row of its own per
        // role where there are several, so that a close or a delete leaves the next role a row.
        // A route that hides its rows from her gets a row outside her caseload (one she takes part
        // in would be hers), where the route's rows belong to citizens.
        const hiddenFromHer = role === 'support' && hides(rule, role);
        const relationship: Relationship =
          role === 'support' && rule.caseload ? 'caseload' : hiddenFromHer ? 'outside-caseload' : 'any';
        const pick = (r: Relationship) =>
          allowed && isWrite(op) ? freshValues(op, r, nth++) : pathValues(op, r);
        const values =
          (await pick(relationship)) ?? (relationship === 'outside-caseload' ? await pick('any') : undefined);
        if (!values) continue; // reported by the fixture tests
        if (op.path === '/api/tasks/{id}/read') values.id = (await ownTaskId(role)) ?? 'fixture-task';
        const res = await send(op, role, home, url(op, values), {
          ...hints[relationship],
          ...values,
          ...(await routeHints(op)),
        });
        if (rule.roles === 'public') {
          if (res.statusCode >= 500 || res.statusCode === 403)
            problems.push(`${op.key} (public) as ${role}: ${describeResponse(res)}`);
        } else if (!allowed) {
          if (res.statusCode !== 403)
            problems.push(`${op.key} as ${role}: expected 403, got ${describeResponse(res)}`);
        } else if (
          hides(rule, role) ||
          (op.path === '/api/tasks/{id}/read' && values.id === 'fixture-task')
        ) {
          const absent = await send(op, role, home, url(op, absentValues(op)), hints.any);
          // A write whose body names the row (a new transition plan's young person): "not found"
          // for a row she does not see, whatever the made-up body of the absent one answers.
          const bodyNamesRow =
            isWrite(op) && fixtureKeys(op.path).length === 0 && answer(res) === '404 NOT_FOUND';
          if ((answer(res) !== answer(absent) && !bodyNamesRow) || (!isWrite(op) && res.statusCode !== 404))
            problems.push(
              `${op.key} as ${role} (sees no row): ${describeResponse(res)}; absent: ${answer(absent)}`,
            );
        } else {
          let problem = allowedProblem(op, res);
          // A row the earlier writes ended (a plan closed, a stay discharged, an enrollment ended,
          // so out of her caseload) answers "not found": the role may call the route if it succeeds
          // on another row. A rule that refuses the role refuses every row (403, or 404
          // for each): at most three more rows.
          for (let retry = 0; problem && res.statusCode === 404 && retry < 3; retry++) {
            const next = isWrite(op)
              ? await freshValues(op, relationship, nth++)
              : await pathValues(op, relationship, retry + 1);
            if (!next) break;
            const again = await send(op, role, home, url(op, next), {
              ...hints[relationship],
              ...next,
              ...(await routeHints(op)),
            });
            problem = allowedProblem(op, again);
          }
          if (problem) problems.push(`${op.key} as ${role}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
