import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isViveSituation } from '../../../shared/citizens/whereabouts';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { seedDemo } from '../../demo/seed';
import { testDatabase } from '../../test/helpers';
import { findLoginUser, findMunicipalityByCode } from '../access';
import { listCitizens } from './citizens.list.repository';
import { COUNT_2019, COUNT_2022 } from './citizens.seed';

let db: DatabaseHandles;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('the demo by-name list (seeds/000; domain.md rule 9)', () => {
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'has 84 homeless in week 6 2019 (22 aged 18–29) and 67 in week 6 2022 (20 aged 18–29), all active that day',
    async () => {
      await seedDemo(db, 'demo-password-long');
      const m = await findMunicipalityByCode(db.owner, '169');
      expect(m).toBeDefined();
      expect(await findLoginUser(db.owner, 'demo.caseworker')).toBeDefined();
      const count = (onDate: string) =>
        withTenant(db.owner, m?.id ?? '', (trx) =>
          listCitizens(trx, {
            municipalityId: m?.id ?? '',
            scope: { all: true },
            today: '9999-12-31',
            onDate,
            limit: 500,
            offset: 0,
            noContactDays: 90,
            institutionDays: 90,
          }),
        );
      for (const [onDate, total, youth] of [
        [COUNT_2019, 84, 22],
        [COUNT_2022, 67, 20],
      ] as const) {
        const rows = (await count(onDate)).rows.filter((r) => isViveSituation(r.situation));
        expect({
          onDate,
          total: rows.length,
          youth: rows.filter((r) => r.age >= 18 && r.age <= 29).length,
        }).toEqual({ onDate, total, youth });
        expect(rows.every((r) => r.status === 'homeless')).toBe(true);
        expect(rows.every((r) => r.cpr === null)).toBe(true);
      }
    },
  );
});
