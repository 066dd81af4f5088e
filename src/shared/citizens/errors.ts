import { type CodesOf, defineErrors } from '../error-codes';

/** The citizens module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const CITIZENS_ERRORS = defineErrors({
  CITIZEN_CPR_EXISTS: { status: 409, message: 'A citizen with this CPR number exists' },
  CITIZEN_MERGE_CPR_CONFLICT: {
    status: 409,
    message: 'Two records with different CPR numbers are different people',
  },
  CITIZEN_MERGE_NOT_ALLOWED: { status: 409, message: 'This record cannot be merged' },
  DUPLICATE_ALREADY_RESOLVED: { status: 409, message: 'The duplicate has been resolved already' },
  MERGE_ALREADY_UNDONE: { status: 409, message: 'The merge has been undone already' },
  CONSENT_REQUIRED: { status: 409, message: 'The citizen has not consented to this purpose' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof CITIZENS_ERRORS> {}
}
