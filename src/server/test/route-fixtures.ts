import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { addDays, today } from '../../shared/dates';
import { ROLES, type Role } from '../../shared/permissions';
import { type DatabaseHandles, openDatabase, withTenant } from '../db/database';
import { AppError } from '../errors';
import { migrate } from '../migrate';
import { serverModules } from '../modules';
import { createMunicipality, createUser, type MunicipalityRow } from '../modules/access';
import type { DemoContext } from '../platform/module';
import { call, createCitizen, fakeCpr } from './factories';
import { createTestMunicipality, login, type Session, TEST_PASSWORD, testDatabase } from './helpers';
import { dropDatabase, recreateDatabase } from './pg-admin';

/**
 * Fixtures for tests that call every route of the OpenAPI document (the route × role ×
 * relationship matrix and the fuzzer, issue 20 §5 and §9): a municipality filled by every module's
 * demo seed, one logged-in user per role, and real ids for the routes' path parameters.
 *
 * A path parameter is resolved by the route's path up to that parameter ("the fixture key"), e.g.
 * `/api/citizens/{id}/household/{memberId}`: one query gives every parameter of the key, so that a
 * household member belongs to the citizen in the same path. A route whose key has no fixture makes
 * the tests fail with the key's name: a new route cannot slip through untested.
 */

/** How the ids of a fixture relate to the support worker's caseload (citizen_caseload, migration 0039). */
export type Relationship = 'any' | 'caseload' | 'outside-caseload';

interface Fixture {
  /**
   * SQL true when the support worker (`:user`) takes part in the row otherwise than by her caseload
   * (a participant of a young person's transition plan): such rows are neither hers nor outside.
   */
  takesPart?: string;
  /**
   * SQL true for the support worker's (`:user`) own rows, where the route's module asks more than
   * the citizen's being in her caseload (an enrollment must be hers or her team's): the rows "in
   * the caseload" are then these.
   */
  mine?: string;
  /** `select … as "<param>"` from the table aliased `t`, without the municipality filter. */
  select: string;
  from: string;
  /** SQL giving the citizen a row belongs to, when the route is citizen-scoped. */
  citizen?: string;
  where?: string;
}

const planCitizen = (planColumn: string) =>
  `(select p.citizen_id from coherent_plan p where p.id = ${planColumn})`;
const transitionCitizen = (planColumn: string) =>
  `(select p.citizen_id from transition_plan p where p.id = ${planColumn})`;
const transitionParticipant = (planColumn: string) =>
  `exists (select 1 from transition_participant x where x.plan_id = ${planColumn} and x.user_id = :user)`;

/** Every fixture key of the API, with the query for its ids. */
export const FIXTURES: Record<string, Fixture> = {
  // Single sign-on's start and callback name the municipality by its code (ADR 0020).
  '/api/sso/{code}': {
    select: '(select m.code from municipality m where m.id = t.municipality_id) as "code"',
    from: 'app_user',
  },
  '/api/admin/users/{id}': { select: 't.id as "id"', from: 'app_user', where: "t.username like 'victim.%'" },
  // Not the housing partner's organisation: a change of contacts would unlink her.
  '/api/housing/organisations/{id}': {
    select: 't.id as "id"',
    from: 'housing_organisation',
    where: 'not exists (select 1 from housing_organisation_contact c where c.organisation_id = t.id)',
  },
  '/api/housing/departments/{id}': { select: 't.id as "id"', from: 'housing_department' },
  '/api/housing/agreements/{id}': { select: 't.id as "id"', from: 'framework_agreement' },
  '/api/housing/pools/{id}': { select: 't.id as "id"', from: 'subsidy_pool' },
  '/api/housing/pools/{poolId}': { select: 't.id as "poolId"', from: 'subsidy_pool' },
  '/api/housing/pools/{poolId}/units/{unitId}': {
    select: 't.pool_id as "poolId", t.id as "unitId"',
    from: 'subsidy_pool_unit',
  },
  '/api/housing/pipeline/{id}': { select: 't.id as "id"', from: 'pipeline_project' },
  '/api/citizens/duplicates/{id}': {
    select: 't.id as "id", t.citizen_a as "survivorId"',
    from: 'duplicate_candidate',
    where: "t.status = 'open'",
  },
  '/api/citizens/merges/{id}': {
    select: 't.id as "id"',
    from: 'citizen_merge',
    where: 't.undone_at is null',
  },
  '/api/citizens/{id}': {
    select: 't.id as "id"',
    from: 'citizen',
    citizen: 't.id',
    where: 't.merged_into is null',
  },
  '/api/citizens/{id}/household/{memberId}': {
    select: 't.citizen_id as "id", t.id as "memberId"',
    from: 'household_member',
    citizen: 't.citizen_id',
  },
  '/api/citizens/{id}/episodes/{episodeId}': {
    select: 't.citizen_id as "id", t.id as "episodeId"',
    from: 'whereabouts_episode',
    citizen: 't.citizen_id',
    where: 't.retracted_at is null',
  },
  '/api/citizens/{id}/consents/{consentId}': {
    select: 't.citizen_id as "id", t.id as "consentId"',
    from: 'consent',
    citizen: 't.citizen_id',
  },
  // Decided applications: the decision letter needs a decision.
  '/api/allocation/applications/{id}': {
    select: 't.id as "id"',
    from: 'allocation_application',
    citizen: 't.citizen_id',
    where: `exists (select 1 from application_event e where e.application_id = t.id
              and e.action in ('approve', 'reject', 'request_info'))`,
  },
  '/api/allocation/applications/{id}/documents/{documentId}': {
    select: 't.application_id as "id", t.id as "documentId"',
    from: 'application_document',
  },
  '/api/allocation/vacancies/{id}': { select: 't.id as "id"', from: 'vacancy', where: "t.status = 'open'" },
  '/api/allocation/offers/{id}': { select: 't.id as "id"', from: 'offer' },
  '/api/allocation/tenancies/{id}': { select: 't.id as "id"', from: 'tenancy', citizen: 't.citizen_id' },
  '/api/partner/vacancies/{id}': {
    select: 't.id as "id"',
    from: 'vacancy',
    where: `t.status = 'open' and not exists (select 1 from offer o where o.vacancy_id = t.id)
            and t.department_id in (select d.id from housing_department d join housing_organisation_contact c
              on c.organisation_id = d.organisation_id join app_user u on u.id = c.user_id
              where u.role_code = 'partner_housing')`,
  },
  '/api/prevention/cases/{id}': { select: 't.id as "id"', from: 'eviction_case', citizen: 't.citizen_id' },
  '/api/prevention/actions/{id}': {
    select: 't.id as "id"',
    from: 'eviction_action',
    where: 't.respond_by is not null and t.responded_on is null',
    citizen: '(select c.citizen_id from eviction_case c where c.id = t.case_id)',
  },
  '/api/plans/citizens/{citizenId}': {
    select: 't.citizen_id as "citizenId"',
    from: 'coherent_plan',
    citizen: 't.citizen_id',
  },
  '/api/plans/{id}': { select: 't.id as "id"', from: 'coherent_plan', citizen: 't.citizen_id' },
  '/api/plans/{id}/actions/{actionId}': {
    select: 't.plan_id as "id", t.id as "actionId"',
    from: 'plan_action',
    citizen: planCitizen('t.plan_id'),
    where: 't.done_on is null', // an action done once is not found to be done again
    // The action's owner, the plan's coordinator or a support worker of the citizen (plans.policy.ts).
    mine: `(t.owner_user_id = :user
      or exists (select 1 from coherent_plan p where p.id = t.plan_id and p.coordinator_id = :user)
      or ${planCitizen('t.plan_id')} in (select e.citizen_id from support_enrollment e
        join support_worker w on (w.id = e.worker_id or w.team_id = e.team_id) and w.user_id = :user
        where e.end_on is null))`,
  },
  '/api/plans/{id}/reviews/{reviewId}': {
    select: 't.plan_id as "id", t.id as "reviewId"',
    from: 'plan_review',
    citizen: planCitizen('t.plan_id'),
  },
  '/api/plans/sanctions/{id}': { select: 't.id as "id"', from: 'benefit_sanction', citizen: 't.citizen_id' },
  '/api/plans/deposit-cases/{id}': { select: 't.id as "id"', from: 'deposit_case', citizen: 't.citizen_id' },
  '/api/support/catalogue/{method}': { select: `'icm' as "method"`, from: 'municipality', where: 'false' },
  '/api/support/workers/{id}': { select: 't.id as "id"', from: 'support_worker' },
  '/api/support/enrollments/{id}': {
    select: 't.id as "id"',
    from: 'support_enrollment',
    citizen: 't.citizen_id',
    // Hers or her team's (support.policy.ts), not another worker's enrollment of a citizen she knows.
    mine: `exists (select 1 from support_worker w where w.user_id = :user
      and (w.id = t.worker_id or (t.team_id is not null and w.team_id = t.team_id)))`,
  },
  // Open stays at the shelter the partner_shelter user works at.
  '/api/shelters/stays/{id}': {
    select: 't.id as "id"',
    from: 'shelter_stay',
    citizen: 't.citizen_id',
    where: 't.discharged_on is null and t.shelter_id in (select s.shelter_id from shelter_user s)',
  },
  '/api/shelters/{id}': { select: 't.id as "id"', from: 'shelter' },
  '/api/shelters/notifications/{id}': { select: 't.id as "id"', from: 'shelter_notification' },
  '/api/skaeve-boliger/{id}': { select: 't.id as "id"', from: 'skaev_bolig' },
  '/api/skaeve-boliger/tenancies/{id}': {
    select: 't.id as "id"',
    from: 'skaev_tenancy',
    citizen: 't.citizen_id',
  },
  '/api/placements/{id}': { select: 't.id as "id"', from: 'care_placement', citizen: 't.citizen_id' },
  '/api/transitions/{id}': {
    select: 't.id as "id"',
    from: 'transition_plan',
    citizen: 't.citizen_id',
    takesPart: transitionParticipant('t.id'),
  },
  '/api/transitions/meetings/{id}': {
    select: 't.id as "id"',
    from: 'transition_meeting',
    citizen: transitionCitizen('t.plan_id'),
    takesPart: transitionParticipant('t.plan_id'),
  },
  '/api/transitions/actions/{id}': {
    select: 't.id as "id"',
    from: 'transition_action',
    citizen: transitionCitizen('t.plan_id'),
    takesPart: transitionParticipant('t.plan_id'),
  },
  '/api/transitions/offers/{id}': {
    select: 't.id as "id"',
    from: 'transition_plan_offer',
    citizen: transitionCitizen('t.plan_id'),
    takesPart: transitionParticipant('t.plan_id'),
  },
  '/api/youth-offers/{id}': { select: 't.id as "id"', from: 'transition_offer' },
  // Not a route's: the user a route links to a shelter (PUT /api/shelters/{id}/users).
  shelterUser: { select: 't.id as "userId"', from: 'app_user', where: "t.username like 'shelterhand.%'" },
  '/api/youth/service-areas/{userId}': {
    select: 't.id as "userId"',
    from: 'app_user',
    where: "t.username like 'victim.%'",
  },
  '/api/youth/{citizenId}': {
    select: 't.citizen_id as "citizenId"',
    from: 'youth_profile',
    citizen: 't.citizen_id',
  },
  '/api/counts/{year}': { select: 't.year::text as "year"', from: 'homeless_count' },
  '/api/counts/{year}/registrations/{id}': {
    select: '(select c.year::text from homeless_count c where c.id = t.count_id) as "year", t.id as "id"',
    from: 'count_registration',
  },
  '/api/planning/scenarios/{id}': { select: 't.id as "id"', from: 'planning_scenario' },
  // Tasks are computed, not rows: the id a route is given is the task's key (see tasks module).
  '/api/tasks/{id}': { select: `'fixture-task' as "id"`, from: 'municipality', where: 'false' },
};

/** Constant fixtures: a query over no rows answers with the one constant row of its `select`. */
const CONSTANT = new Set(['/api/support/catalogue/{method}', '/api/tasks/{id}']);

/** The fixture key of every path parameter of an OpenAPI path (`/api/x/{id}/y/{z}` → its prefixes). */
export function fixtureKeys(openApiPath: string): string[] {
  const keys: string[] = [];
  for (const match of openApiPath.matchAll(/\{[^}]+\}/g)) {
    keys.push(openApiPath.slice(0, (match.index ?? 0) + match[0].length));
  }
  return keys;
}

/** The path parameters of a fixture key, in the municipality, for the relationship (nth row, cycling). */
export async function fixtureParams(
  db: DatabaseHandles,
  key: string,
  municipalityId: string,
  options: { relationship?: Relationship; supportUserId?: string; nth?: number } = {},
): Promise<Record<string, string> | undefined> {
  const fixture = FIXTURES[key];
  if (!fixture) return undefined;
  if (CONSTANT.has(key)) {
    const value = /"(\w+)"$/.exec(fixture.select);
    const literal = /^'([^']*)'/.exec(fixture.select);
    return value?.[1] && literal?.[1] ? { [value[1]]: literal[1] } : undefined;
  }
  const relationship = options.relationship ?? 'any';
  let filter = '';
  if (relationship !== 'any') {
    if (!fixture.citizen || !options.supportUserId) return undefined;
    filter = `and ${fixture.citizen} ${relationship === 'caseload' ? 'in' : 'not in'}
      (select citizen_caseload(${lit(municipalityId)}::uuid, ${lit(options.supportUserId)}::uuid))`;
    if (fixture.mine && relationship === 'caseload')
      filter += ` and ${fixture.mine.replaceAll(':user', `${lit(options.supportUserId)}::uuid`)}`;
    if (fixture.takesPart && relationship === 'outside-caseload')
      filter += ` and not ${fixture.takesPart.replaceAll(':user', `${lit(options.supportUserId)}::uuid`)}`;
  }
  const query = `select ${fixture.select} from ${fixture.from} t
    where t.municipality_id = ${lit(municipalityId)} ${fixture.where ? `and ${fixture.where}` : ''} ${filter}
    order by t.id`;
  const rows = (await sql.raw<Record<string, string>>(query).execute(db.owner)).rows;
  if (rows.length === 0) return undefined;
  return rows[(options.nth ?? 0) % rows.length];
}

/** A UUID literal for the fixture queries (only ids the tests made themselves). */
function lit(uuid: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uuid)) throw new Error(`not a uuid: ${uuid}`);
  return `'${uuid}'`;
}

/** A municipality with every module's demo data and one logged-in user per role. */
export interface SeededTenant {
  municipality: MunicipalityRow;
  users: Record<Role, { id: string; session: Session }>;
}

/**
 * A municipality filled by every module's demo seed (the demo's kommunekode 169 when free, so that
 * its shelters notify their own inbox; else a free code), with one user per role, logged in.
 */
export async function seededTenant(app: FastifyInstance, db: DatabaseHandles): Promise<SeededTenant> {
  let municipality: MunicipalityRow;
  try {
    municipality = await createMunicipality(db.owner, {
      code: '169',
      name: `Matrixkommune ${Math.random().toString(36).slice(2, 8)}`,
      authority: 'Matrixkommune, Socialforvaltningen',
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'MUNICIPALITY_CODE_TAKEN')) throw error;
    municipality = await createTestMunicipality(db, 'Matrixkommune');
  }
  const suffix = Math.random().toString(36).slice(2, 8);
  const ids = new Map<Role, string>();
  await withTenant(db.owner, municipality.id, async (trx) => {
    for (const role of ROLES) {
      const user = await createUser(trx, null, municipality.id, {
        username: `m.${role.replace('_', '-')}.${suffix}`,
        displayName: `Matrix ${role}`,
        role,
        password: TEST_PASSWORD,
      });
      ids.set(role, user.id);
    }
    // Users no test logs in as, for the routes that change a user or link one to a shelter.
    for (const [username, role] of [
      [`victim.${suffix}`, 'caseworker'],
      [`shelterhand.${suffix}`, 'partner_shelter'],
    ] as const)
      await createUser(trx, null, municipality.id, {
        username,
        displayName: `Matrix ${username}`,
        role,
        password: TEST_PASSWORD,
      });
    const demo: DemoContext = {
      municipalityId: municipality.id,
      userIdOf: (role) => ids.get(role) ?? '',
      actorOf: (role, permissions) => ({
        userId: ids.get(role) ?? '',
        username: `m.${role}.${suffix}`,
        municipalityId: municipality.id,
        role,
        permissions: new Set(permissions),
        clientIp: null,
      }),
    };
    for (const module of serverModules) await module.seedDemo?.(trx, demo);
  });
  const users = {} as SeededTenant['users'];
  for (const role of ROLES) {
    users[role] = {
      id: ids.get(role) ?? '',
      session: await login(app, `m.${role.replace('_', '-')}.${suffix}`),
    };
  }
  const tenant = { municipality, users };
  await addWhatTheDemoLacks(db, tenant);
  return tenant;
}

/**
 * Rows the demo seed does not make, through the API: household members (of a citizen in the
 * support worker's caseload and of one outside it), duplicates (one pair queued, one merged), a
 * document on an application, and the housing partner linked to an organisation with open vacancies.
 */
async function addWhatTheDemoLacks(db: DatabaseHandles, { municipality, users }: SeededTenant) {
  const cw = users.caseworker.session;
  const m = municipality.id;
  const supportUserId = users.support.id;
  for (const relationship of ['caseload', 'outside-caseload'] as const) {
    const citizen = await fixtureParams(db, '/api/citizens/{id}', m, { relationship, supportUserId });
    if (!citizen?.id) throw new Error(`no citizen ${relationship}`);
    for (const name of ['Første', 'Anden', 'Tredje'])
      await call(
        cw,
        'POST',
        `/api/citizens/${citizen.id}/household`,
        { kind: 'adult', name, birthDate: '1970-01-01' },
        201,
      );
  }
  for (const pair of ['Queued', 'Merged']) {
    const person = {
      birthDate: '1977-07-07',
      initials: 'MX',
      givenName: 'Mads',
      familyName: `Matrix${pair}`,
    };
    const a = await createCitizen(cw, person);
    await createCitizen(cw, { ...person, familyName: `Matrix${pair}-Hansen` });
    if (pair === 'Merged') {
      const candidate = await sql
        .raw<{ id: string }>(
          `select id from duplicate_candidate where citizen_a = ${lit(a.id)} or citizen_b = ${lit(a.id)}`,
        )
        .execute(db.owner);
      const id = candidate.rows[0]?.id;
      if (!id) throw new Error('no duplicate candidate');
      await call(cw, 'POST', `/api/citizens/duplicates/${id}/merge`, { survivorId: a.id });
    }
  }
  // A young person with a transition plan and one with a youth profile in the support worker's
  // caseload (enrolled with her), and a benefit sanction of a citizen outside it.
  const one = async (query: string) => (await sql.raw<{ id: string }>(query).execute(db.owner)).rows[0]?.id;
  const workerId = await one(`select id from support_worker where user_id = ${lit(supportUserId)}`);
  // Two young people (20) with a youth profile and a transition plan with meetings, actions and
  // offers: the first enrolled with the support worker (her caseload), the second not hers at all.
  const offerId = await one(
    `select id from transition_offer where municipality_id = ${lit(m)} order by id limit 1`,
  );
  if (!workerId) throw new Error('the support worker has no worker row');
  for (const enrolled of [true, false]) {
    const youngId = (
      await createCitizen(cw, {
        birthDate: addDays(today(), -20 * 365 - 30),
        initials: enrolled ? 'UM' : 'UA',
        givenName: 'Ung',
        familyName: enrolled ? 'Matrix' : 'Andenmand',
      })
    ).id;
    await call(cw, 'PUT', `/api/youth/${youngId}/profile`, {
      educationStatus: 'none',
      kuiStatus: 'none',
      specialNeed: false,
    });
    const plan = await call(
      cw,
      'POST',
      '/api/transitions',
      {
        citizenId: youngId,
        startedOn: today(),
        wishes: 'Egen bolig',
        participants: [{ kind: 'young_person' }],
      },
      201,
    );
    const participantId = await one(`select id from transition_participant where plan_id = ${lit(plan.id)}`);
    for (const n of [1, 2]) {
      const action = {
        description: `Handling ${n}`,
        responsibleId: participantId,
        dueOn: addDays(today(), 30),
      };
      await call(cw, 'POST', `/api/transitions/${plan.id}/actions`, action, 201);
      await call(cw, 'POST', `/api/transitions/${plan.id}/offers`, { offerId, fromDate: today() }, 201);
      await call(cw, 'POST', `/api/transitions/${plan.id}/meetings`, { heldOn: today() }, 201);
    }
    if (enrolled)
      await call(
        cw,
        'POST',
        '/api/support/enrollments',
        {
          citizenId: youngId,
          method: 'icm',
          workerId,
          decisionOn: addDays(today(), -30),
          legalBasis: 's85',
          startOn: addDays(today(), -20),
        },
        201,
      );
  }
  // Registered by the caseworker: outside the support worker's caseload.
  const cpr = fakeCpr('050505');
  await createCitizen(cw, { cpr, givenName: 'Sanne', familyName: 'Sanktion' });
  await call(cw, 'POST', '/api/plans/sanctions', { cpr, kind: 'sanction', effectiveOn: today() }, 201);

  const application = await fixtureParams(db, '/api/allocation/applications/{id}', m);
  if (!application?.id) throw new Error('no decided application');
  const boundary = 'matrix-boundary';
  await cw.request({
    method: 'POST',
    url: `/api/allocation/applications/${application.id}/documents`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noter.txt"\r\nContent-Type: text/plain\r\n\r\nnoter\r\n--${boundary}--\r\n`,
  });
  const organisation = await sql
    .raw<{ id: string }>(
      `select d.organisation_id as id from vacancy v join housing_department d on d.id = v.department_id
       where v.municipality_id = ${lit(m)} and v.status = 'open'
         and not exists (select 1 from offer o where o.vacancy_id = v.id)
       order by d.organisation_id limit 1`,
    )
    .execute(db.owner);
  const organisationId = organisation.rows[0]?.id;
  if (!organisationId) throw new Error('no open vacancy');
  await call(users.admin.session, 'PUT', `/api/housing/organisations/${organisationId}/contacts`, {
    userIds: [users.partner_housing.id],
  });
}

/** A municipality with one logged-in user per role and no data: the "other municipality". */
export async function emptyTenant(app: FastifyInstance, db: DatabaseHandles): Promise<SeededTenant> {
  const municipality = await createTestMunicipality(db, 'Nabokommune');
  const suffix = Math.random().toString(36).slice(2, 8);
  const users = {} as SeededTenant['users'];
  for (const role of ROLES) {
    const username = `n.${role.replace('_', '-')}.${suffix}`;
    const user = await withTenant(db.owner, municipality.id, (trx) =>
      createUser(trx, null, municipality.id, {
        username,
        displayName: `Nabo ${role}`,
        role,
        password: TEST_PASSWORD,
      }),
    );
    users[role] = { id: user.id, session: await login(app, username) };
  }
  return { municipality, users };
}

/**
 * The database a seeded tenant lives in: on PostgreSQL one of its own (`<name>_<pid>`, dropped by
 * `close`), since every module's demo seed makes users of fixed names that another test file's
 * demo in the run's shared database already has; on PGlite the file's own in-memory database.
 */
export async function seededTenantDatabase(
  name: string,
): Promise<{ db: DatabaseHandles; close: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await testDatabase();
    return { db, close: () => db.close() };
  }
  const database = `${name}_${process.pid}`;
  const db = await openDatabase({ url: await recreateDatabase(base, database), poolSize: 4 });
  await migrate(db.owner);
  return {
    db,
    close: async () => {
      await db.close();
      await dropDatabase(base, database);
    },
  };
}
