/**
 * The error catalogue shared by server and web: every error the API can answer with has a stable
 * code. The platform's codes are here; each module defines its own in `src/shared/<module>/errors.ts`
 * with `defineErrors`, which registers them and merges their names into `ModuleErrorCodes`. The HTTP status lives with the code; the Danish and English texts live in the web
 * catalogues under `errors.<CODE>`. Codes starting with `V_` are validation errors.
 */
/** An error code's HTTP status and English fallback message. */
export interface ErrorEntry {
  status: number;
  message: string;
}

export type ErrorCatalogue = Record<string, ErrorEntry>;

/** The platform's codes: validation, login and access, and what any route may answer. */
export const PLATFORM_ERRORS = {
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
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The database is not available right now; try again shortly',
  },
} as const satisfies ErrorCatalogue;

/**
 * The codes of every module, merged in by each module's errors file:
 * `declare module '../error-codes' { interface ModuleErrorCodes extends CodesOf<typeof X_ERRORS> {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's declaration merging.
export interface ModuleErrorCodes {}

/** The names of a catalogue's codes, for `ModuleErrorCodes`. */
export type CodesOf<C extends ErrorCatalogue> = { [K in keyof C]: true };

export type ErrorCode = keyof typeof PLATFORM_ERRORS | keyof ModuleErrorCodes;

const registry = new Map<string, ErrorEntry>(Object.entries(PLATFORM_ERRORS));

/** Registers a module's codes; a code defined twice is a mistake and throws. */
export function defineErrors<const C extends ErrorCatalogue>(catalogue: C): C {
  for (const [code, entry] of Object.entries(catalogue)) {
    const known = registry.get(code);
    if (known && known !== entry) throw new Error(`Error code ${code} is defined twice`);
    registry.set(code, entry);
  }
  return catalogue;
}

/** A code's status and message (an unregistered code answers as INTERNAL). */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return registry.get(code) ?? PLATFORM_ERRORS.INTERNAL;
}

/** Every registered code: the platform's and those of the modules loaded. */
export function errorCodes(): string[] {
  return [...registry.keys()];
}

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
