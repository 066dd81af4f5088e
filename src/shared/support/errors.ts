import { type CodesOf, defineErrors } from '../error-codes';

/** The support module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const SUPPORT_ERRORS = defineErrors({
  SUPPORT_CTI_HOUSING_REQUIRED: {
    status: 409,
    message: 'CTI cannot start before the citizen has a signed lease or has moved in',
  },
  SUPPORT_ENROLLMENT_ACTIVE: {
    status: 409,
    message: 'The citizen already has an active enrollment in this method',
  },
  SUPPORT_ENROLLMENT_ENDED: { status: 409, message: 'The enrollment has ended' },
  SUPPORT_WORKER_EXISTS: { status: 409, message: 'The user is already a support worker' },
  SUPPORT_WORKER_ROLE: { status: 409, message: 'Only users of the support role can be support workers' },
  SUPPORT_NOT_A_WORKER: { status: 409, message: 'You are not registered as a support worker' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof SUPPORT_ERRORS> {}
}
