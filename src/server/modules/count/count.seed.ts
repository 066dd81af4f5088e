import type { Cause, IncomeSource } from '../../../shared/count/model';
import { countDay, week6 } from '../../../shared/count/rules';
import { addDays, today } from '../../../shared/dates';
import type { Permission } from '../../../shared/permissions';
import type { Tx } from '../../db/database';
import type { DemoContext } from '../../platform/module';
import { homelessOnDays } from '../citizens';
import { closeCount, getCount, openCount, register } from './count.service';

const PERMISSIONS: Permission[] = ['count.read', 'count.register', 'count.manage', 'count.report'];

/** Causes as often as the 2022 count found them (domain.md §1), several for some. */
const CAUSE_CYCLE: Cause[][] = [
  ['mental_illness'],
  ['drugs', 'mental_illness'],
  ['money'],
  ['alcohol'],
  ['no_suitable_housing'],
  ['family_friends_no_longer'],
  ['eviction', 'money'],
  ['mental_illness', 'alcohol'],
  ['drugs'],
  [],
];
const INCOME_CYCLE: IncomeSource[] = [
  'cash_benefit',
  'cash_benefit',
  'early_pension',
  'cash_benefit',
  'other_benefit',
  'none',
  'unknown',
];

/**
 * The week-6 counts of the demo municipality (issue 18 §1): 2019 and 2022, closed, with everyone
 * homeless on the count's Wednesday registered from the by-name list — the plan's 84 and 67 (22 and
 * 20 aged 18–29) come from the registrations — and homeless migrants without residence apart (not
 * in the total, rule 7); and this period's count, open, when its week has begun, with a few
 * registered and the rest still on the list to register.
 */
export async function seedDemoCounts(trx: Tx, demo: DemoContext): Promise<void> {
  const actor = demo.actorOf('caseworker', PERMISSIONS);
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  const openYear = [thisYear, thisYear - 1].find((y) => y >= 2026 && y % 2 === 0 && week6(y).from <= now);
  for (const year of [2019, 2022, ...(openYear ? [openYear] : [])]) {
    await openCount(trx, actor, year);
    const onWednesday = new Set(
      (await homelessOnDays(trx, actor.municipalityId, [countDay(year)])).map((r) => r.id),
    );
    const { toRegister } = await getCount(trx, actor, year);
    const people = toRegister.filter((c) => onWednesday.has(c.citizenId));
    const closed = year !== openYear;
    const take = closed ? people : people.slice(0, 5);
    for (const [i, c] of take.entries())
      await register(trx, actor, year, {
        citizenId: c.citizenId,
        ...c.prefill,
        causes: CAUSE_CYCLE[i % CAUSE_CYCLE.length] ?? [],
        incomeSource: INCOME_CYCLE[i % INCOME_CYCLE.length] ?? 'unknown',
        citizenship: i % 11 === 4 ? 'eu' : i % 13 === 6 ? 'other' : 'danish',
        units:
          c.prefill.units.length > 0 ? c.prefill.units : [i % 3 === 0 ? 'Gadeplan' : 'Socialrådgivningen'],
      });
    if (!closed) continue;
    // Homeless migrants without permanent residence, met by the street team (not in the total).
    for (const [i, initials] of (year === 2019 ? ['MK', 'AP', 'DV'] : ['TS', 'RB']).entries())
      await register(trx, actor, year, {
        initials,
        birthDate: addDays(`${year - 30 - 7 * i}-03-01`, 11 * i),
        sex: i === 1 ? 'female' : 'male',
        situation: i === 0 ? 'street' : 'night_shelter',
        duration: 'under_3_months',
        causes: ['money'],
        onHousingList: 'no',
        hasActionPlan: 'no',
        supportReceived: 'unknown',
        incomeSource: 'none',
        citizenship: 'eu',
        migrantWithoutResidence: true,
        units: ['Gadeplan'],
      });
    await closeCount(trx, actor, year);
  }
}
