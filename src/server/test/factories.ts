import type {
  ApplicationDetail,
  ApplicationInput,
  MemberInput,
  VacancyInput,
} from '../../shared/allocation/api';
import { addDays, today } from '../../shared/dates';
import type { NoticeCreated, NoticeInput } from '../../shared/prevention/api';
import type { CitizenRequest } from '../modules/citizens';
import type { Session } from './helpers';

export { createTestMunicipality, createTestUser, tenantWith } from './helpers';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a request and fails with the method, URL, status and response body unless the route
 * answers `expectedStatus`. Returns the parsed JSON body, or the response itself when it is not
 * JSON (a file, or 204 No Content).
 */
export async function call(
  session: Session,
  method: Method,
  url: string,
  body?: unknown,
  expectedStatus = 200,
) {
  const res = await session.request({ method, url, ...(body === undefined ? {} : { payload: body }) });
  if (res.statusCode !== expectedStatus)
    throw new Error(`${method} ${url}: expected ${expectedStatus}, got ${res.statusCode} ${res.body}`);
  return res.headers['content-type']?.includes('json') ? res.json() : res;
}

let serial = 0;
const next = () => ++serial;
const randomName = () => Math.random().toString(36).slice(2, 8);

// CPR numbers of people born in the 1800s (digit 7 is 5–8 and the year 58–99): no living person
// holds them. The default date, 1 January 1860, is that of `fakeCpr()` throughout the tests.
let cprSerial = 5000;
/** A valid CPR number (without the dash) of a person born in the 1800s on `ddmmyy`. */
export const fakeCpr = (ddmmyy = '010160') => `${ddmmyy}${String(cprSerial++).padStart(4, '0')}`;

// --- Citizens ---------------------------------------------------------------------------------

export type CitizenOverrides = CitizenRequest;

/**
 * The body of POST /api/citizens. A test that says who the person is (a CPR number, initials or a
 * name) gets exactly the fields it gives; otherwise an anonymous person without CPR, born
 * 1990-05-01, with unique initials and the name "Test Borger n", plus the overrides.
 */
export function citizenInput(overrides: CitizenOverrides = {}): CitizenOverrides {
  const named = ['cpr', 'initials', 'givenName', 'familyName'].some(
    (key) => overrides[key as keyof CitizenOverrides] != null,
  );
  if (named) return overrides;
  const n = next();
  return {
    birthDate: '1990-05-01',
    initials: `T${n}`,
    givenName: 'Test',
    familyName: `Borger ${n}`,
    ...overrides,
  };
}

/** Registers a citizen (see `citizenInput`). */
export async function createCitizen(
  session: Session,
  overrides: CitizenOverrides = {},
): Promise<{ id: string; duplicates: { id: string }[] }> {
  return call(session, 'POST', '/api/citizens', citizenInput(overrides), 201);
}

// --- Housing organisations and departments -----------------------------------------------------

/** A housing organisation with a unique name. */
export async function createOrganisation(
  session: Session,
  overrides: { name?: string } = {},
): Promise<{ id: string; name: string }> {
  return call(
    session,
    'POST',
    '/api/housing/organisations',
    { name: `Bolig ${randomName()}`, ...overrides },
    201,
  );
}

export interface DepartmentOverrides {
  /** The organisation; a new one when not given. */
  organisationId?: string;
  number?: string;
  name?: string;
  units?: { family: number; youth: number; elderly: number; alternative: number };
  turnoverPercent?: number;
  /** An area status other than normal, valid from 2025-12-01. */
  areaStatus?: 'normal' | 'udsat' | 'forebyggelse';
}

/**
 * A department "Parken" with a unique number, 100 family units and 10 % turnover, in a new
 * organisation unless `organisationId` is given.
 */
export async function createDepartment(
  session: Session,
  { organisationId, areaStatus = 'normal', ...overrides }: DepartmentOverrides = {},
): Promise<{ orgId: string; deptId: string; number: string }> {
  const orgId = organisationId ?? (await createOrganisation(session)).id;
  const dept = await call(
    session,
    'POST',
    '/api/housing/departments',
    {
      organisationId: orgId,
      number: String(next()),
      name: 'Parken',
      units: { family: 100, youth: 0, elderly: 0, alternative: 0 },
      turnoverPercent: 10,
      ...overrides,
    },
    201,
  );
  if (areaStatus !== 'normal')
    await call(
      session,
      'POST',
      `/api/housing/departments/${dept.id}/area-status`,
      { status: areaStatus, validFrom: '2025-12-01' },
      201,
    );
  return { orgId, deptId: dept.id as string, number: dept.number as string };
}

// --- Allocation: applications and vacancies ----------------------------------------------------

/** A household member: by default the applicant, an adult Danish citizen without special facts. */
export const memberInput = (overrides: Partial<MemberInput> = {}): MemberInput => ({
  role: 'applicant',
  name: 'Test Borger',
  birthDate: '1990-05-01',
  citizenship: 'danish',
  student: false,
  prisonReleasedOn: null,
  youthInstitutionReleasedOn: null,
  leaseTerminatedMisconductOn: null,
  partnerSince: null,
  benefits: [],
  ...overrides,
});

/**
 * The body of POST /api/allocation/applications: an adult on special social grounds, 1–3 rooms,
 * an income of 12 000 and fixed costs of 2 000 a month, the applicant alone.
 */
export const applicationInput = (
  citizenId: string,
  overrides: Partial<ApplicationInput> = {},
): ApplicationInput => ({
  citizenId,
  area: 'adult',
  targetGrounds: ['special_social'],
  justification: 'Bor på herberg og kan ikke selv finde en bolig.',
  roomsMin: 1,
  roomsMax: 3,
  monthlyIncome: 12_000,
  fixedCosts: 2_000,
  accessibleNeed: false,
  wishedDepartmentIds: [],
  excludedDepartmentIds: [],
  youthWish: false,
  inEducation: false,
  educationPlanned: false,
  youthSpecialNeed: false,
  members: [memberInput()],
  ...overrides,
});

/** A submitted application (see `applicationInput`), for a new citizen unless `citizenId` is given. */
export async function createApplication(
  caseworker: Session,
  { citizenId, ...overrides }: Partial<ApplicationInput> = {},
): Promise<ApplicationDetail> {
  const input = applicationInput(citizenId ?? (await createCitizen(caseworker)).id, overrides);
  return call(caseworker, 'POST', '/api/allocation/applications', input, 201);
}

/** An application submitted by the caseworker and approved by the allocation officer. */
export async function createApprovedApplication(
  caseworker: Session,
  officer: Session,
  overrides: Partial<ApplicationInput> = {},
  /** 'acute', 'high' or 'normal' (a string, so that a test can loop over them). */
  priority = 'normal',
): Promise<ApplicationDetail> {
  const { id } = await createApplication(caseworker, overrides);
  return call(officer, 'POST', `/api/allocation/applications/${id}/assessment`, {
    action: 'approve',
    priority,
    reason: 'Akut behov efter udskrivning.',
  });
}

/**
 * The body of POST /api/allocation/vacancies: a two-room family unit at a unique address, 60 m²,
 * rent 5 000 plus 600 utilities, available today on the agreement quota.
 */
export const vacancyInput = (departmentId: string, overrides: Partial<VacancyInput> = {}): VacancyInput => ({
  departmentId,
  address: `Parkvej ${next()}, 1. tv`,
  unitType: 'family',
  rooms: 2,
  areaM2: 60,
  rent: 5_000,
  utilities: 600,
  deposit: 15_000,
  accessible: false,
  availableOn: today(),
  origin: 'agreement_quota',
  deadlineOn: null,
  ...overrides,
});

/** A vacancy registered by the allocation officer (see `vacancyInput`). */
export async function createVacancy(
  officer: Session,
  departmentId: string,
  overrides: Partial<VacancyInput> = {},
): Promise<{ id: string }> {
  return call(officer, 'POST', '/api/allocation/vacancies', vacancyInput(departmentId, overrides), 201);
}

// --- Prevention: notices ------------------------------------------------------------------------

/**
 * The body of POST /api/prevention/notices: a public landlord's notice received today about a
 * tenant without CPR at a unique address, 12 500 in arrears over two months, demanded 20 days ago.
 */
export const noticeInput = (overrides: Partial<NoticeInput> = {}): NoticeInput => ({
  source: 'public_landlord',
  receivedOn: today(),
  tenantCpr: null,
  tenantName: 'Lejer Jensen',
  address: `Parkvej ${next()}, 2. th`,
  departmentId: null,
  arrearsAmount: 12_500,
  arrearsMonths: 2,
  paakravOn: addDays(today(), -20),
  terminationOn: null,
  bailiffFiledOn: null,
  evictionDate: null,
  childrenUnder18: false,
  ...overrides,
});

/** A notice reported by the prevention team, or by a partner at `/api/partner/notices`. */
export async function createNotice(
  session: Session,
  overrides: Partial<NoticeInput> = {},
  url: '/api/prevention/notices' | '/api/partner/notices' = '/api/prevention/notices',
): Promise<NoticeCreated> {
  return call(session, 'POST', url, noticeInput(overrides), 201);
}
