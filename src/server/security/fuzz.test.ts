import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/permissions';
import type { DatabaseHandles } from '../db/database';
import { testApp } from '../test/helpers';
import {
  type JsonSchema,
  minimalValue,
  type Operation,
  operations,
  ResponseValidator,
} from '../test/openapi';
import {
  fixtureKeys,
  fixtureParams,
  type SeededTenant,
  seededTenant,
  seededTenantDatabase,
} from '../test/route-fixtures';

// Issue 20 §9: property-based fuzzing (fast-check) of every route of the OpenAPI document, for
// every role and without a session, with bodies, queries, path parameters and headers generated
// from the routes' schemas, valid and mutated. Asserts: no 5xx; every JSON answer is what the route
// declares for the status (or the one error shape for an undeclared 4xx), with no property outside
// it (ASVS 13.2.5, 5.3); no row changed by a refused request. FUZZ_SEED overrides the seed,
// FUZZ_RUNS the number of requests (at least 20,000 in CI).

const SEED = Number(process.env.FUZZ_SEED ?? 20_092);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);

let db: DatabaseHandles;
let app: FastifyInstance;
let closeDb: (() => Promise<void>) | undefined;
let home: SeededTenant;
let ops: Operation[];
/** Path parameters of the seeded municipality, by fixture key. */
const realParams = new Map<string, Record<string, string>>();

beforeAll(async () => {
  ({ db, close: closeDb } = await seededTenantDatabase('hjemvej_fuzz'));
  app = await testApp(db);
  home = await seededTenant(app, db);
  // Logging out would end the roles' sessions for the rest of the run (single sign-on's logout ends any).
  ops = operations(app).filter(
    (op) => op.key !== 'POST /api/session/logout' && op.key !== 'POST /api/sso/logout',
  );
  for (const op of ops) {
    for (const key of fixtureKeys(op.path)) {
      if (realParams.has(key)) continue;
      const found = await fixtureParams(db, key, home.municipality.id);
      if (found) realParams.set(key, found);
    }
  }
});
afterAll(async () => {
  await app?.close();
  await closeDb?.();
});

// --- Generators --------------------------------------------------------------------------------

/** Strings that have broken servers: NUL, lone surrogates, huge, SQL and markup, numbers as text. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '',
    ' ',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '-1',
    '1e309',
    'NaN',
    '2026-02-30',
    '0000-00-00',
    '00000000-0000-0000-0000-000000000000',
    '💥'.repeat(300),
    'ÆØÅæøå',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 5000, minLength: 1000 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), nastyString, { maxKeys: 3 }),
);

/** A valid value of the schema, varied: optional properties sometimes present, strings nasty but typed. */
function validish(schema: JsonSchema, hints: Record<string, string>): fc.Arbitrary<unknown> {
  const base = minimalValue(schema, hints);
  if (!schema.properties || typeof base !== 'object' || base === null) return fc.constant(base);
  const optional = Object.entries(schema.properties).filter(([k]) => !(schema.required ?? []).includes(k));
  if (optional.length === 0) return fc.constant(base);
  return fc.subarray(optional, { maxLength: Math.min(3, optional.length) }).map((chosen) => {
    const out = { ...(base as Record<string, unknown>) };
    for (const [k, s] of chosen) out[k] = minimalValue(s, hints, k);
    return out;
  });
}

/** A mutation of a valid object: a wrong value in one field, an extra field, a required one missing. */
function mutated(schema: JsonSchema, hints: Record<string, string>): fc.Arbitrary<unknown> {
  const base = (minimalValue(schema, hints) ?? {}) as Record<string, unknown>;
  const keys = Object.keys(schema.properties ?? {});
  const variants: fc.Arbitrary<unknown>[] = [fc.constant({ ...base, unexpectedField: 'x' }), nastyValue];
  if (keys.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...keys), nastyValue).map(([k, v]) => ({ ...base, [k]: v })),
      fc.constantFrom(...keys).map((k) => {
        const { [k]: _, ...rest } = base;
        return rest;
      }),
    );
  }
  return fc.oneof(...variants);
}

/** Percent-encodes; a lone surrogate (no UTF-8 of its own) is sent as its invalid bytes, ED A0 80. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}%ED%A0%80`;
  }
}

interface FuzzRequest {
  op: Operation;
  role: Role | null;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** A path parameter: the real id mostly, else a fresh uuid or a nasty string. */
function pathArb(op: Operation): fc.Arbitrary<string> {
  const real: Record<string, string> = {};
  for (const key of fixtureKeys(op.path)) Object.assign(real, realParams.get(key));
  const params = op.parameters.filter((p) => p.in === 'path');
  if (params.length === 0) return fc.constant(op.path);
  const value = (name: string) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(real[name] ?? crypto.randomUUID()) },
      { weight: 1, arbitrary: fc.uuid() },
      // Not empty: an empty segment is another route's URL (GET /api/counts/ is the list).
      { weight: 2, arbitrary: nastyString.filter((v) => v.length > 0) },
    );
  return fc.tuple(...params.map((p) => value(p.name))).map((values) => {
    let path = op.path;
    params.forEach((p, i) => {
      path = path.replace(`{${p.name}}`, enc(values[i] ?? ''));
    });
    return path;
  });
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const one = params.map((p) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constant(String(minimalValue(p.schema))) },
        { weight: 1, arbitrary: nastyString },
        { weight: 1, arbitrary: nastyNumber.map(String) },
      )
      .map((v) => `${p.name}=${enc(v)}`),
  );
  return fc
    .tuple(fc.tuple(...one), fc.subarray(params.map((_, i) => i)), fc.option(nastyString, { freq: 5 }))
    .map(([values, chosen, extra]) => {
      const parts = chosen.map((i) => values[i]);
      // The required ones mostly, so that a request reaches the handler.
      params.forEach((p, i) => {
        if (p.required && !chosen.includes(i) && values[i]) parts.push(values[i]);
      });
      if (extra !== null) parts.push(`extra=${enc(extra)}`);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

function bodyArb(op: Operation): fc.Arbitrary<{ payload?: string; contentType?: string }> {
  if (op.method === 'GET') return fc.constant({});
  const hints: Record<string, string> = {};
  for (const key of fixtureKeys(op.path)) Object.assign(hints, realParams.get(key));
  const schema = op.body ?? { type: 'object', properties: {} };
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' });
  return fc.oneof(
    { weight: 4, arbitrary: validish(schema, hints).map(json) },
    { weight: 4, arbitrary: mutated(schema, hints).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"a":', '[1,', 'null', '"\\u0000"', '{"__proto__":{"x":1}}', '\u0000')
        .map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'application/xml',
          ),
          nastyString,
        )
        .map(([contentType, payload]) => ({ contentType, payload })),
    },
  );
}

const headerArb = fc.option(
  fc.tuple(
    fc.constantFrom('x-forwarded-for', 'accept-language', 'x-custom', 'if-none-match', 'user-agent'),
    fc.oneof(nastyString, fc.constant('999.999.999.999')),
  ),
  { freq: 3 },
);

/** One request: an operation, a role (or none), and its generated parts. */
const requestArb = (): fc.Arbitrary<FuzzRequest> =>
  fc
    .constantFrom(...ops)
    .chain((op) =>
      fc.record({
        op: fc.constant(op),
        role: fc.constantFrom<Role | null>(null, ...ROLES),
        path: pathArb(op),
        query: queryArb(op),
        body: bodyArb(op),
        header: headerArb,
      }),
    )
    .map(({ op, role, path, query, body, header }) => {
      const headers: Record<string, string> = {};
      if (body.contentType) headers['content-type'] = body.contentType;
      if (header) headers[header[0]] = header[1];
      return {
        op,
        role,
        url: `${path}${query}`,
        headers,
        ...(body.payload === undefined ? {} : { payload: body.payload }),
      };
    });

// --- The municipality's fingerprint -------------------------------------------------------------

/** The tenant tables (those with municipality_id), without sessions and the audit log (checked apart). */
async function tenantTables(): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and c.column_name = 'municipality_id' and t.table_type = 'BASE TABLE'
      and c.table_name not in ('session', 'audit_event', 'audit_chain_head', 'municipality',
        -- a scenario accepted earlier (202) runs on in worker threads and writes its progress
        'planning_scenario',
        -- a dashboard or committee report viewed earlier may be computed again behind its answer (ADR 0026)
        'insight_kept_figures')
    order by 1`.execute(db.owner);
  return rows.rows.map((r) => r.table_name);
}

let fingerprintSql = '';

/** Every row of the municipality, summed as hashes per table: a changed, added or removed row shows. */
async function fingerprint(): Promise<string> {
  const rows = await sql.raw<{ f: string }>(fingerprintSql).execute(db.owner);
  return rows.rows.map((r) => r.f).join('|');
}

/** Routes whose refusals the audit log records on purpose (failed logins and codes, refused single sign-on). */
const AUDITED_REFUSALS = new Set([
  'POST /api/session/login',
  'POST /api/session/second-factor',
  'POST /api/session/enrolment/confirm',
  'POST /api/account/second-factor/confirm',
  'POST /api/account/second-factor/recovery-codes',
  'GET /api/sso/{code}/callback',
]);

async function auditCount(): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*)::text as n from audit_event where municipality_id = ${home.municipality.id}`.execute(
    db.owner,
  );
  return Number(r.rows[0]?.n ?? 0);
}

// --- The property ------------------------------------------------------------------------------

describe('fuzzing every route for every role (issue 20 §9)', () => {
  it('ASVS 13.2.5, 5.1, 5.3: answers generated requests with no 5xx, only declared fields, and changes nothing when it refuses', async () => {
    const tables = await tenantTables();
    const m = home.municipality.id;
    fingerprintSql = tables
      .map(
        (t) =>
          `select '${t}:' || count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) as f from ${t} x where municipality_id = '${m}'`,
      )
      .join(' union all ');
    const validator = new ResponseValidator();
    const problems: string[] = [];
    const counts = { sent: 0, byStatus: new Map<number, number>(), fingerprints: 0, fingerprintMs: 0 };
    let before: string | undefined = await fingerprint();
    let audits = await auditCount();
    const started = Date.now();

    await fc
      .assert(
        fc.asyncProperty(requestArb(), async (req) => {
          const session = req.role ? home.users[req.role].session : null;
          let res: LightMyRequestResponse;
          try {
            res = await app.inject({
              method: req.op.method,
              url: req.url,
              headers: {
                ...req.headers,
                ...(session ? { cookie: session.cookie } : {}),
                ...(session && req.op.method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
              },
              ...(req.payload === undefined ? {} : { payload: req.payload }),
            });
          } catch (error) {
            // light-my-request refuses some headers itself (a NUL in a header value): not sent.
            if (error instanceof TypeError && /header/i.test(error.message)) return;
            throw error;
          }
          counts.sent++;
          counts.byStatus.set(res.statusCode, (counts.byStatus.get(res.statusCode) ?? 0) + 1);
          const what = `${req.op.key} as ${req.role ?? 'no session'}: ${req.op.method} ${req.url.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 200)} ${String(req.payload).slice(0, 300)}`;
          if (res.statusCode >= 500) {
            problems.push(`5xx ${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
            return;
          }
          if (res.headers['content-type']?.includes('application/json') && res.body.length > 0) {
            let problem: string | undefined;
            try {
              problem = validator.check(req.op, res.statusCode, JSON.parse(res.body));
            } catch (error) {
              problem = `not checkable: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`;
            }
            if (problem) problems.push(`schema ${what} → ${res.statusCode}: ${problem}`);
          }
          // A success may change rows (a read logs itself in the audit log; a forecast stores the
          // day's history): the next check takes a new baseline.
          if (res.statusCode < 400) {
            before = undefined;
            return;
          }
          // Refusals audited by design (ASVS 7.1.3: a known user's failed login or code, a refused
          // single sign-on): the audit log's count starts afresh after them.
          if (AUDITED_REFUSALS.has(req.op.key)) {
            audits = await auditCount();
            return;
          }
          if (req.op.method === 'GET') return;
          // A refused write must leave the municipality's rows as they were. Every refusal from a
          // route's own code is checked; one in 25 of those before it (no session, no permission,
          // a body or path its schema refuses: no module code ran) is sampled. A fingerprint costs
          // tens of milliseconds on the demo municipality, a request a few.
          const code = res.headers['content-type']?.includes('json')
            ? (res.json() as { code?: string }).code
            : '';
          const early =
            res.statusCode === 401 ||
            code === 'FORBIDDEN' ||
            (code ?? '').startsWith('V_') ||
            res.statusCode === 415;
          if (early && counts.sent % 25 !== 0 && before !== undefined) return;
          const t0 = Date.now();
          const after = await fingerprint();
          const auditsNow = await auditCount();
          counts.fingerprints++;
          counts.fingerprintMs += Date.now() - t0;
          if (before !== undefined && after !== before) {
            const was = before.split('|');
            const changed = after.split('|').filter((f, i) => f !== was[i]);
            problems.push(
              `refused but changed ${what} → ${res.statusCode} ${res.body.slice(0, 200)}: ${changed.join(', ')}`,
            );
          }
          if (before !== undefined && auditsNow !== audits)
            problems.push(`refused but audited ${what} → ${res.statusCode}`);
          before = after;
          audits = auditsNow;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
      .catch((error) => {
        throw new Error(`fuzzing failed with FUZZ_SEED=${SEED}: ${error}`);
      });

    const seconds = (Date.now() - started) / 1000;
    // Measured, not asserted (issue 20 asks for the run's size and time).
    console.info(
      `fuzz: ${counts.sent} requests in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries(counts.byStatus))}; ${counts.fingerprints} fingerprints, ${counts.fingerprintMs} ms`,
    );
    if (problems.length) console.error(`FUZZ_SEED=${SEED}\n${problems.slice(0, 50).join('\n')}`);
    expect(problems.slice(0, 50), `FUZZ_SEED=${SEED}`).toEqual([]);
    expect(counts.sent).toBeGreaterThanOrEqual(Math.min(RUNS, 20_000) * 0.95);
  });
});
