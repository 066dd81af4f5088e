import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISPOSABLE } from '../../../shared/allocation/model';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createDepartment,
  createVacancy,
  tenantWith,
} from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';
import { disposableDefault } from './migrations/2026-12-03-0012-allocation-handoff-fixes';

/** The rådighedsbeløb (issue 14 §3): a documented default, 0 kr. only when confirmed, and the rent check. */

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

describe('the rådighedsbeløb (issue 14 §3)', () => {
  it('ships a default per adult and per child, not 0 kr.', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const settings = await call(users.allocation.session, 'GET', '/api/allocation/settings');
    expect(settings).toMatchObject({
      disposablePerAdult: DEFAULT_DISPOSABLE.perAdult,
      disposablePerChild: DEFAULT_DISPOSABLE.perChild,
      disposableZeroConfirmed: false,
    });
    expect(DEFAULT_DISPOSABLE.perAdult).toBeGreaterThan(0);
    expect(DEFAULT_DISPOSABLE.perChild).toBeGreaterThan(0);
  });

  it('refuses 0 kr. without the explicit confirmation, naming the field, and saves nothing', async () => {
    const { users } = await tenantWith(app, db, ['allocation']);
    const officer = users.allocation.session;
    const settings = await call(officer, 'GET', '/api/allocation/settings');
    const refused = await officer.request({
      method: 'PUT',
      url: '/api/allocation/settings',
      payload: { ...settings, disposablePerAdult: 0, disposablePerChild: 0, disposableZeroConfirmed: false },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'V_VALIDATION',
      fields: [
        { path: 'disposablePerAdult', code: 'zero_not_confirmed' },
        { path: 'disposablePerChild', code: 'zero_not_confirmed' },
      ],
    });
    // Without the flag at all, the same.
    const { disposableZeroConfirmed: _flag, ...withoutFlag } = settings;
    const alsoRefused = await officer.request({
      method: 'PUT',
      url: '/api/allocation/settings',
      payload: { ...withoutFlag, disposablePerChild: 0 },
    });
    expect(alsoRefused.json().fields).toEqual([{ path: 'disposablePerChild', code: 'zero_not_confirmed' }]);
    expect(await call(officer, 'GET', '/api/allocation/settings')).toMatchObject({
      disposablePerAdult: DEFAULT_DISPOSABLE.perAdult,
      disposablePerChild: DEFAULT_DISPOSABLE.perChild,
    });
  });

  it('saves 0 kr. when the municipality confirms it, and forgets the confirmation once no amount is 0', async () => {
    const { municipality, users } = await tenantWith(app, db, ['allocation']);
    const officer = users.allocation.session;
    const settings = await call(officer, 'GET', '/api/allocation/settings');
    const saved = await call(officer, 'PUT', '/api/allocation/settings', {
      ...settings,
      disposablePerChild: 0,
      disposableZeroConfirmed: true,
    });
    expect(saved).toMatchObject({ disposablePerChild: 0, disposableZeroConfirmed: true });
    const audited = await db.owner
      .selectFrom('audit_event')
      .select('details')
      .where('municipality_id', '=', municipality.id)
      .where('action', '=', 'allocation.settings_update')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([
      expect.objectContaining({ disposablePerChild: 0, disposableZeroConfirmed: true }),
    ]);
    const back = await call(officer, 'PUT', '/api/allocation/settings', {
      ...saved,
      disposablePerChild: 1_000,
    });
    expect(back).toMatchObject({ disposablePerChild: 1_000, disposableZeroConfirmed: false });
  });

  it('fails the rent check for a rent that leaves less than the rådighedsbeløb, showing what is left', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { deptId } = await createDepartment(officer);
    // 9 000 income − 2 000 fixed costs − 5 600 rent and utilities leaves 1 400 kr. to live on.
    const { id: tight } = await createApprovedApplication(cw, officer, { monthlyIncome: 9_000 });
    // 12 000 − 2 000 − 5 600 leaves 4 400 kr.
    const { id: fits } = await createApprovedApplication(cw, officer, { monthlyIncome: 12_000 });
    const { id: vacancyId } = await createVacancy(officer, deptId);
    const list = await call(officer, 'GET', `/api/allocation/vacancies/${vacancyId}/candidates`);
    const rentOf = (c: { checks: { rule: string }[] }) => c.checks.find((k) => k.rule === 'rent');
    const excluded = list.excluded.find((c: { applicationId: string }) => c.applicationId === tight);
    expect(rentOf(excluded)).toMatchObject({
      outcome: 'fail',
      key: 'rent.tooHigh',
      params: {
        total: 5_600,
        left: 1_400,
        required: DEFAULT_DISPOSABLE.perAdult,
        max: 9_000 - 2_000 - 3_600,
      },
    });
    const eligible = list.eligible.find((c: { applicationId: string }) => c.applicationId === fits);
    expect(rentOf(eligible)).toMatchObject({
      outcome: 'pass',
      key: 'rent.fits',
      params: { left: 4_400, required: DEFAULT_DISPOSABLE.perAdult },
    });
  });

  it('migration 0012 gives a municipality stored with 0 kr. the default, unless it confirmed 0', async () => {
    const a = await tenantWith(app, db, ['allocation']);
    const b = await tenantWith(app, db, ['allocation']);
    const stored = (m: string, settings: Record<string, unknown>) =>
      db.owner
        .insertInto('allocation_settings')
        .values({ municipality_id: m, settings: JSON.stringify(settings), updated_by: null })
        .execute();
    await stored(a.municipality.id, { replyDays: 10, disposablePerAdult: 0, disposablePerChild: 0 });
    await stored(b.municipality.id, {
      disposablePerAdult: 2_500,
      disposablePerChild: 0,
      disposableZeroConfirmed: true,
    });
    await disposableDefault(db.owner);
    expect(await call(a.users.allocation.session, 'GET', '/api/allocation/settings')).toMatchObject({
      replyDays: 10,
      disposablePerAdult: DEFAULT_DISPOSABLE.perAdult,
      disposablePerChild: DEFAULT_DISPOSABLE.perChild,
    });
    expect(await call(b.users.allocation.session, 'GET', '/api/allocation/settings')).toMatchObject({
      disposablePerAdult: 2_500,
      disposablePerChild: 0,
    });
  });
});
