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

// ---- responses: every field the web app reads (the serializer drops undeclared ones) ----

/** Ids as the database hands them out (any GUID shape). */
const id = z.guid();
const areaStatus = z.enum(AREA_STATUSES);
const unitType = z.enum(UNIT_TYPES);
const units = z.object({
  family: z.number(),
  youth: z.number(),
  elderly: z.number(),
  alternative: z.number(),
});
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const createdResponse = z.object({ id });

export const organisationResponse = z.object({
  id,
  name: z.string(),
  address: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  departmentCount: z.number(),
});
export const organisationsResponse = items(organisationResponse);

export const contactsResponse = items(
  z.object({ userId: id, username: z.string(), displayName: z.string() }),
);

const areaStatusEntry = z.object({
  status: areaStatus,
  validFrom: z.string(),
  combinedLetting: z.boolean(),
  section51c: z.boolean(),
});

export const departmentResponse = z.object({
  id,
  organisationId: id,
  organisationName: z.string(),
  number: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  units,
  turnoverPercent: z.number(),
  areaStatus: areaStatusEntry.nullable(),
});
export const departmentsResponse = items(departmentResponse);
export const departmentDetailResponse = departmentResponse.extend({
  areaHistory: z.array(areaStatusEntry.extend({ id: id })),
});

export const areaStatusOnResponse = z.object({
  on: z.string(),
  items: z.array(areaStatusEntry.extend({ departmentId: id })),
});

export const agreementResponse = z.object({
  id,
  organisationId: id,
  organisationName: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  quotas: z.array(
    z.object({
      departmentId: id,
      unitType,
      quotaPercent: z.number(),
      rehousingPercent: z.number(),
    }),
  ),
});
export const agreementsResponse = items(agreementResponse);

export const expectedResponse = z.object({
  year: z.number(),
  organisations: z.array(
    z.object({
      organisationId: id,
      name: z.string(),
      expected: units,
      departments: z.array(
        z.object({
          departmentId: id,
          number: z.string(),
          name: z.string(),
          areaStatus: areaStatus.nullable(),
          lines: z.array(
            z.object({
              unitType,
              units: z.number(),
              turnoverPercent: z.number(),
              quotaPercent: z.number(),
              perYear: z.number(),
              perQuarter: z.number(),
            }),
          ),
        }),
      ),
    }),
  ),
  pipeline: z.array(
    z.object({
      id,
      name: z.string(),
      unitType,
      units: z.number(),
      readyDate: z.string(),
      allocationPercent: z.number(),
      expected: z.number(),
    }),
  ),
  totals: units.extend({ pipeline: z.number() }),
});

const reportFigures = {
  expected: z.number(),
  received: z.number(),
  used: z.number(),
  returnedUnused: z.number(),
  emptyDays: z.number(),
  emptyRent: z.number(),
};

export const dialogueReportResponse = z.object({
  organisation: z.object({ id: id, name: z.string() }),
  municipality: z.object({ name: z.string(), authority: z.string() }),
  from: z.string(),
  to: z.string(),
  departments: z.array(
    z.object({
      departmentId: id,
      number: z.string(),
      name: z.string(),
      areaStatus: areaStatus.nullable(),
      ...reportFigures,
    }),
  ),
  totals: z.object(reportFigures),
  returnedReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  vacancyDataAvailable: z.boolean(),
});

export const poolsResponse = items(
  z.object({
    id,
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    budget: z.number(),
    amountPerUnit: z.number(),
    monthlyReduction: z.number(),
    rentMin: z.number(),
    rentMax: z.number(),
    units: z.array(
      z.object({
        id,
        departmentId: id,
        departmentName: z.string(),
        address: z.string(),
        rent: z.number(),
        boundFrom: z.string(),
        boundTo: z.string().nullable(),
      }),
    ),
    unitCount: z.number(),
    remaining: z.number(),
    endsSoon: z.boolean(),
  }),
);

export const pipelineResponse = items(
  z.object({
    id,
    organisationId: id.nullable(),
    organisationName: z.string().nullable(),
    name: z.string(),
    kind: z.enum(['new_build', 'conversion']),
    unitType,
    units: z.number(),
    readyDate: z.string(),
    allocationPercent: z.number(),
    note: z.string().nullable(),
  }),
);

export const elderlyResponse = z.object({
  departments: z.array(
    z.object({
      departmentId: id,
      organisationName: z.string(),
      number: z.string(),
      name: z.string(),
      unitsElderly: z.number(),
    }),
  ),
  totalElderly: z.number(),
  /** Only for those who work with the waiting list (allocation.read). */
  applicants: z
    .array(
      z.object({
        applicationId: id,
        citizenId: id,
        citizenName: z.string(),
        householdSize: z.number(),
        priority: z.string().nullable(),
        waitingSince: z.string().nullable(),
        status: z.string(),
      }),
    )
    .optional(),
});
