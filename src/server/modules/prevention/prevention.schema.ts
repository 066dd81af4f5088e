import { z } from 'zod';
import { ACTION_KINDS, NOTICE_SOURCES, OUTCOMES } from '../../../shared/prevention/model';

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
