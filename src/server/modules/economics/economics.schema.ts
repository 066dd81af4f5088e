import { z } from 'zod';
import { CITIZEN_GROUPS, DAY_SUMS, RUNNING_YEARS } from '../../../shared/economics/model';
import { reportedCount } from '../../platform/reported';

const date = z.iso.date();
const reported = reportedCount;
const kroner = z.number().nullable();

export const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(2015).max(2100).optional(),
});

const figures = {
  citizens: reported,
  shelter: kroner,
  support: kroner,
  placements: kroner,
  stayRefund: kroner,
  supportRefund: kroner,
  careRefund: kroner,
  costs: kroner,
  refunds: kroner,
  net: kroner,
};

const settings = z.object({
  validFrom: z.string(),
  ownPaymentPerDay: z.number(),
  refundSharePercent: z.number(),
  runningYear: z.enum(RUNNING_YEARS),
  daySum: z.enum(DAY_SUMS),
  housingMonthlyCost: z.number(),
});
const limit = z.object({ validFrom: z.string(), days: z.number().nullable() });

const dilemmaMonth = {
  citizensBeyond: reported,
  refundedDays: kroner,
  refundedMunicipal: kroner,
  beyondDays: kroner,
  beyondNet: kroner,
};

export const reportResponse = z.object({
  from: z.string(),
  until: z.string(),
  handlekommune: z.string(),
  months: z.array(z.object({ month: z.string(), ...figures })),
  total: z.object(figures),
  groups: z.array(z.object({ group: z.enum([...CITIZEN_GROUPS, 'youth', 'total']), ...figures })),
  dilemma: z.object({
    months: z.array(z.object({ month: z.string(), ...dilemmaMonth })),
    total: z.object({ ...dilemmaMonth, lostRefund: kroner }),
    housingFirst: z.array(
      z.object({
        method: z.enum(['cti', 'icm', 'act']),
        supportMonthly: z.number().nullable(),
        housingMonthly: z.number(),
        months: z.number().nullable(),
        monthsWithRefund: z.number().nullable(),
      }),
    ),
  }),
  daysWithoutRate: z.number(),
  settings,
  limits: z.array(limit),
});

const source = z.enum(['default', 'municipality']);
export const settingsResponse = z.object({
  current: settings,
  history: z.array(settings.extend({ source })),
  limits: z.array(limit.extend({ source })),
  currentLimit: z.number().nullable(),
});

export const settingsBody = z.strictObject({
  validFrom: date,
  ownPaymentPerDay: z.number().min(0).max(10_000),
  refundSharePercent: z.number().min(0).max(100),
  runningYear: z.enum(RUNNING_YEARS),
  daySum: z.enum(DAY_SUMS),
  housingMonthlyCost: z.number().min(0).max(1_000_000),
});

export const limitBody = z.strictObject({
  validFrom: date,
  days: z.number().int().min(1).max(366).nullable(),
});
