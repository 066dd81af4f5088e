import { z } from 'zod';
import {
  DATA_CATEGORIES,
  DATA_SUBJECTS,
  LEGAL_BASES,
  RECIPIENTS,
  RETENTION_RULES,
  RETENTION_YEARS_MAX,
  RETENTION_YEARS_MIN,
} from '../../../shared/retention/model';

export const policyBody = z.strictObject({
  years: z.number().int().min(RETENTION_YEARS_MIN).max(RETENTION_YEARS_MAX),
});

export const policyResponse = z.object({ years: z.number().int(), updatedAt: z.string().nullable() });

export const deletionBody = z.strictObject({
  dryRunId: z.uuid(),
  /** The number of citizens the administrator confirmed. */
  citizens: z.number().int().min(0),
});

const tableCount = z.object({
  module: z.string(),
  table: z.string(),
  rows: z.number().int(),
  erase: z.enum(['delete', 'anonymise']),
});

export const runResponse = z.object({
  id: z.uuid(),
  kind: z.enum(['dry_run', 'deletion']),
  ranAt: z.string(),
  ranBy: z.string().nullable(),
  years: z.number().int(),
  cutoff: z.string(),
  citizens: z.number().int(),
  failed: z.number().int(),
  auditPseudonymised: z.number().int(),
  auditKeptClear: z.number().int(),
  tables: z.array(tableCount),
  used: z.boolean(),
});

export const dryRunResponse = runResponse.extend({
  due: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      birthYear: z.number().int(),
      lastActivityOn: z.string(),
    }),
  ),
});

export const runsResponse = z.object({ items: z.array(runResponse) });

export const registerResponse = z.object({
  retentionYears: z.number().int(),
  activities: z.array(
    z.object({
      module: z.string(),
      subjects: z.array(z.enum(DATA_SUBJECTS)),
      categories: z.array(z.enum(DATA_CATEGORIES)),
      legalBases: z.array(z.enum(LEGAL_BASES)),
      recipients: z.array(z.enum(RECIPIENTS)),
      retention: z.enum(RETENTION_RULES),
      tables: z.array(z.string()),
    }),
  ),
});
