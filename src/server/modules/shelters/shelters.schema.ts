import { z } from 'zod';
import { DISCHARGE_DESTINATIONS, SHELTER_KINDS } from '../../../shared/shelters/model';
import { DISCHARGE_BLOCKERS } from '../../../shared/shelters/rules';

const date = z.iso.date();
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const idParams = z.object({ id: z.uuid() });
export const createdResponse = z.object({ id: z.uuid() });

export const shelterBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SHELTER_KINDS),
  places: z.number().int().min(0).max(10_000),
  onTilbudsportalen: z.boolean(),
  dailyRate: z.number().min(0).max(100_000),
  rateFrom: date,
});
export const rateBody = z.strictObject({ validFrom: date, dailyRate: z.number().min(0).max(100_000) });
export const userBody = z.strictObject({ userId: z.uuid() });

export const sheltersResponse = z.array(
  z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(SHELTER_KINDS),
    places: z.number(),
    onTilbudsportalen: z.boolean(),
    dailyRate: z.number().nullable(),
    residents: z.number(),
  }),
);

export const shelterUsersResponse = z.array(
  z.object({ id: z.uuid(), displayName: z.string(), username: z.string(), shelterId: z.uuid().nullable() }),
);

export const admissionBody = z.strictObject({
  cpr: optional(20),
  birthDate: date.optional(),
  initials: optional(10),
  givenName: optional(100),
  familyName: optional(100),
  admittedOn: date,
  admissionDecidedOn: date,
  handlekommune: z
    .string()
    .trim()
    .regex(/^([0-9]{3})?$/),
});
export const admittedResponse = z.object({ id: z.uuid(), citizenId: z.uuid() });
export const notifyBody = z.strictObject({ notifiedOn: date });
export const notifiedResponse = z.object({ inbox: z.boolean() });
export const dischargeBody = z.strictObject({
  dischargedOn: date,
  dischargedTo: z.enum(DISCHARGE_DESTINATIONS),
  reason: optional(2000),
});

const stay = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  name: z.string().nullable(),
  birthDate: z.string().nullable(),
  admittedOn: z.string(),
  admissionDecidedOn: z.string(),
  handlekommune: z.string(),
  /** The handlekommune is a municipality of this deployment: the notification goes to its inbox. */
  handlekommuneInDeployment: z.boolean(),
  notifyBy: z.string(),
  notifiedOn: z.string().nullable(),
  notification: z.enum(['due', 'overdue', 'notified', 'notified_late']),
  dischargedOn: z.string().nullable(),
  dischargedTo: z.enum(DISCHARGE_DESTINATIONS).nullable(),
  dischargeReason: z.string().nullable(),
  municipalDischarge: z.boolean(),
});
export const residentsResponse = z.object({
  shelter: z.object({ id: z.uuid(), name: z.string(), places: z.number() }),
  residents: z.array(stay),
  discharged: z.array(stay),
});

export const actionPlanBody = z.strictObject({ madeOn: date });
export const handlekommuneResponse = z.array(
  z.object({
    id: z.uuid(),
    citizenId: z.uuid(),
    name: z.string().nullable(),
    shelterName: z.string(),
    admittedOn: z.string(),
    notifiedOn: z.string().nullable(),
    actionPlanOn: z.string().nullable(),
    plan: z.enum(['action_plan', 'coherent_plan', 'missing']),
  }),
);

export const notificationsResponse = z.array(
  z.object({
    id: z.uuid(),
    shelterName: z.string(),
    fromMunicipality: z.string(),
    cpr: z.string().nullable(),
    birthDate: z.string().nullable(),
    initials: z.string().nullable(),
    name: z.string().nullable(),
    admittedOn: z.string(),
    admissionDecidedOn: z.string(),
    notifiedOn: z.string(),
    citizenId: z.uuid().nullable(),
    matchCitizenId: z.uuid().nullable(),
    acknowledgedOn: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  }),
);
export const acknowledgeBody = z.strictObject({ link: z.enum(['none', 'match', 'register']) });
export const acknowledgedResponse = z.object({ citizenId: z.uuid().nullable() });

export const dischargeConditionsResponse = z.object({
  onDate: z.string(),
  plan: z.enum(['action_plan', 'coherent_plan', 'missing']),
  housingAllocated: z.boolean(),
  supportDecided: z.boolean(),
  leaseSignedOn: z.string().nullable(),
  leaseSigned: z.boolean(),
  moveInOn: z.string().nullable(),
  canMoveIn: z.boolean(),
  careDecision: z
    .object({ kind: z.enum(['s107', 's108']), decidedOn: z.string(), moveInOn: z.string() })
    .nullable(),
  blockers: z.array(z.enum(DISCHARGE_BLOCKERS)),
});
