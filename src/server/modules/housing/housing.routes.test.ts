import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { call, createDepartment, createTestMunicipality, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';
import { seedDemoHousing } from './housing.seed';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('organisations and departments (issue 4 §1)', () => {
  it('refuses a turnover below 0 % or a negative unit count, naming the field, and saves nothing', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const org = await call(s, 'POST', '/api/housing/organisations', { name: 'Negativ' }, 201);
    const bad = await s.request({
      method: 'POST',
      url: '/api/housing/departments',
      payload: {
        organisationId: org.id,
        number: '1',
        name: 'X',
        units: { family: -1, youth: 0, elderly: 0, alternative: 0 },
        turnoverPercent: -1,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      { path: 'units.family', code: 'too_short' },
      { path: 'turnoverPercent', code: 'too_short' },
    ]);
    expect((await s.request({ method: 'GET', url: '/api/housing/departments' })).json().items).toEqual([]);
  });

  it('refuses a second department with the same number in the organisation', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { orgId } = await createDepartment(s, { number: '1' });
    const again = await s.request({
      method: 'POST',
      url: '/api/housing/departments',
      payload: {
        organisationId: orgId,
        number: '1',
        name: 'Igen',
        units: { family: 1, youth: 0, elderly: 0, alternative: 0 },
        turnoverPercent: 5,
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'DEPARTMENT_NUMBER_TAKEN',
      fields: [{ path: 'number', code: 'taken' }],
    });
  });

  it('answers a change that changes nothing (an empty body, which the schema allows) with the department as it was, not a server error (issue 20 §9, found by the route matrix)', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { deptId } = await createDepartment(s, { number: '7' });
    const res = await s.request({ method: 'PATCH', url: `/api/housing/departments/${deptId}`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: deptId, number: '7', name: 'Parken', turnoverPercent: 10 });
  });
});

describe('partner contact users (issue 4 §1)', () => {
  it('links only the municipality’s housing-organisation users to an organisation', async () => {
    const { users } = await tenantWith(app, db, ['allocation', 'partner_housing', 'caseworker']);
    const s = users.allocation.session;
    const { orgId } = await createDepartment(s, { number: '1' });
    const wrong = await s.request({
      method: 'PUT',
      url: `/api/housing/organisations/${orgId}/contacts`,
      payload: { userIds: [users.caseworker.id] },
    });
    expect(wrong.json().fields).toEqual([{ path: 'userIds.0', code: 'not_partner' }]);
    const ok = await s.request({
      method: 'PUT',
      url: `/api/housing/organisations/${orgId}/contacts`,
      payload: { userIds: [users.partner_housing.id] },
    });
    expect(ok.json().items).toEqual([
      expect.objectContaining({ userId: users.partner_housing.id, username: users.partner_housing.username }),
    ]);
    expect(
      (await s.request({ method: 'GET', url: `/api/housing/organisations/${orgId}/contacts` })).json().items,
    ).toHaveLength(1);
  });
});

describe('area status over time (issue 4 §2; domain.md §4: new lists each 1 December)', () => {
  it('answers the status in force on any date across a 1 December change, keeping the history', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { deptId } = await createDepartment(s, { number: '1' });
    await call(
      s,
      'POST',
      `/api/housing/departments/${deptId}/area-status`,
      {
        status: 'udsat',
        validFrom: '2023-12-01',
      },
      201,
    );
    await call(
      s,
      'POST',
      `/api/housing/departments/${deptId}/area-status`,
      {
        status: 'parallelsamfund',
        validFrom: '2024-12-01',
        combinedLetting: true,
      },
      201,
    );
    const on = async (date: string) =>
      (await s.request({ method: 'GET', url: `/api/housing/area-status?on=${date}` }))
        .json()
        .items.find((i: { departmentId: string }) => i.departmentId === deptId);
    expect(await on('2023-11-30')).toBeUndefined();
    expect(await on('2024-11-30')).toMatchObject({ status: 'udsat', validFrom: '2023-12-01' });
    expect(await on('2024-12-01')).toMatchObject({ status: 'parallelsamfund', combinedLetting: true });
    const history = (await s.request({ method: 'GET', url: `/api/housing/departments/${deptId}` })).json()
      .areaHistory;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['parallelsamfund', 'udsat']);
    const dup = await s.request({
      method: 'POST',
      url: `/api/housing/departments/${deptId}/area-status`,
      payload: { status: 'normal', validFrom: '2024-12-01' },
    });
    expect(dup.json()).toMatchObject({
      code: 'AREA_STATUS_DATE_TAKEN',
      fields: [{ path: 'validFrom', code: 'taken' }],
    });
  });
});

describe('framework agreements and expected units (issue 4 §3)', () => {
  it('expects units × turnover × quota per year and quarter, per organisation and in total', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { orgId, deptId } = await createDepartment(s, {
      number: '1',
      units: { family: 400, youth: 80, elderly: 0, alternative: 0 },
      turnoverPercent: 10,
    });
    await call(
      s,
      'POST',
      '/api/housing/agreements',
      {
        organisationId: orgId,
        name: 'Rammeaftale',
        validFrom: '2023-01-01',
        quotas: [
          { departmentId: deptId, unitType: 'family', quotaPercent: 25 },
          { departmentId: deptId, unitType: 'youth', quotaPercent: 25 },
        ],
      },
      201,
    );
    const expected = (await s.request({ method: 'GET', url: '/api/housing/expected?year=2026' })).json();
    expect(expected.totals).toMatchObject({ family: 10, youth: 2 });
    const line = expected.organisations[0].departments[0].lines.find(
      (l: { unitType: string }) => l.unitType === 'family',
    );
    expect(line).toMatchObject({
      units: 400,
      turnoverPercent: 10,
      quotaPercent: 25,
      perYear: 10,
      perQuarter: 2.5,
    });
    expect(
      (await s.request({ method: 'GET', url: '/api/housing/expected?year=2022' })).json().totals.family,
    ).toBe(0);
  });

  it('refuses a quota outside 0–100 %, an end before the start and an overlapping period, saving nothing', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { orgId, deptId } = await createDepartment(s, { number: '1' });
    const body = (over: Record<string, unknown>) => ({
      organisationId: orgId,
      name: 'Aftale',
      validFrom: '2023-01-01',
      validTo: '2024-12-31',
      quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 25 }],
      ...over,
    });
    const send = (over: Record<string, unknown>) =>
      s.request({ method: 'POST', url: '/api/housing/agreements', payload: body(over) });
    expect(
      (await send({ quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 120 }] })).json()
        .fields,
    ).toEqual([{ path: 'quotas.0.quotaPercent', code: 'too_long' }]);
    expect((await send({ validTo: '2022-12-31' })).json().fields).toEqual([
      { path: 'validTo', code: 'end_before_start' },
    ]);
    expect((await send({})).statusCode).toBe(201);
    const overlap = await send({ name: 'Ny aftale', validFrom: '2024-06-01', validTo: null });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({
      code: 'AGREEMENT_OVERLAP',
      params: { departmentNumber: '1', agreementName: 'Aftale' },
      fields: [{ path: 'validFrom', code: 'agreement_overlap' }],
    });
    expect((await send({ name: 'Efterfølger', validFrom: '2025-01-01', validTo: null })).statusCode).toBe(
      201,
    );
    expect(
      (await s.request({ method: 'GET', url: '/api/housing/agreements' }))
        .json()
        .items.map((a: { name: string }) => a.name)
        .sort(),
    ).toEqual(['Aftale', 'Efterfølger']);
  });

  it('gives the demo municipality about 79 family and 6 youth units a year (seeds/000)', async () => {
    const { users, municipality } = await tenantWith(app, db, ['allocation']);
    await withTenant(db.app, municipality.id, (trx) =>
      seedDemoHousing(trx, {
        userId: users.allocation.id,
        username: users.allocation.username,
        municipalityId: municipality.id,
        role: 'allocation',
        permissions: new Set(['housing.read', 'housing.manage']),
        clientIp: null,
      }),
    );
    const s = users.allocation.session;
    const totals = (await s.request({ method: 'GET', url: '/api/housing/expected?year=2025' })).json().totals;
    expect(Math.round(totals.family)).toBe(79);
    expect(Math.round(totals.youth)).toBe(6);
    const departments = (await s.request({ method: 'GET', url: '/api/housing/departments' })).json()
      .items as {
      units: Record<string, number>;
      areaStatus: { status: string } | null;
    }[];
    const all = departments.reduce((n, d) => n + Object.values(d.units).reduce((a, b) => a + b, 0), 0);
    const parallel = departments
      .filter((d) => ['parallelsamfund', 'omdannelse'].includes(d.areaStatus?.status ?? ''))
      .reduce((n, d) => n + Object.values(d.units).reduce((a, b) => a + b, 0), 0);
    expect(parallel / all).toBeGreaterThan(0.55);
    const pools = (await s.request({ method: 'GET', url: '/api/housing/pools' })).json().items;
    expect(pools[0]).toMatchObject({ rentMin: 4500, rentMax: 5000, monthlyReduction: 1250 });
    expect(pools[0].units).toHaveLength(16);
  });
});

describe('dialogue-meeting report (issue 4 §4)', () => {
  it('shows expected against received and used (zero when no vacancy was recorded in the period), as JSON, XLSX and PDF', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { orgId, deptId } = await createDepartment(s, {
      number: '1',
      units: { family: 365, youth: 0, elderly: 0, alternative: 0 },
      turnoverPercent: 10,
    });
    await call(
      s,
      'POST',
      '/api/housing/agreements',
      {
        organisationId: orgId,
        name: 'Aftale',
        validFrom: '2026-01-01',
        quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 100 }],
      },
      201,
    );
    const url = `/api/housing/organisations/${orgId}/report?from=2026-01-01&to=2026-01-10`;
    const report = (await s.request({ method: 'GET', url })).json();
    expect(report.departments[0]).toMatchObject({ number: '1', received: 0, used: 0, returnedUnused: 0 });
    expect(report.departments[0].expected).toBeCloseTo(1, 5); // 36.5 a year × 10 of 365 days
    expect(report.vacancyDataAvailable).toBe(true);
    const xlsx = await s.request({ method: 'GET', url: url.replace('/report?', '/report.xlsx?') });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('Dialogmøde');
    const pdf = await s.request({ method: 'GET', url: url.replace('/report?', '/report.pdf?') });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('dialogue-meeting report over several months (issue 4 §4)', () => {
  it('takes each month the quotas of the agreement in force on its first day when the agreement changes within the period', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { orgId, deptId } = await createDepartment(s, {
      number: '1',
      units: { family: 365, youth: 0, elderly: 0, alternative: 0 },
      turnoverPercent: 10,
    });
    await call(
      s,
      'POST',
      '/api/housing/agreements',
      {
        organisationId: orgId,
        name: 'Aftale januar',
        validFrom: '2026-01-01',
        validTo: '2026-01-31',
        quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 100 }],
      },
      201,
    );
    await call(
      s,
      'POST',
      '/api/housing/agreements',
      {
        organisationId: orgId,
        name: 'Aftale fra februar',
        validFrom: '2026-02-01',
        quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 50 }],
      },
      201,
    );
    const url = `/api/housing/organisations/${orgId}/report?from=2026-01-01&to=2026-02-28`;
    const report = (await s.request({ method: 'GET', url })).json();
    // 36.5 a year × 31 of 365 days at 100 %, then 18.25 a year × 28 of 365 days at 50 %.
    expect(report.departments[0].expected).toBeCloseTo(3.1 + 1.4, 5);
  });
});

describe('rent-subsidy pools (issue 4 §5)', () => {
  it('binds units within the rent band, keeps the remaining budget and warns before the period ends', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    const { deptId } = await createDepartment(s, { number: '1' });
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const pool = await call(
      s,
      'POST',
      '/api/housing/pools',
      {
        name: 'Pulje',
        validFrom: '2026-01-01',
        validTo: soon,
        budget: 100_000,
        amountPerUnit: 16_965,
        monthlyReduction: 1250,
        rentMin: 4500,
        rentMax: 5000,
      },
      201,
    );
    const outside = await s.request({
      method: 'POST',
      url: `/api/housing/pools/${pool.id}/units`,
      payload: { departmentId: deptId, address: 'Vej 1', rent: 6000, boundFrom: '2026-01-01' },
    });
    expect(outside.json().fields).toEqual([{ path: 'rent', code: 'outside_band' }]);
    await call(
      s,
      'POST',
      `/api/housing/pools/${pool.id}/units`,
      {
        departmentId: deptId,
        address: 'Vej 1',
        rent: 4800,
        boundFrom: '2026-01-01',
        boundTo: '2026-03-01',
      },
      201,
    );
    const listed = (await s.request({ method: 'GET', url: '/api/housing/pools' })).json().items[0];
    expect(listed).toMatchObject({ endsSoon: true, remaining: 100_000 - 2 * 1250 });
    const tasks = (await s.request({ method: 'GET', url: '/api/tasks' })).json().items;
    expect(tasks).toContainEqual(
      expect.objectContaining({ kind: 'subsidy_pool_ending', params: { name: 'Pulje', validTo: soon } }),
    );
  });
});

describe('pipeline, import, export and access (issue 4 §6, §8)', () => {
  it('counts a new build in the year it is ready, at its allocation share', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    await call(
      s,
      'POST',
      '/api/housing/pipeline',
      {
        name: 'Fløng',
        kind: 'new_build',
        unitType: 'family',
        units: 10,
        readyDate: '2024-08-01',
        allocationPercent: 100,
      },
      201,
    );
    expect(
      (await s.request({ method: 'GET', url: '/api/housing/expected?year=2024' })).json().totals.pipeline,
    ).toBe(10);
    expect(
      (await s.request({ method: 'GET', url: '/api/housing/expected?year=2025' })).json().totals.pipeline,
    ).toBe(0);
  });

  it('exports everything as one workbook', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const s = users.allocation.session;
    await createDepartment(s, { number: '1' });
    const res = await s.request({ method: 'GET', url: '/api/housing/export.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(7);
  });

  it('lets a leader read but not change, shows partners nothing, and another municipality "not found"', async () => {
    const a = await tenantWith(app, db, ['allocation', 'leader', 'partner_housing']);
    const { deptId } = await createDepartment(a.users.allocation.session, { number: '1' });
    expect(
      (await a.users.leader.session.request({ method: 'GET', url: '/api/housing/departments' })).statusCode,
    ).toBe(200);
    expect(
      (
        await a.users.leader.session.request({
          method: 'POST',
          url: '/api/housing/organisations',
          payload: { name: 'X' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await a.users.partner_housing.session.request({ method: 'GET', url: '/api/housing/departments' }))
        .statusCode,
    ).toBe(403);
    const other = await createTestMunicipality(db);
    expect(other.id).not.toBe(a.municipality.id);
    const b = await tenantWith(app, db, ['allocation']);
    expect(
      (await b.users.allocation.session.request({ method: 'GET', url: `/api/housing/departments/${deptId}` }))
        .statusCode,
    ).toBe(404);
  });
});
