import { z } from 'zod';
import {
  FORECAST_SERIES,
  SCENARIO_LIMITS as L,
  PEOPLE_SERIES,
  SCENARIO_STATUSES,
} from '../../../shared/planning/api';
import { PLAN_METHODS } from '../../../shared/planning/model';
import { reportedCount } from '../../platform/reported';

export const idParams = z.strictObject({ id: z.uuid() });

const perMethod = <T extends z.ZodType>(schema: T) =>
  z.object(
    Object.fromEntries(PLAN_METHODS.map((m) => [m, schema])) as Record<(typeof PLAN_METHODS)[number], T>,
  );

const percent = z.number().min(0).max(100);

/** A method's support workers and caseload norm in a scenario (a norm of null: no places). */
const staffing = z.strictObject({
  fte: z.number().min(0).max(L.fteMax).optional(),
  caseloadNorm: z.number().int().min(L.caseloadNormMin).max(L.caseloadNormMax).nullable().optional(),
});

/** A scenario as the user states it: every lever optional, each within its bounds. */
export const planScenario = z.strictObject({
  years: z.number().int().min(L.yearsMin).max(L.yearsMax),
  quotaPercent: z.record(z.uuid(), percent).optional(),
  builds: z
    .array(
      z.strictObject({
        readyDate: z.iso.date(),
        units: z.number().int().min(1).max(L.buildUnitsMax),
        allocationPercent: percent,
      }),
    )
    .max(L.buildsMax)
    .optional(),
  staffing: z
    .strictObject({ cti: staffing.optional(), icm: staffing.optional(), act: staffing.optional() })
    .optional(),
  shelterStayMonths: z.number().min(L.shelterStayMonthsMin).max(L.shelterStayMonthsMax).optional(),
  preventionSuccessPercent: percent.optional(),
});

export const scenarioRequest = z.strictObject({
  name: z.string().trim().min(1).max(L.nameMax),
  scenario: planScenario,
  draws: z.number().int().min(L.drawsMin).max(L.drawsMax).optional(),
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});

export const reportBody = z.strictObject({ inReport: z.boolean() });

const band = z.object({ mean: z.number(), low: z.number(), high: z.number() });

const assumptions = z.object({
  shelterStayMonths: z.number(),
  preventionSuccessPercent: z.number().nullable(),
  inflowPerMonth: z.number(),
});

const economics = z.object({
  netPerShelterDay: z.number(),
  shelterRefundShare: z.number(),
  supportMonthlyCost: perMethod(z.number()),
  supportRefundShare: z.number(),
});

export const baselineResponse = z.object({
  asOf: z.string(),
  fittedUpTo: z.string(),
  fitMonths: z.number(),
  past: z.object({
    monthEnds: z.array(z.string()),
    series: z.object(
      Object.fromEntries(PEOPLE_SERIES.map((s) => [s, z.array(reportedCount)])) as Record<
        (typeof PEOPLE_SERIES)[number],
        z.ZodArray<typeof reportedCount>
      >,
    ),
  }),
  supply: z.object({
    organisations: z.array(
      z.object({ id: z.uuid(), name: z.string(), quotaPercent: z.number(), perYear: z.number() }),
    ),
    builds: z.array(
      z.object({ name: z.string(), readyDate: z.string(), units: z.number(), allocationPercent: z.number() }),
    ),
    agreementsPerYear: z.number(),
    otherPerYear: z.number(),
    usedShare: z.number().nullable(),
    acceptanceShare: z.number().nullable(),
  }),
  staffing: perMethod(
    z.object({ fte: z.number(), caseloadNorm: z.number().nullable(), capacity: z.number() }),
  ),
  assumptions,
  economics,
});

export const scenarioSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(SCENARIO_STATUSES),
  progress: z.number(),
  error: z.string().nullable(),
  scenario: planScenario,
  draws: z.number(),
  seed: z.number(),
  fittedUpTo: z.string().nullable(),
  inReport: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

export const scenarioYear = z.object({
  year: z.number(),
  yearEnd: z.string(),
  waiting: band,
  waitingMonths: band.nullable(),
  homeless: band,
  countWeek6: z.object({ onMonthEnd: z.string(), homeless: band }).nullable(),
  lettings: z.number(),
  shelterDays: z.number(),
  shelterNet: z.number(),
  shelterRefund: z.number(),
  supportCost: z.number(),
  supportRefund: z.number(),
  netCost: z.number(),
  supportRefused: z.number(),
});

export const scenarioResult = z.object({
  monthEnds: z.array(z.string()),
  series: z.object(
    Object.fromEntries(FORECAST_SERIES.map((s) => [s, z.array(band)])) as Record<
      (typeof FORECAST_SERIES)[number],
      z.ZodArray<typeof band>
    >,
  ),
  waitingMonths: z.array(band.nullable()),
  units: z.array(z.number()),
  capacity: perMethod(z.number()),
  years: z.array(scenarioYear),
  assumptions,
});

export const scenarioDetail = scenarioSummary.extend({ result: scenarioResult.nullable() });

/** A scenario in the committee report: its levers and its years' key figures. */
export const reportedScenario = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  fittedUpTo: z.string().nullable(),
  scenario: planScenario,
  organisationNames: z.record(z.string(), z.string()),
  years: z.array(scenarioYear),
});
