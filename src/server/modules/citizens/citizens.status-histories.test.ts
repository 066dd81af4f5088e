import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOn } from '../../../shared/citizens/status';
import { today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { call, createCitizen, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';
import { statusHistories } from './citizens.status-histories.service';

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

describe('every citizen’s status history, as the flow, the dashboard and planning read it', () => {
  it('rule 36: of two episodes starting the same day the one recorded last is in force, either way round', async () => {
    const { municipality, users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const day = '2026-03-01';
    const housedLast = await createCitizen(s, { firstEpisode: { situation: 'shelter', fromDate: day } });
    await call(
      s,
      'POST',
      `/api/citizens/${housedLast.id}/episodes`,
      { situation: 'housed', fromDate: day },
      201,
    );
    const shelterLast = await createCitizen(s, { firstEpisode: { situation: 'housed', fromDate: day } });
    await call(
      s,
      'POST',
      `/api/citizens/${shelterLast.id}/episodes`,
      { situation: 'shelter', fromDate: day },
      201,
    );
    await call(
      s,
      'POST',
      `/api/citizens/${shelterLast.id}/contacts`,
      { contactOn: today(), channel: 'meeting' },
      201,
    );

    const { people } = await withTenant(db.app, municipality.id, (trx) =>
      statusHistories(trx, municipality.id, today()),
    );
    const statusOf = (id: string) => {
      const p = people.get(id);
      if (!p) throw new Error(`no history of ${id}`);
      return statusOn({ ...p, lastContactOn: p.contacts.at(-1) ?? null }, today()).situation;
    };
    expect(statusOf(housedLast.id)).toBe('housed');
    expect(statusOf(shelterLast.id)).toBe('shelter');
    // Each history holds both episodes, with the contact.
    expect(people.get(shelterLast.id)?.episodes).toHaveLength(2);
    expect(people.get(shelterLast.id)?.contacts).toEqual([today()]);
  });
});
