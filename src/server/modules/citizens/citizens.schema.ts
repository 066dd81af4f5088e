import { z } from 'zod';
import { AGE_BANDS, STATUSES } from '../../../shared/citizens/status';
import { SITUATIONS } from '../../../shared/citizens/whereabouts';

const date = z.iso.date();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const PURPOSES = [
  'casework',
  'allocation',
  'support',
  'prevention',
  'management',
  'data_request',
] as const;
export const CONSENT_PURPOSES = [
  'share_housing_org',
  'cross_department',
  'share_shelter',
  'share_support_provider',
] as const;
export const CONTACT_CHANNELS = ['meeting', 'phone', 'outreach', 'other'] as const;

export const episodeInput = z.strictObject({
  situation: z.enum(SITUATIONS),
  fromDate: date,
  releaseDate: date.nullish(),
  housingSolution: z.boolean().nullish(),
  hasContract: z.boolean().nullish(),
  temporary: z.boolean().nullish(),
  becauseOfHomelessness: z.boolean().nullish(),
  note: optionalText(4000),
});
export type EpisodeInput = z.infer<typeof episodeInput>;

/** CPR is checked by the service (parseCpr) so that forms and imports get the same precise codes. */
export const citizenInput = z.strictObject({
  cpr: optionalText(20),
  birthDate: date.nullish(),
  sex: z.enum(['male', 'female']).nullish(),
  initials: optionalText(10),
  givenName: optionalText(200),
  familyName: optionalText(200),
  phone: optionalText(50),
  email: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  address: optionalText(500),
  handlekommune: z
    .string()
    .regex(/^\d{3}$/)
    .nullish()
    .or(z.literal('').transform(() => null)),
  firstEpisode: episodeInput.nullish(),
});
export type CitizenInput = z.infer<typeof citizenInput>;
/** A registration as a client sends it (defaults not yet applied). */
export type CitizenRequest = z.input<typeof citizenInput>;

export const citizenPatch = z.strictObject({
  givenName: optionalText(200).optional(),
  familyName: optionalText(200).optional(),
  initials: optionalText(10).optional(),
  phone: optionalText(50).optional(),
  email: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  address: optionalText(500).optional(),
  handlekommune: z
    .string()
    .regex(/^\d{3}$/)
    .nullish()
    .or(z.literal('').transform(() => null)),
  movedAwayOn: date.nullish(),
  diedOn: date.nullish(),
});
export type CitizenPatch = z.infer<typeof citizenPatch>;

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(STATUSES).optional(),
  situation: z.enum(SITUATIONS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  sex: z.enum(['male', 'female']).optional(),
  youth: z.enum(['true', 'false']).optional(),
  /** Status pr. dato: the list as it stood on this date (åååå-mm-dd); today if left out. */
  statusOn: date.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const idParams = z.strictObject({ id: z.uuid() });
export const purposeQuery = z.strictObject({ purpose: z.enum(PURPOSES) });

export const cprChangeBody = z.strictObject({ newCpr: z.string().trim().max(20), changedOn: date });
export const sensitiveBody = z.strictObject({
  mentalIllness: z.boolean(),
  substanceAbuse: z.boolean(),
  formerlyPlaced: z.boolean(),
});
export const householdBody = z.strictObject({
  kind: z.enum(['adult', 'child']),
  name: z.string().trim().min(1).max(200),
  birthDate: date,
  cpr: optionalText(20),
});
export const contactBody = z.strictObject({
  contactOn: date,
  channel: z.enum(CONTACT_CHANNELS),
  note: optionalText(4000),
});
export const consentBody = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  givenOn: date,
  expiresOn: date.nullish(),
});
export const withdrawBody = z.strictObject({ withdrawnOn: date });
export const retractBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const mergeBody = z.strictObject({ survivorId: z.uuid() });

/**
 * CPR numbers in responses are masked (DDMMYY-XXXX); the full number comes only from the logged
 * "show" (`cprShown`). Absent for a role without `citizens.identity` (the leader), as are phone,
 * e-mail and address (issue 20 (d)).
 */
const shownCpr = z.string().nullable().optional();

const summary = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  initials: z.string().nullable(),
  cpr: shownCpr,
  birthDate: z.string(),
  age: z.number(),
  sex: z.enum(['male', 'female']).nullable(),
  status: z.enum(STATUSES),
  situation: z.enum(SITUATIONS),
  inactiveReason: z.string().nullable(),
});
export type CitizenSummary = z.infer<typeof summary>;

export const listResponse = z.object({
  items: z.array(summary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const duplicatesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), score: z.number(), a: summary, b: summary })),
});

export const citizenView = z.object({
  id: z.uuid(),
  cpr: shownCpr,
  cprHistory: z.array(z.object({ oldCpr: z.string(), newCpr: z.string(), changedOn: z.string() })),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  name: z.string().nullable(),
  initials: z.string().nullable(),
  birthDate: z.string(),
  age: z.number(),
  sex: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  handlekommune: z.string().nullable(),
  movedAwayOn: z.string().nullable(),
  diedOn: z.string().nullable(),
  status: z.enum(STATUSES),
  situation: z.enum(SITUATIONS),
  inactiveReason: z.string().nullable(),
  sensitive: z
    .object({ mentalIllness: z.boolean(), substanceAbuse: z.boolean(), formerlyPlaced: z.boolean() })
    .optional(),
  household: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['adult', 'child']),
      name: z.string(),
      birthDate: z.string(),
      cpr: z.string().nullable(),
      endedOn: z.string().nullable(),
    }),
  ),
  consents: z.array(
    z.object({
      id: z.uuid(),
      purpose: z.string(),
      givenOn: z.string(),
      expiresOn: z.string().nullable(),
      withdrawnOn: z.string().nullable(),
      state: z.enum(['active', 'expired', 'withdrawn']),
    }),
  ),
  episodes: z.array(
    z.object({
      id: z.uuid(),
      citizenId: z.uuid(),
      situation: z.enum(SITUATIONS),
      fromDate: z.string(),
      releaseDate: z.string().nullable(),
      housingSolution: z.boolean().nullable(),
      hasContract: z.boolean().nullable(),
      temporary: z.boolean().nullable(),
      becauseOfHomelessness: z.boolean().nullable(),
      note: z.string().nullable(),
      retractedAt: z.string().nullable(),
      retractReason: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      contactOn: z.string(),
      channel: z.enum(CONTACT_CHANNELS),
      note: z.string().nullable(),
    }),
  ),
  mergedFrom: z.array(
    z.object({ mergeId: z.uuid(), citizenId: z.uuid(), name: z.string().nullable(), birthDate: z.string() }),
  ),
  timeline: z.array(
    z.object({
      date: z.string(),
      kind: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
  abilities: z.object({
    write: z.boolean(),
    sensitive: z.boolean(),
    merge: z.boolean(),
    showCpr: z.boolean(),
  }),
});
export type CitizenView = z.infer<typeof citizenView>;

/** The full CPR number, answered to the logged "show" (GET /api/citizens/:id/cpr). */
export const cprShown = z.object({ cpr: z.string().nullable() });

export const policyBody = z.strictObject({
  noContactDays: z.number().int().min(1).max(3650),
  institutionDays: z.number().int().min(1).max(3650),
});
