import { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationSummary,
  CandidateList,
  CensusDay,
  OfferView,
  TenancyView,
  VacancyView,
  WaitingListCounts,
  WaitingListItem,
  WaitingListSnapshot,
} from '../../../shared/allocation/api';
import {
  type AllocationSettings,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  ASSESSMENT_ACTIONS,
  BENEFITS,
  CASEWORKER_AREAS,
  CITIZENSHIPS,
  DECLINE_REASONS,
  HOUSEHOLD_SIZES,
  MEMBER_ROLES,
  OFFER_STATUSES,
  PRIORITIES,
  REFUSAL_CONSEQUENCES,
  RETURN_REASONS,
  TARGET_GROUNDS,
  VACANCY_ORIGINS,
  VACANCY_STATUSES,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
} from '../../../shared/allocation/model';
import { AREA_STATUSES, UNIT_TYPES } from '../../../shared/housing/supply';

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

/** A housing organisation's report: the unit, and `confirmDuplicate` to report a likely duplicate anyway. */
export const partnerVacancyBody = vacancyBody.extend({ confirmDuplicate: z.boolean().optional() });
/** A housing organisation's correction of its report, with the reason (audited). */
export const partnerCorrectionBody = partnerVacancyBody.extend({ reason: text(2000) });
export type PartnerCorrectionBody = z.infer<typeof partnerCorrectionBody>;
/** A housing organisation withdraws its report, with the reason (audited). */
export const partnerWithdrawBody = z.strictObject({ reason: text(2000) });

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
  /** Required to save a rådighedsbeløb of 0 kr. (issue 14 §3). */
  disposableZeroConfirmed: z.boolean().optional().default(false),
  nameDeadlineDays: z.number().int().min(0).max(365),
});

// ---- responses ----
// The response schema serialises the answer and drops every field it does not declare, so each one
// declares every field of its shape in src/shared/allocation/api.ts (checked at the end of the file).

export const created = z.object({ id: z.uuid() });

const priority = z.enum(PRIORITIES);
const areaStatus = z.enum(AREA_STATUSES).nullable();
const byKey = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

export const applicationSummary = z.object({
  id: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  birthDate: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  area: z.enum(CASEWORKER_AREAS),
  targetGrounds: z.array(z.enum(TARGET_GROUNDS)),
  householdSize: z.number(),
  priority: priority.nullable(),
  submittedAt: z.string(),
  submittedByName: z.string(),
  waitingSince: z.string().nullable(),
});
export const applicationsResponse = z.object({ items: z.array(applicationSummary) });

export const offerView = z.object({
  id: z.string(),
  vacancyId: z.string(),
  applicationId: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  address: z.string(),
  status: z.enum(OFFER_STATUSES),
  offeredAt: z.string(),
  replyBy: z.string(),
  respondedAt: z.string().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  note: z.string().nullable(),
  countsAsRefusal: z.boolean(),
  offeredByName: z.string(),
});

export const tenancyView = z.object({
  id: z.string(),
  vacancyId: z.string(),
  applicationId: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  address: z.string(),
  acceptedOn: z.string(),
  leaseSignedOn: z.string().nullable(),
  plannedMoveInOn: z.string().nullable(),
  movedInOn: z.string().nullable(),
});

const memberView = z.object({
  id: z.string(),
  role: z.enum(MEMBER_ROLES),
  name: z.string(),
  birthDate: z.string(),
  citizenship: z.enum(CITIZENSHIPS),
  student: z.boolean(),
  prisonReleasedOn: z.string().nullable(),
  youthInstitutionReleasedOn: z.string().nullable(),
  leaseTerminatedMisconductOn: z.string().nullable(),
  partnerSince: z.string().nullable(),
  benefits: z.array(z.object({ benefit: z.enum(BENEFITS), from: z.string(), to: z.string().nullable() })),
});

export const applicationDetail = applicationSummary.extend({
  justification: z.string(),
  roomsMin: z.number(),
  roomsMax: z.number().nullable(),
  monthlyIncome: z.number(),
  fixedCosts: z.number(),
  maxRent: z.number(),
  accessibleNeed: z.boolean(),
  wishedDepartmentIds: z.array(z.string()),
  excludedDepartmentIds: z.array(z.string()),
  youthWish: z.boolean(),
  inEducation: z.boolean(),
  educationPlanned: z.boolean(),
  youthSpecialNeed: z.boolean(),
  members: z.array(memberView),
  priorityReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  infoRequest: z.string().nullable(),
  pausedUntil: z.string().nullable(),
  refusals: z.number(),
  events: z.array(
    z.object({
      at: z.string(),
      byName: z.string(),
      action: z.enum([...APPLICATION_ACTIONS, 'submit', 'update', 'refusal']),
      fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
      toStatus: z.enum(APPLICATION_STATUSES),
      reason: z.string().nullable(),
    }),
  ),
  offers: z.array(offerView),
  tenancies: z.array(tenancyView),
  documents: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
      uploadedAt: z.string(),
      uploadedByName: z.string(),
    }),
  ),
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  hasDecisionLetter: z.boolean(),
});

export const waitingListCounts = z.object({
  total: z.number(),
  byTargetGround: byKey(TARGET_GROUNDS),
  byAgeBand: byKey(WAITING_AGE_BANDS),
  byHouseholdSize: byKey(HOUSEHOLD_SIZES),
  byWaitingBand: byKey(WAITING_BANDS),
  byPriority: byKey(PRIORITIES),
});

const waitingListItem = z.object({
  applicationId: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  age: z.number(),
  ageBand: z.enum(WAITING_AGE_BANDS),
  targetGrounds: z.array(z.enum(TARGET_GROUNDS)),
  householdSize: z.number(),
  priority,
  priorityReason: z.string(),
  waitingSince: z.string(),
  waitingDays: z.number(),
  waitingBand: z.enum(WAITING_BANDS),
  status: z.enum(['approved', 'paused']),
  pausedUntil: z.string().nullable(),
  roomsMin: z.number(),
  roomsMax: z.number().nullable(),
  maxRent: z.number(),
  youthWish: z.boolean(),
  hasLiveOffer: z.boolean(),
  refusals: z.number(),
});

export const waitingListResponse = z.object({
  items: z.array(waitingListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: waitingListCounts,
});

export const snapshotView = z.object({
  id: z.string(),
  takenOn: z.string(),
  label: z.string(),
  takenByName: z.string(),
  counts: waitingListCounts,
});

export const vacancyView = z.object({
  id: z.string(),
  departmentId: z.string(),
  address: z.string(),
  unitType: z.enum(UNIT_TYPES),
  rooms: z.number(),
  areaM2: z.number(),
  rent: z.number(),
  utilities: z.number(),
  deposit: z.number(),
  accessible: z.boolean(),
  availableOn: z.string(),
  origin: z.enum(VACANCY_ORIGINS),
  deadlineOn: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  departmentNumber: z.string(),
  departmentName: z.string(),
  areaStatus,
  status: z.enum(VACANCY_STATUSES),
  reportedVia: z.enum(['officer', 'partner', 'import']),
  reportedByName: z.string(),
  createdAt: z.string(),
  returnedOn: z.string().nullable(),
  returnedReason: z.enum(RETURN_REASONS).nullable(),
  returnedNote: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  correctedAt: z.string().nullable(),
  offerMade: z.boolean(),
  emptyDays: z.number(),
  emptyRent: z.number(),
  liveOffer: offerView.nullable(),
  tenancy: tenancyView.nullable(),
});
export const vacanciesResponse = z.object({ items: z.array(vacancyView) });

const check = z.object({
  rule: z.enum([
    'status',
    'live_offer',
    'unit_type',
    'rooms',
    'rent',
    'accessibility',
    'area',
    'p59_6',
    'p59_7',
  ]),
  outcome: z.enum(['pass', 'fail', 'info']),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const candidate = z.object({
  applicationId: z.string(),
  citizenId: z.string(),
  citizenName: z.string(),
  priority: priority.nullable(),
  priorityReason: z.string().nullable(),
  waitingSince: z.string().nullable(),
  waitingDays: z.number(),
  householdSize: z.number(),
  rank: z.number().nullable(),
  eligible: z.boolean(),
  checks: z.array(check),
});

export const candidateList = z.object({
  vacancyId: z.string(),
  onDate: z.string(),
  areaStatus,
  eligibleCount: z.number(),
  excludedCount: z.number(),
  eligible: z.array(candidate),
  excluded: z.array(candidate),
});

export const censusDay = z.object({
  date: z.string(),
  vacancies: z.array(
    z.object({
      vacancyId: z.string(),
      address: z.string(),
      departmentName: z.string(),
      eligibleCount: z.number(),
      excludedCount: z.number(),
      candidates: z.array(
        z.object({
          rank: z.number(),
          applicationId: z.string(),
          citizenName: z.string(),
          priority: priority.nullable(),
          waitingDays: z.number(),
        }),
      ),
    }),
  ),
});

/** The policy as stored (no bounds: a value saved under older bounds is still shown). */
export const settingsView = z.object({
  replyDays: z.number(),
  reminderDays: z.number(),
  maxLiveOffers: z.number(),
  refusalLimit: z.number(),
  refusalConsequence: z.enum(REFUSAL_CONSEQUENCES),
  pauseDays: z.number(),
  refusalReasons: z.array(z.enum(DECLINE_REASONS)),
  noReplyCountsAsRefusal: z.boolean(),
  youthAgeLimit: z.number(),
  disposablePerAdult: z.number(),
  disposablePerChild: z.number(),
  disposableZeroConfirmed: z.boolean(),
  nameDeadlineDays: z.number(),
});

export const partnerDepartmentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      organisationName: z.string(),
      number: z.string(),
      name: z.string(),
      address: z.string().nullable(),
    }),
  ),
});

/** True when a schema's output and a shared shape have exactly the same fields and types. */
type Declares<S extends z.ZodType, T> = [z.output<S>] extends [T]
  ? [T] extends [z.output<S>]
    ? true
    : false
  : false;
type Holds<T extends true> = T;

/** Compile-time proof that no response schema drops a field the web app reads. */
export type ResponsesDeclareEveryField = [
  Holds<Declares<typeof applicationSummary, ApplicationSummary>>,
  Holds<Declares<typeof applicationDetail, ApplicationDetail>>,
  Holds<Declares<typeof offerView, OfferView>>,
  Holds<Declares<typeof tenancyView, TenancyView>>,
  Holds<Declares<typeof waitingListCounts, WaitingListCounts>>,
  Holds<Declares<typeof waitingListItem, WaitingListItem>>,
  Holds<Declares<typeof snapshotView, WaitingListSnapshot>>,
  Holds<Declares<typeof vacancyView, VacancyView>>,
  Holds<Declares<typeof candidateList, CandidateList>>,
  Holds<Declares<typeof censusDay, CensusDay>>,
  Holds<Declares<typeof settingsView, AllocationSettings>>,
];
