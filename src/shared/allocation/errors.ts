import { type CodesOf, defineErrors } from '../error-codes';

/** The allocation module's error codes: HTTP status and English fallback (texts in the web catalogues). */
export const ALLOCATION_ERRORS = defineErrors({
  APPLICATION_EXISTS: { status: 409, message: 'The citizen already has an open housing application' },
  APPLICATION_TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: 'The application cannot take this step from its status',
  },
  APPLICATION_NOT_ON_LIST: { status: 409, message: 'The application is not on the waiting list' },
  APPLICANT_HAS_LIVE_OFFER: { status: 409, message: 'The applicant already holds a live offer' },
  CANDIDATE_NOT_ELIGIBLE: { status: 409, message: 'The applicant does not meet the rules for this vacancy' },
  OFFER_CONFLICT: { status: 409, message: 'Someone else has just acted on this vacancy' },
  OFFER_NOT_OPEN: { status: 409, message: 'The offer has already been answered, expired or withdrawn' },
  OFFER_DEADLINE_NOT_PASSED: { status: 409, message: 'The reply deadline has not passed yet' },
  VACANCY_NOT_OPEN: { status: 409, message: 'The vacancy is already let, returned or withdrawn' },
  VACANCY_LIKELY_DUPLICATE: {
    status: 409,
    message:
      'A vacancy with the same department, address and available date is already reported; confirm to report it anyway',
  },
  VACANCY_OFFER_MADE: {
    status: 409,
    message: 'The municipality has made an offer on the vacancy; it can no longer be withdrawn or corrected',
  },
  TENANCY_LEASE_MISSING: { status: 409, message: 'Record the signed lease before the move-in' },
  TENANCY_ALREADY_MOVED_IN: { status: 409, message: 'The move-in has already been recorded' },
});

declare module '../error-codes' {
  interface ModuleErrorCodes extends CodesOf<typeof ALLOCATION_ERRORS> {}
}
