import type { UseMutationResult } from '@tanstack/react-query';
/** One field problem reported by the server (or found by the form before sending). */
export interface FieldError {
  /** Dotted path of the field in the request body, e.g. `username`. */
  path: string;
  /** Stable reason code: required, too_short, too_long, invalid, invalid_enum, or a module's own. */
  code: string;
  /** Values a form adds for the message (e.g. which agreement a period overlaps); the server sends none. */
  params?: ErrorParams;
}

/** Parameters that may be interpolated into an error message. */
export type ErrorParams = Record<string, string | number | boolean | null>;

/**
 * An error from the API (or from reaching it). `code` is the server's stable error code, translated
 * through the i18n key `errors.<code>`; `status` is 0 when the server could not be reached.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: ErrorParams;
  readonly fields: FieldError[];

  constructor(
    status: number,
    code: string,
    message: string,
    params: ErrorParams = {},
    fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

/** Options for a single request. */
export interface RequestOptions {
  /** Do not treat a 401 as "the session has ended" (login and the session probe itself). */
  skipAuthRedirect?: boolean;
  /** Lets TanStack Query cancel the request. */
  signal?: AbortSignal;
}

interface ApiHooks {
  /** The CSRF token of the current session, sent on state-changing requests. */
  getCsrfToken: () => string | null;
  /** Called when a request answers 401: the session is gone. */
  onUnauthorized: () => void;
}

let hooks: ApiHooks = { getCsrfToken: () => null, onUnauthorized: () => {} };

/** Connects the client to the session state; called once at start-up. */
export function configureApi(next: ApiHooks): void {
  hooks = next;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.code === 'string'
      ? [{ path: item.path, code: item.code }]
      : [],
  );
}

function toParams(value: unknown): ErrorParams {
  if (!isRecord(value)) return {};
  const params: ErrorParams = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)
      params[key] = v;
  }
  return params;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A non-JSON body (e.g. a proxy's HTML error page) carries nothing we can use.
    return undefined;
  }
}

async function request<T>(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type, boundary included.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    const token = hooks.getCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }

  const data = await readJson(response);
  if (response.ok) return data as T;

  const payload = isRecord(data) ? data : {};
  const error = new ApiError(
    response.status,
    typeof payload.code === 'string' ? payload.code : 'UNKNOWN',
    typeof payload.message === 'string' ? payload.message : response.statusText,
    toParams(payload.params),
    toFieldErrors(payload.fields),
  );
  if (response.status === 401 && !options.skipAuthRedirect) hooks.onUnauthorized();
  throw error;
}

/**
 * The JSON API client: same-origin cookies, CSRF header on state-changing requests, and every
 * failure thrown as an {@link ApiError}.
 */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** POST of a multipart/form-data body (file uploads). */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) =>
    request<T>('POST', path, form, options),
};

/**
 * Runs a mutation and then the form's own callbacks. Unlike `mutate`'s callbacks these run even when
 * the form has gone meanwhile: after an answer the refreshed vacancy replaces the offer's forms with
 * the tenancy's, and the result still has to be shown (in a section that stays).
 */
export function settle<I, O>(
  mutation: UseMutationResult<O, Error, I>,
  input: I,
  handlers: { onSuccess: (output: O) => void; onError: (error: unknown) => void },
): void {
  mutation.mutateAsync(input).then(handlers.onSuccess, handlers.onError);
}
