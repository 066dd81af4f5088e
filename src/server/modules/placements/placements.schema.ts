import { z } from 'zod';
import { PLACEMENT_KINDS, SITUATIONS_AFTER } from '../../../shared/placements/model';

const date = z.iso.date();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const idParams = z.object({ id: z.uuid() });
export const createdResponse = z.object({ id: z.uuid() });

// ---- skæve boliger ----

export const unitBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  project: z.string().trim().min(1).max(200),
  rooms: z.number().int().min(1).max(20),
  monthlyRent: z.number().min(0).max(100_000),
  socialCaretaker: z.boolean(),
});

export const tenancyBody = z.strictObject({ citizenId: z.uuid(), fromDate: date });
export const tenancyEndBody = z.strictObject({
  toDate: date,
  situationAfter: z.enum(SITUATIONS_AFTER),
  reason: optionalText(2000),
});

export const unitsResponse = z.object({
  units: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string(),
      project: z.string(),
      rooms: z.number(),
      monthlyRent: z.number(),
      socialCaretaker: z.boolean(),
      tenancy: z
        .object({ id: z.uuid(), citizenId: z.uuid(), name: z.string().nullable(), fromDate: z.string() })
        .nullable(),
    }),
  ),
  ended: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      citizenId: z.uuid(),
      name: z.string().nullable(),
      fromDate: z.string(),
      toDate: z.string(),
      endReason: z.string().nullable(),
    }),
  ),
});

// ---- § 107 / § 108 placements ----

export const placementsQuery = z.object({ state: z.enum(['active', 'ended']).default('active') });

export const placementBody = z.strictObject({
  citizenId: z.uuid(),
  kind: z.enum(PLACEMENT_KINDS),
  provider: z.string().trim().min(1).max(200),
  decidedOn: date,
  plannedMoveInOn: date,
  plannedEndOn: date.optional(),
  startedOn: date.optional(),
  monthlyCost: z.number().min(0).max(1_000_000),
});
export const startBody = z.strictObject({ startedOn: date });
export const endBody = z.strictObject({
  endedOn: date,
  situationAfter: z.enum(SITUATIONS_AFTER),
  reason: optionalText(2000),
});

export const placementsResponse = z.array(
  z.object({
    id: z.uuid(),
    citizenId: z.uuid(),
    name: z.string().nullable(),
    birthDate: z.string(),
    kind: z.enum(PLACEMENT_KINDS),
    provider: z.string(),
    decidedOn: z.string(),
    plannedMoveInOn: z.string(),
    plannedEndOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endReason: z.string().nullable(),
    monthlyCost: z.number(),
    needsNextStep: z.boolean(),
    moveInOverdue: z.boolean(),
  }),
);
