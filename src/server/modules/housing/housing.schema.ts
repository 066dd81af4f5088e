import { z } from 'zod';
import { AREA_STATUSES, UNIT_TYPES } from '../../../shared/housing/supply';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const count = z.number().int().min(0).max(100_000);
const percent = z.number().min(0).max(100);
const kroner = z.number().min(0).max(1_000_000_000);

export const organisationBody = z.strictObject({
  name: text(200),
  address: optionalText(300),
  contactEmail: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  contactPhone: optionalText(50),
});

export const unitsBody = z.strictObject({ family: count, youth: count, elderly: count, alternative: count });

export const departmentBody = z.strictObject({
  organisationId: z.uuid(),
  number: text(20),
  name: text(200),
  address: optionalText(300),
  units: unitsBody,
  turnoverPercent: percent,
});
export const departmentPatch = departmentBody.omit({ organisationId: true }).partial();

export const areaStatusBody = z.strictObject({
  status: z.enum(AREA_STATUSES),
  validFrom: date,
  combinedLetting: z.boolean().default(false),
  section51c: z.boolean().default(false),
});

export const agreementBody = z.strictObject({
  organisationId: z.uuid(),
  name: text(200),
  validFrom: date,
  validTo: date.nullish().transform((v) => v ?? null),
  quotas: z
    .array(
      z.strictObject({
        departmentId: z.uuid(),
        unitType: z.enum(UNIT_TYPES),
        quotaPercent: percent,
        rehousingPercent: z
          .number()
          .min(0)
          .max(100 / 3 + 0.01)
          .default(0),
      }),
    )
    .max(2000),
});
export type AgreementInput = z.infer<typeof agreementBody>;

export const poolBody = z.strictObject({
  name: text(200),
  validFrom: date,
  validTo: date.nullish().transform((v) => v ?? null),
  budget: kroner,
  amountPerUnit: kroner,
  monthlyReduction: kroner,
  rentMin: kroner,
  rentMax: kroner,
});
export const poolUnitBody = z.strictObject({
  departmentId: z.uuid(),
  address: text(300),
  rent: kroner,
  boundFrom: date,
  boundTo: date.nullish().transform((v) => v ?? null),
});
export const endUnitBody = z.strictObject({ boundTo: date });

export const pipelineBody = z.strictObject({
  organisationId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  name: text(200),
  kind: z.enum(['new_build', 'conversion']),
  unitType: z.enum(UNIT_TYPES),
  units: z.number().int().min(1).max(100_000),
  readyDate: date,
  allocationPercent: percent,
  note: optionalText(2000),
});

export const idParams = z.strictObject({ id: z.uuid() });
export const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const periodQuery = z.strictObject({ from: date, to: date });
export const onQuery = z.strictObject({ on: date.optional() });
export const departmentsQuery = z.strictObject({ organisationId: z.uuid().optional() });
