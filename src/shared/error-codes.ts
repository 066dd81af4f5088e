/**
 * The error catalogue shared by server and web: every error the API can answer with has a stable
 * code here. The HTTP status lives with the code; the Danish and English texts live in the web
 * catalogues under `errors.<CODE>`. Codes starting with `V_` are validation errors.
 */
export const ERROR_CATALOGUE = {
  V_VALIDATION: { status: 400, message: 'The request is invalid' },
  V_MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON' },
  V_BODY_TOO_LARGE: { status: 400, message: 'The request body is too large' },
  V_UNSUPPORTED_MEDIA_TYPE: { status: 400, message: 'The request body must be JSON' },
  AUTH_REQUIRED: { status: 401, message: 'Log in to continue' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Wrong username or password' },
  AUTH_LOCKED: { status: 429, message: 'Too many failed logins; try again later' },
  AUTH_USER_DISABLED: { status: 403, message: 'The user is disabled' },
  AUTH_CSRF: { status: 403, message: 'The request lacks a valid CSRF token' },
  FORBIDDEN: { status: 403, message: 'You do not have access to this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  USER_USERNAME_TAKEN: { status: 409, message: 'The username is taken' },
  USER_CANNOT_CHANGE_SELF: { status: 409, message: 'You cannot disable yourself or change your own role' },
  MUNICIPALITY_CODE_TAKEN: { status: 409, message: 'A municipality with this code exists' },
  CITIZEN_CPR_EXISTS: { status: 409, message: 'A citizen with this CPR number exists' },
  CITIZEN_MERGE_CPR_CONFLICT: {
    status: 409,
    message: 'Two records with different CPR numbers are different people',
  },
  CITIZEN_MERGE_NOT_ALLOWED: { status: 409, message: 'This record cannot be merged' },
  DUPLICATE_ALREADY_RESOLVED: { status: 409, message: 'The duplicate has been resolved already' },
  MERGE_ALREADY_UNDONE: { status: 409, message: 'The merge has been undone already' },
  CONSENT_REQUIRED: { status: 409, message: 'The citizen has not consented to this purpose' },
  HOUSING_NAME_TAKEN: { status: 409, message: 'A housing organisation with this name exists' },
  DEPARTMENT_NUMBER_TAKEN: { status: 409, message: 'The organisation has a department with this number' },
  AREA_STATUS_DATE_TAKEN: { status: 409, message: 'The department has an area status from this date' },
  AGREEMENT_OVERLAP: {
    status: 409,
    message: 'A department has quotas in another agreement for an overlapping period',
  },
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
  VACANCY_NOT_OPEN: { status: 409, message: 'The vacancy is already let or returned' },
  TENANCY_LEASE_MISSING: { status: 409, message: 'Record the signed lease before the move-in' },
  TENANCY_ALREADY_MOVED_IN: { status: 409, message: 'The move-in has already been recorded' },
  CASE_CLOSED: { status: 409, message: 'The case is closed' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * Why a single field failed validation; the web translates it. Generic codes come from schema
 * validation; modules add rule codes (e.g. `cpr_date`, `hotel_not_homelessness`).
 */
export type FieldErrorCode =
  | 'required'
  | 'too_short'
  | 'too_long'
  | 'invalid'
  | 'invalid_enum'
  | 'unknown'
  | (string & {});

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  fields?: { path: string; code: FieldErrorCode }[];
}
