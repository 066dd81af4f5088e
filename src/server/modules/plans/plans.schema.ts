import { z } from 'zod';
import {
  CLOSE_REASONS,
  DEPARTMENTS,
  DEPOSIT_CASE_KINDS,
  DEPOSIT_OUTCOMES,
  PARTICIPATION_WAYS,
  SANCTION_KINDS,
  SANCTION_SOURCES,
} from '../../../shared/plans/model';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const idParams = z.object({ id: z.uuid() });
export const citizenParams = z.object({ citizenId: z.uuid() });
export const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
export const reviewParams = z.object({ id: z.uuid(), reviewId: z.uuid() });
export const listQuery = z.object({ scope: z.enum(['mine', 'all']).default('mine') });
export const sanctionsQuery = z.object({ status: z.enum(['open', 'handled']).default('open') });
export const depositQuery = z.object({ status: z.enum(['open', 'decided']).default('open') });

export const createdResponse = z.object({ id: z.uuid() });

export const planBody = z.strictObject({
  citizenId: z.uuid(),
  coordinatorId: z.uuid(),
  startedOn: date,
  goals: z.array(text(1000)).max(20).default([]),
});
export const goalBody = z.strictObject({ text: text(1000) });
// Owner and due date are checked by the service, so a missing one is named by the module's error.
export const actionBody = z.strictObject({
  department: z.enum(DEPARTMENTS),
  description: text(1000),
  ownerUserId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  ownerName: optionalText(200),
  dueOn: date.nullish().transform((v) => v ?? null),
  goalId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
});
export const doneBody = z.strictObject({ doneOn: date });
export const reviewBody = z.strictObject({ reviewOn: date });
export const heldBody = z.strictObject({ heldOn: date, note: optionalText(2000) });
export const participationBody = z.strictObject({
  participatedOn: date,
  how: z.enum(PARTICIPATION_WAYS),
  note: optionalText(2000),
});
export const shareBody = z.strictObject({ department: z.enum(DEPARTMENTS) });
export const closeBody = z.strictObject({
  closedOn: date,
  reason: z.enum(CLOSE_REASONS),
  note: optionalText(2000),
});

export const staffResponse = z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.string() }));

const sanctionView = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string().nullable(),
  kind: z.enum(SANCTION_KINDS),
  effectiveOn: z.string(),
  note: z.string().nullable(),
  source: z.enum(SANCTION_SOURCES),
  recordedOn: z.string(),
  handledOn: z.string().nullable(),
  handledNote: z.string().nullable(),
});

const depositView = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string().nullable(),
  kind: z.enum(DEPOSIT_CASE_KINDS),
  openedOn: z.string(),
  decidedOn: z.string().nullable(),
  outcome: z.enum(DEPOSIT_OUTCOMES).nullable(),
  workingDaysOpen: z.number(),
  limit: z.number(),
  overLimit: z.boolean(),
  liveOfferReplyBy: z.string().nullable(),
  handledOn: z.string().nullable(),
  handledNote: z.string().nullable(),
});

export const planDetail = z.object({
  id: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string().nullable(),
  coordinatorId: z.uuid(),
  coordinatorName: z.string(),
  startedOn: z.string(),
  status: z.enum(['active', 'closed']),
  closedOn: z.string().nullable(),
  closedReason: z.enum(CLOSE_REASONS).nullable(),
  closedNote: z.string().nullable(),
  goals: z.array(
    z.object({ id: z.uuid(), text: z.string(), createdOn: z.string(), achievedOn: z.string().nullable() }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      goalId: z.uuid().nullable(),
      department: z.enum(DEPARTMENTS),
      description: z.string(),
      ownerUserId: z.uuid().nullable(),
      ownerName: z.string(),
      dueOn: z.string(),
      doneOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      reviewOn: z.string(),
      heldOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  participation: z.array(
    z.object({
      id: z.uuid(),
      participatedOn: z.string(),
      how: z.enum(PARTICIPATION_WAYS),
      note: z.string().nullable(),
    }),
  ),
  shares: z.array(
    z.object({ id: z.uuid(), department: z.enum(DEPARTMENTS), sharedOn: z.string(), sharedBy: z.string() }),
  ),
  sanctions: z.array(sanctionView),
  depositCases: z.array(depositView),
  canWrite: z.boolean(),
});
export const citizenPlanResponse = z.object({ plan: planDetail.nullable() });

export const planSummaries = z.array(
  z.object({
    id: z.uuid(),
    citizenId: z.uuid(),
    citizenName: z.string().nullable(),
    coordinatorName: z.string(),
    startedOn: z.string(),
    actions: z.number(),
    overdueActions: z.number(),
    nextReviewOn: z.string().nullable(),
  }),
);

export const sanctionBody = z.strictObject({
  cpr: z.string().trim().min(1).max(20),
  kind: z.enum(SANCTION_KINDS),
  effectiveOn: date,
  note: optionalText(1000),
});
export const handleBody = z.strictObject({ note: z.string().max(2000) });
export const sanctionsResponse = z.array(sanctionView);

export const depositBody = z.strictObject({
  citizenId: z.uuid(),
  kind: z.enum(DEPOSIT_CASE_KINDS),
  openedOn: date,
});
export const decisionBody = z.strictObject({ decidedOn: date, outcome: z.enum(DEPOSIT_OUTCOMES) });
export const depositResponse = z.object({ limit: z.number(), cases: z.array(depositView) });

export const settingsBody = z.strictObject({
  validFrom: date,
  workingDays: z.number().int().min(1).max(250),
});
export const settingsResponse = z.object({
  current: z.number(),
  limits: z.array(z.object({ validFrom: z.string(), workingDays: z.number() })),
});
