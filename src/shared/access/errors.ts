import { type CodesOf, defineErrors } from '../error-codes';

/** The access module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const ACCESS_ERRORS = defineErrors({
  USER_ORGANISATION_REQUIRED: {
    status: 400,
    message: 'A user with the housing-organisation role must be linked to a housing organisation',
  },
  USER_ORGANISATION_NOT_FOUND: { status: 400, message: 'The housing organisation does not exist' },
  USER_ORGANISATION_NOT_ALLOWED: {
    status: 400,
    message: 'Only a user with the housing-organisation role is linked to a housing organisation',
  },
  AUTH_CODE_INVALID: { status: 401, message: 'The code is wrong or has been used' },
  AUTH_SECOND_STEP_EXPIRED: { status: 401, message: 'The login has expired; log in again' },
  SECOND_FACTOR_ENROLLED: { status: 409, message: 'A second factor is already set up' },
  SECOND_FACTOR_NOT_ENROLLED: { status: 409, message: 'No second factor is set up' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof ACCESS_ERRORS> {}
}
