import { z } from 'zod';
import { IMPORT_FORMATS } from '../../../shared/import';

/** What every import endpoint answers (`ImportReport` in src/shared/import.ts), as its response schema. */
export const importReportSchema = z.object({
  rows: z.number(),
  valid: z.number(),
  imported: z.number(),
  problems: z.array(
    z.object({
      line: z.number(),
      field: z.string(),
      code: z.string(),
      value: z.string().optional(),
      allowed: z.array(z.string()).optional(),
      expected: z.enum(IMPORT_FORMATS).optional(),
    }),
  ),
});
