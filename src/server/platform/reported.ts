import { z } from 'zod';
import { HIDDEN } from '../../shared/suppression';

/**
 * A count as it leaves case work at the municipality's limit (domain rule 33): a number, a small
 * count's mark "<limit" ("<3", "<5", "<10") or "x" for a count hidden by secondary suppression. The
 * one schema of a reported count in every response (its type is `ReportedCountAt`); a field with
 * this schema is a count, and the suppression test reads the response schemas so.
 */
export const reportedCount = z.union([
  z.number(),
  z.templateLiteral(['<', z.number().int()]),
  z.literal(HIDDEN),
]);
