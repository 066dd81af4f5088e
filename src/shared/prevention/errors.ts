import { type CodesOf, defineErrors } from '../error-codes';

/** The prevention module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const PREVENTION_ERRORS = defineErrors({
  CASE_CLOSED: { status: 409, message: 'The case is closed' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof PREVENTION_ERRORS> {}
}
