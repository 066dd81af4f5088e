import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  EDUCATION_STATUSES,
  KUI_STATUSES,
  PLACEMENT_TYPES,
  SERVICE_AREAS,
  SUPPORT_KINDS,
} from '../../../shared/youth/model';

const date = z.iso.date();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const citizenParams = z.object({ citizenId: z.uuid() });
export const userParams = z.object({ userId: z.uuid() });
export const createdResponse = z.object({ id: z.uuid() });

export const profileBody = z.strictObject({
  educationStatus: z.enum(EDUCATION_STATUSES),
  kuiStatus: z.enum(KUI_STATUSES),
  specialNeed: z.boolean(),
  ownGoals: optionalText(4000),
  housingNote: optionalText(2000),
});

export const placementBody = z.strictObject({
  placementType: z.enum(PLACEMENT_TYPES),
  fromDate: date,
  toDate: date.optional(),
  note: optionalText(2000),
});

export const supportBody = z.strictObject({
  kind: z.enum(SUPPORT_KINDS),
  fromDate: date,
  toDate: date.optional(),
  provider: optionalText(200),
});

export const decisionBody = z.strictObject({
  decidedOn: date,
  outcome: z.enum(DECISION_OUTCOMES),
  note: optionalText(2000),
});

export const pairingBody = z.strictObject({
  childUserId: z.uuid(),
  adultUserId: z.uuid(),
  fromAge: z.number().int().min(12).max(18).default(16),
});

export const areaBody = z.strictObject({ serviceArea: z.enum(SERVICE_AREAS).nullable() });

const pair = z
  .object({
    childUserId: z.uuid(),
    childName: z.string().nullable(),
    adultUserId: z.uuid(),
    adultName: z.string().nullable(),
    fromAge: z.number(),
    active: z.boolean(),
  })
  .nullable();

export const listResponse = z.object({
  items: z.array(
    z.object({
      citizenId: z.uuid(),
      name: z.string().nullable(),
      birthDate: z.string(),
      age: z.number(),
      situation: z.string().nullable(),
      educationStatus: z.enum(EDUCATION_STATUSES).nullable(),
      placedNow: z.boolean(),
      formerlyPlaced: z.boolean(),
      decisionDeadline: z.string().nullable(),
      decisionOutcome: z.enum(DECISION_OUTCOMES).nullable(),
      pair,
    }),
  ),
});

const period = { id: z.uuid(), fromDate: z.string(), toDate: z.string().nullable() };

export const profileResponse = z.object({
  citizenId: z.uuid(),
  name: z.string().nullable(),
  birthDate: z.string(),
  age: z.number(),
  profile: z
    .object({
      educationStatus: z.enum(EDUCATION_STATUSES),
      kuiStatus: z.enum(KUI_STATUSES),
      specialNeed: z.boolean(),
      ownGoals: z.string().nullable(),
      housingNote: z.string().nullable(),
    })
    .nullable(),
  placements: z.array(
    z.object({ ...period, placementType: z.enum(PLACEMENT_TYPES), note: z.string().nullable() }),
  ),
  supports: z.array(
    z.object({
      ...period,
      kind: z.enum(SUPPORT_KINDS),
      provider: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      decidedOn: z.string(),
      outcome: z.enum(DECISION_OUTCOMES),
      note: z.string().nullable(),
      timing: z.enum(['on_time', 'late', 'after_18']),
    }),
  ),
  placedNow: z.boolean(),
  leftCareAt18: z.boolean(),
  decisionDeadline: z.string(),
  decisionClockStart: z.string(),
  ungestoette: z.object({ from: z.string(), until: z.string(), availableNow: z.boolean() }),
  kuiCovered: z.boolean().nullable(),
  youthUnit: z.object({ eligible: z.boolean(), key: z.string(), ageLimit: z.number() }).nullable(),
  housingApplicationId: z.uuid().nullable(),
  pair,
});

export const caseworkersResponse = z.array(
  z.object({ id: z.uuid(), name: z.string(), serviceArea: z.enum(SERVICE_AREAS).nullable() }),
);
