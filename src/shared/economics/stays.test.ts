import { describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { DEFAULT_STAY_REFUND_LIMITS, type StayDays, stayRefunds } from '../shelters/rules';
import { type DaySum, DEFAULT_ECONOMICS_SETTINGS, type RunningYear } from './model';
import { type EconomicsStay, monthStartsBetween, type ShelterDaysInput, shelterDays } from './stays';

const stay = (
  id: string,
  from: string,
  until: string | null,
  over: Partial<EconomicsStay> = {},
): EconomicsStay => ({
  id,
  citizenId: 'c1',
  shelterId: 'h1',
  from,
  until,
  onTilbudsportalen: true,
  ...over,
});

function run(stays: EconomicsStay[], from: string, until: string, over: Partial<ShelterDaysInput> = {}) {
  const months = monthStartsBetween(from, until);
  const result = shelterDays({
    stays,
    rates: new Map([['h1', [{ validFrom: '2020-01-01', dailyRate: 1000 }]]]),
    settings: [],
    limits: DEFAULT_STAY_REFUND_LIMITS,
    runningYear: 'rolling',
    daySum: 'per_citizen',
    months,
    until,
    ...over,
  });
  return { months, byCitizen: result };
}

const monthly = (r: ReturnType<typeof run>, citizen = 'c1') =>
  Object.fromEntries(
    r.months.map((m, i) => {
      const f = r.byCitizen.get(citizen)?.[i];
      return [m.slice(0, 7), { refunded: f?.refundedDays ?? 0, beyond: f?.beyondDays ?? 0 }];
    }),
  );

describe('the § 110 stay refund per month (rule 15)', () => {
  it('refunds 120 days up to 31 December 2025 and only 90 from 1 January 2026 (rolling year, per citizen)', () => {
    // Admitted 1 October 2025: 92 stay days by 31 December, all within 120; on 1 January 2026 the
    // 93rd day of the running year is past the new limit of 90.
    const r = run([stay('s1', '2025-10-01', '2026-03-01')], '2025-10-01', '2026-03-01');
    expect(monthly(r)).toEqual({
      '2025-10': { refunded: 31, beyond: 0 },
      '2025-11': { refunded: 30, beyond: 0 },
      '2025-12': { refunded: 31, beyond: 0 },
      '2026-01': { refunded: 0, beyond: 31 },
      '2026-02': { refunded: 0, beyond: 28 },
    });
  });

  it('counts a stay begun in the year before the period towards the limit (the 365-day lookback)', () => {
    // Admitted 1 November 2025: 61 days in 2025, so 29 refunded days are left in January 2026.
    const r = run([stay('s1', '2025-11-01', null)], '2026-01-01', '2026-03-01');
    expect(monthly(r)).toEqual({
      '2026-01': { refunded: 29, beyond: 2 },
      '2026-02': { refunded: 0, beyond: 28 },
    });
  });

  it('sums a citizen’s stays across shelters (per_citizen) or counts each stay alone (per_stay)', () => {
    const stays = [
      stay('s1', '2026-01-01', '2026-03-02'), // 60 days
      stay('s2', '2026-04-01', '2026-05-31', { shelterId: 'h2' }), // 60 days
    ];
    const rates = new Map([
      ['h1', [{ validFrom: '2020-01-01', dailyRate: 1000 }]],
      ['h2', [{ validFrom: '2020-01-01', dailyRate: 1200 }]],
    ]);
    const perCitizen = run(stays, '2026-04-01', '2026-06-01', { rates });
    expect(monthly(perCitizen)).toEqual({
      '2026-04': { refunded: 30, beyond: 0 },
      '2026-05': { refunded: 0, beyond: 30 },
    });
    const perStay = run(stays, '2026-04-01', '2026-06-01', { rates, daySum: 'per_stay' as DaySum });
    expect(monthly(perStay)).toEqual({
      '2026-04': { refunded: 30, beyond: 0 },
      '2026-05': { refunded: 30, beyond: 0 },
    });
  });

  it('starts the count again on 1 January with a calendar running year, not with a rolling one', () => {
    const stays = [stay('s1', '2026-10-01', '2027-02-01')]; // 92 days in 2026
    const rolling = run(stays, '2026-12-01', '2027-02-01');
    expect(monthly(rolling)).toEqual({
      '2026-12': { refunded: 29, beyond: 2 },
      '2027-01': { refunded: 0, beyond: 31 },
    });
    const calendar = run(stays, '2026-12-01', '2027-02-01', { runningYear: 'calendar' as RunningYear });
    expect(monthly(calendar)).toEqual({
      '2026-12': { refunded: 29, beyond: 2 },
      '2027-01': { refunded: 31, beyond: 0 },
    });
  });

  it('gives no refund for a shelter not on Tilbudsportalen, and does not count its days towards the limit', () => {
    const stays = [
      stay('s1', '2026-01-01', '2026-03-02', { onTilbudsportalen: false }),
      stay('s2', '2026-03-02', '2026-05-01'),
    ];
    const r = run(stays, '2026-01-01', '2026-05-01');
    expect(monthly(r)).toEqual({
      '2026-01': { refunded: 0, beyond: 0 },
      '2026-02': { refunded: 0, beyond: 0 },
      '2026-03': { refunded: 30, beyond: 0 },
      '2026-04': { refunded: 30, beyond: 0 },
    });
    expect(r.byCitizen.get('c1')?.[0]?.days).toBe(31);
  });

  it('refunds every day before the reform (1 October 2023), with no limit', () => {
    const r = run([stay('s1', '2023-03-01', '2023-10-01')], '2023-09-01', '2023-11-01');
    expect(monthly(r)['2023-09']).toEqual({ refunded: 30, beyond: 0 });
  });
});

describe('shelter days in kroner', () => {
  it('prices each day at the rate in force on it, less the own payment (egenbetaling), and refunds 50 % of the rest', () => {
    const rates = new Map([
      [
        'h1',
        [
          { validFrom: '2025-01-01', dailyRate: 1000 },
          { validFrom: '2026-01-16', dailyRate: 1200 },
        ],
      ],
    ]);
    const r = run([stay('s1', '2026-01-01', '2026-02-01')], '2026-01-01', '2026-02-01', { rates });
    const jan = r.byCitizen.get('c1')?.[0];
    expect(jan).toMatchObject({ days: 31, gross: 15 * 1000 + 16 * 1200, ownPayment: 31 * 87 });
    expect(jan?.net).toBe(15 * 1000 + 16 * 1200 - 31 * 87);
    expect(jan?.refund).toBeCloseTo((15 * 913 + 16 * 1113) / 2, 6);
  });

  it('uses the dated own payment and refund share, and never lets the own payment exceed the rate', () => {
    const settings = [
      {
        ...DEFAULT_ECONOMICS_SETTINGS,
        validFrom: '2026-01-11',
        ownPaymentPerDay: 100,
        refundSharePercent: 40,
      },
    ];
    const rates = new Map([['h1', [{ validFrom: '2025-01-01', dailyRate: 90 }]]]);
    const r = run([stay('s1', '2026-01-01', '2026-01-21')], '2026-01-01', '2026-02-01', { rates, settings });
    const jan = r.byCitizen.get('c1')?.[0];
    // 10 days at 90 − 87 = 3 kr. net; 10 days at 90 − 90 (100 capped at the rate) = 0.
    expect(jan).toMatchObject({ days: 20, gross: 1800, ownPayment: 870 + 900, net: 30 });
    expect(jan?.refund).toBeCloseTo(15, 6);
  });

  it('counts the days with no rate in force', () => {
    const rates = new Map([['h1', [{ validFrom: '2026-01-11', dailyRate: 1000 }]]]);
    const r = run([stay('s1', '2026-01-01', '2026-02-01')], '2026-01-01', '2026-02-01', { rates });
    expect(r.byCitizen.get('c1')?.[0]).toMatchObject({ days: 31, daysWithoutRate: 10, gross: 21_000 });
  });
});

describe('the day-number walk refunds exactly the days stayRefunds refunds (rule 15)', () => {
  // A small deterministic generator (no Math.random: a failure must be reproducible).
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (const runningYear of ['rolling', 'calendar'] as const)
    for (const daySum of ['per_citizen', 'per_stay'] as const)
      it(`agrees for ${runningYear} running years summed ${daySum}`, () => {
        for (let trial = 0; trial < 40; trial++) {
          const stays: EconomicsStay[] = [];
          let day = addDays('2024-06-01', Math.floor(next() * 300));
          const count = 1 + Math.floor(next() * 5);
          for (let i = 0; i < count; i++) {
            const length = 1 + Math.floor(next() * 160);
            const until = next() < 0.15 ? null : addDays(day, length);
            stays.push(stay(`s${i}`, day, until, { shelterId: next() < 0.5 ? 'h1' : 'h2' }));
            if (until === null) break;
            day = addDays(until, Math.floor(next() * 90));
          }
          const rates = new Map([
            ['h1', [{ validFrom: '2020-01-01', dailyRate: 1000 }]],
            ['h2', [{ validFrom: '2020-01-01', dailyRate: 1000 }]],
          ]);
          const r = run(stays, '2026-01-01', '2027-01-01', { rates, runningYear, daySum });
          const months = r.byCitizen.get('c1') ?? [];
          const ours = months.reduce(
            (s, m) => ({
              refunded: s.refunded + (m?.refundedDays ?? 0),
              beyond: s.beyond + (m?.beyondDays ?? 0),
            }),
            { refunded: 0, beyond: 0 },
          );
          const reference = stayRefunds(
            stays.map((s): StayDays => ({ id: s.id, from: s.from, until: s.until })),
            { from: '2026-01-01', until: '2027-01-01' },
            { limits: DEFAULT_STAY_REFUND_LIMITS, runningYear, sum: daySum },
          ).reduce((s, x) => ({ refunded: s.refunded + x.refunded, beyond: s.beyond + x.beyondLimit }), {
            refunded: 0,
            beyond: 0,
          });
          expect(ours).toEqual(reference);
        }
      });
});
