import { type CodesOf, defineErrors } from '../error-codes';

/** The retention module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const RETENTION_ERRORS = defineErrors({
  RETENTION_DRY_RUN_NOT_FOUND: { status: 404, message: 'No such dry run' },
  RETENTION_DRY_RUN_USED: {
    status: 409,
    message: 'This dry run has been confirmed already or is too old; make a new dry run',
  },
  RETENTION_COUNT_CHANGED: {
    status: 409,
    message: 'The number of citizens to delete does not match the dry run; make a new dry run',
  },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof RETENTION_ERRORS> {}
}
