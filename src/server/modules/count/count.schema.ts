import { z } from 'zod';
import { VIVE_SITUATIONS } from '../../../shared/citizens/whereabouts';
import {
  ANSWERS,
  CAUSES,
  CITIZENSHIPS,
  COUNT_STATUSES,
  DURATIONS,
  INCOME_SOURCES,
  SEXES,
} from '../../../shared/count/model';
import { reportedCount } from '../../platform/reported';

const date = z.iso.date();
const reported = reportedCount;

export const yearParams = z.object({ year: z.coerce.number().int().min(2007).max(2100) });
export const registrationParams = yearParams.extend({ id: z.uuid() });
export const openBody = z.strictObject({ year: z.number().int().min(2007).max(2100) });
export const createdResponse = z.object({ id: z.uuid() });
export const noContent = { 204: z.undefined().describe('No content') };

const answers = {
  sex: z.enum(SEXES),
  situation: z.enum(VIVE_SITUATIONS),
  duration: z.enum(DURATIONS),
  causes: z.array(z.enum(CAUSES)).max(CAUSES.length),
  onHousingList: z.enum(ANSWERS),
  hasActionPlan: z.enum(ANSWERS),
  supportReceived: z.enum(ANSWERS),
  incomeSource: z.enum(INCOME_SOURCES),
  citizenship: z.enum(CITIZENSHIPS),
  migrantWithoutResidence: z.boolean(),
  units: z.array(z.string().trim().max(120)).max(20),
};

export const registrationBody = z.strictObject({
  citizenId: z.uuid().nullable().optional(),
  initials: z.string().trim().max(10).nullable().optional(),
  birthDate: date.nullable().optional(),
  ...answers,
  note: z.string().trim().max(2000).nullable().optional(),
});

const answersView = z.object({
  ...answers,
  units: z.array(z.string()),
  note: z.string().nullable().optional(),
});

export const countsResponse = z.array(
  z.object({
    year: z.number(),
    weekFrom: z.string(),
    weekTo: z.string(),
    status: z.enum(COUNT_STATUSES),
    registered: reported,
  }),
);

export const countResponse = z.object({
  year: z.number(),
  weekFrom: z.string(),
  weekTo: z.string(),
  countDay: z.string(),
  status: z.enum(COUNT_STATUSES),
  started: z.boolean(),
  canRegister: z.boolean(),
  canManage: z.boolean(),
  registrations: z.array(
    answersView.extend({
      id: z.uuid(),
      citizenId: z.uuid().nullable(),
      name: z.string().nullable(),
      initials: z.string().nullable(),
      birthDate: z.string(),
      age: z.number(),
      note: z.string().nullable(),
    }),
  ),
  toRegister: z.array(
    z.object({
      citizenId: z.uuid(),
      name: z.string().nullable(),
      initials: z.string().nullable(),
      birthDate: z.string(),
      age: z.number(),
      prefill: answersView,
    }),
  ),
});

const breakdown = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, reported])) as Record<K, typeof reported>);

export const reportResponse = z.object({
  year: z.number(),
  countDay: z.string(),
  status: z.enum(COUNT_STATUSES),
  figures: z.object({
    total: reported,
    youth18to29: reported,
    migrants: reported,
    bySituation: breakdown(VIVE_SITUATIONS),
    byAgeBand: breakdown(['under_18', '18_24', '25_29', '30_39', '40_49', '50_59', '60_plus'] as const),
    bySex: breakdown(SEXES),
  }),
  years: z.array(
    z.object({ year: z.number(), total: reported, youth18to29: reported, national: z.number().nullable() }),
  ),
});
