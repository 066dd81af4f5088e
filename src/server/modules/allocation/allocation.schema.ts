import { z } from 'zod';
import {
  APPLICATION_STATUSES,
  ASSESSMENT_ACTIONS,
  BENEFITS,
  CASEWORKER_AREAS,
  CITIZENSHIPS,
  DECLINE_REASONS,
  HOUSEHOLD_SIZES,
  MEMBER_ROLES,
  PRIORITIES,
  REFUSAL_CONSEQUENCES,
  RETURN_REASONS,
  TARGET_GROUNDS,
  VACANCY_ORIGINS,
  VACANCY_STATUSES,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
} from '../../../shared/allocation/model';
import { UNIT_TYPES } from '../../../shared/housing/supply';

const date = z.iso.date();
const nullableDate = date.nullish().transform((v) => v ?? null);
const text = (max: number) => z.string().trim().min(1).max(max);
const kroner = z.number().min(0).max(10_000_000);

export const idParams = z.object({ id: z.uuid() });
export const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

const benefitPeriod = z.strictObject({ benefit: z.enum(BENEFITS), from: date, to: nullableDate });

/** Every household fact is required: a missing one is named by its path (e.g. members.1.citizenship). */
const member = z.strictObject({
  role: z.enum(MEMBER_ROLES),
  name: text(200),
  birthDate: date,
  citizenship: z.enum(CITIZENSHIPS),
  student: z.boolean(),
  prisonReleasedOn: nullableDate,
  youthInstitutionReleasedOn: nullableDate,
  leaseTerminatedMisconductOn: nullableDate,
  partnerSince: nullableDate,
  benefits: z.array(benefitPeriod).max(50),
});

export const applicationBody = z.strictObject({
  citizenId: z.uuid(),
  area: z.enum(CASEWORKER_AREAS),
  targetGrounds: z.array(z.enum(TARGET_GROUNDS)).min(1).max(2),
  justification: text(5000),
  roomsMin: z.number().int().min(1).max(20),
  roomsMax: z
    .number()
    .int()
    .min(1)
    .max(20)
    .nullish()
    .transform((v) => v ?? null),
  monthlyIncome: kroner,
  fixedCosts: kroner,
  accessibleNeed: z.boolean(),
  wishedDepartmentIds: z.array(z.uuid()).max(200),
  excludedDepartmentIds: z.array(z.uuid()).max(200),
  youthWish: z.boolean(),
  inEducation: z.boolean(),
  educationPlanned: z.boolean(),
  youthSpecialNeed: z.boolean(),
  members: z.array(member).min(1).max(20),
});
export type ApplicationBody = z.infer<typeof applicationBody>;

export const assessmentBody = z.strictObject({
  action: z.enum(ASSESSMENT_ACTIONS),
  priority: z.enum(PRIORITIES).optional(),
  reason: z.string().trim().max(5000),
  pausedUntil: date.optional(),
});

export const reasonBody = z.strictObject({ reason: text(5000) });

export const applicationsQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  citizenId: z.uuid().optional(),
});

export const waitingListQuery = z.object({
  targetGround: z.enum(TARGET_GROUNDS).optional(),
  ageBand: z.enum(WAITING_AGE_BANDS).optional(),
  householdSize: z.enum(HOUSEHOLD_SIZES).optional(),
  waitingBand: z.enum(WAITING_BANDS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const snapshotBody = z.strictObject({ label: text(200) });

export const vacancyBody = z.strictObject({
  departmentId: z.uuid(),
  address: text(300),
  unitType: z.enum(UNIT_TYPES),
  rooms: z.number().int().min(1).max(20),
  areaM2: z.number().positive().max(10_000),
  rent: kroner,
  utilities: kroner,
  deposit: kroner,
  accessible: z.boolean(),
  availableOn: date,
  origin: z.enum(VACANCY_ORIGINS),
  deadlineOn: nullableDate,
});
export type VacancyBody = z.infer<typeof vacancyBody>;

export const vacanciesQuery = z.object({ status: z.enum(VACANCY_STATUSES).optional() });

export const returnBody = z.strictObject({
  reason: z.enum(RETURN_REASONS),
  note: z.string().trim().max(2000).optional(),
  returnedOn: date.optional(),
});

const listLength = z.coerce.number().int().min(1).max(10_000);
/** How many of each list the answer holds (default 25 each); `limit` sets both. */
export const candidatesQuery = z.object({
  eligibleLimit: listLength.optional(),
  excludedLimit: listLength.optional(),
  limit: listLength.optional(),
});

export const censusQuery = z.object({ date: date.optional() });

export const offerBody = z.strictObject({ applicationId: z.uuid(), replyBy: date.optional() });
export const acceptBody = z.strictObject({
  leaseSignedOn: nullableDate.optional(),
  plannedMoveInOn: nullableDate.optional(),
});
export const declineBody = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  note: z.string().trim().max(2000).optional(),
});
export const noteBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const leaseBody = z.strictObject({ signedOn: date });
export const moveInBody = z.strictObject({ movedInOn: date });

export const settingsBody = z.strictObject({
  replyDays: z.number().int().min(1).max(90),
  reminderDays: z.number().int().min(0).max(30),
  maxLiveOffers: z.number().int().min(1).max(10),
  refusalLimit: z.number().int().min(1).max(20),
  refusalConsequence: z.enum(REFUSAL_CONSEQUENCES),
  pauseDays: z.number().int().min(1).max(730),
  refusalReasons: z.array(z.enum(DECLINE_REASONS)).max(DECLINE_REASONS.length),
  noReplyCountsAsRefusal: z.boolean(),
  youthAgeLimit: z.number().int().min(15).max(40),
  disposablePerAdult: z.number().min(0).max(100_000),
  disposablePerChild: z.number().min(0).max(100_000),
  nameDeadlineDays: z.number().int().min(0).max(365),
});
