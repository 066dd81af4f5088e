import { z } from 'zod';
import {
  ACTION_KINDS,
  EVICTION_STEPS,
  NOTICE_SOURCES,
  OUTCOMES,
  REPORTED_VIA,
} from '../../../shared/prevention/model';
import { reportedCount } from '../../platform/reported';

const date = z.iso.date();
const nullableDate = date.nullish().transform((v) => v ?? null);
const text = (max: number) => z.string().trim().min(1).max(max);
const kroner = z.number().min(0).max(100_000_000);

export const idParams = z.object({ id: z.uuid() });
export const casesQuery = z.object({
  status: z.enum(['open', 'closed']).default('open'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export const periodQuery = z.object({ from: date.optional(), to: date.optional() });

export const noticeBody = z.strictObject({
  source: z.enum(NOTICE_SOURCES),
  receivedOn: date,
  tenantCpr: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => (v ? v : null)),
  tenantName: text(200),
  address: text(300),
  departmentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  arrearsAmount: kroner,
  arrearsMonths: z.number().int().min(0).max(120),
  paakravOn: nullableDate,
  terminationOn: nullableDate,
  bailiffFiledOn: nullableDate,
  evictionDate: nullableDate,
  childrenUnder18: z.boolean(),
});

export const actionBody = z.strictObject({
  kind: z.enum(ACTION_KINDS),
  doneOn: date,
  result: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => (v ? v : null)),
  amount: kroner.nullish().transform((v) => v ?? null),
  respondBy: nullableDate,
});

export const respondBody = z.strictObject({ respondedOn: date });
export const decisionBody = z.strictObject({ decidedOn: date, reason: z.string().trim().max(4000) });
export const outcomeBody = z.strictObject({
  outcome: z.enum(OUTCOMES),
  outcomeOn: date,
  note: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const settingsBody = z.strictObject({
  depositLoanLimits: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        base: kroner,
        perChild: kroner,
        maxChildren: z.number().int().min(0).max(20),
      }),
    )
    .min(1)
    .max(100),
});

// ---- responses: every field the web reads (src/shared/prevention/api.ts); the rest is dropped ----

const day = z.string();
const duty = z.object({
  kind: z.enum(['act_at_once', 'decide_no_help', 'paakrav_deadline', 'eviction_date']),
  dueOn: day,
  overdue: z.boolean(),
  law: z.string(),
});

export const noticeCreated = z.object({
  caseId: z.uuid(),
  noticeId: z.uuid(),
  citizenId: z.uuid().nullable(),
  citizenCreated: z.boolean(),
  joinedCase: z.boolean(),
});

const inboxFields = {
  id: z.uuid(),
  tenantName: z.string(),
  address: z.string(),
  organisationName: z.string().nullable(),
  departmentName: z.string().nullable(),
  childrenUnder18: z.boolean(),
  knownNeed: z.boolean(),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(OUTCOMES).nullable(),
  step: z.enum(EVICTION_STEPS),
  arrearsAmount: z.number(),
  evictionDate: day.nullable(),
  notices: z.number(),
  duties: z.array(duty),
  overdue: z.boolean(),
};

export const casesPage = z.object({
  items: z.array(z.object(inboxFields)),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  overdue: z.number(),
});

const noticeView = z.object({
  id: z.uuid(),
  source: z.enum(NOTICE_SOURCES),
  receivedOn: day,
  tenantCpr: z.string().nullable(),
  tenantName: z.string(),
  address: z.string(),
  departmentId: z.uuid().nullable(),
  arrearsAmount: z.number(),
  arrearsMonths: z.number(),
  paakravOn: day.nullable(),
  terminationOn: day.nullable(),
  bailiffFiledOn: day.nullable(),
  evictionDate: day.nullable(),
  childrenUnder18: z.boolean(),
  step: z.enum(EVICTION_STEPS),
  paakravDeadline: day.nullable(),
  reportedVia: z.enum(REPORTED_VIA),
  reportedByName: z.string(),
  createdAt: z.string(),
});

const actionView = z.object({
  id: z.uuid(),
  kind: z.enum(ACTION_KINDS),
  doneOn: day,
  result: z.string().nullable(),
  amount: z.number().nullable(),
  respondBy: day.nullable(),
  respondedOn: day.nullable(),
  createdByName: z.string(),
});

export const caseDetail = z.object({
  ...inboxFields,
  citizenId: z.uuid().nullable(),
  openedOn: day,
  sources: z.array(z.enum(NOTICE_SOURCES)),
  departmentId: z.uuid().nullable(),
  outcomeOn: day.nullable(),
  outcomeNote: z.string().nullable(),
  noHelpDecisionOn: day.nullable(),
  noHelpReason: z.string().nullable(),
  noticeList: z.array(noticeView),
  actions: z.array(actionView),
  daysToOutcome: z.number().nullable(),
});

export const monitoringReport = z.object({
  from: day,
  to: day,
  months: z.array(
    z.object({
      month: z.string(),
      notices: reportedCount,
      withChildren: reportedCount,
      evicted: reportedCount,
      averted: reportedCount,
    }),
  ),
  totals: z.object({
    notices: reportedCount,
    cases: reportedCount,
    withChildren: reportedCount,
    evicted: reportedCount,
    averted: reportedCount,
    moved: reportedCount,
  }),
  shareWithChildren: z.number().nullable(),
  medianDaysToOutcome: z.number().nullable(),
  byOrganisation: z.array(
    z.object({
      organisationId: z.uuid().nullable(),
      organisationName: z.string().nullable(),
      notices: reportedCount,
      evicted: reportedCount,
    }),
  ),
  byDepartment: z.array(
    z.object({
      departmentId: z.uuid(),
      departmentName: z.string(),
      organisationName: z.string(),
      notices: reportedCount,
      last3Months: reportedCount,
      previous3Months: reportedCount,
      rising: z.boolean(),
    }),
  ),
});

export const settingsResponse = z.object({
  depositLoanLimits: z.array(
    z.object({ year: z.number(), base: z.number(), perChild: z.number(), maxChildren: z.number() }),
  ),
});

export const partnerNoticesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      receivedOn: day,
      tenantName: z.string(),
      address: z.string(),
      departmentName: z.string(),
      arrearsAmount: z.number(),
      step: z.enum(EVICTION_STEPS),
      childrenUnder18: z.boolean(),
    }),
  ),
});
