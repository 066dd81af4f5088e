import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, type ErrorCode, errorEntry, type FieldErrorCode } from '../shared/error-codes';
import { isDatabaseUnavailable } from './db/database';

export type { ErrorCode };

/** A known, expected failure. Throw it anywhere; the error handler turns it into a response. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number> | undefined;
  readonly fields: ErrorBody['fields'];

  constructor(
    code: ErrorCode,
    options: { params?: Record<string, string | number>; fields?: ErrorBody['fields'] } = {},
  ) {
    super(errorEntry(code).message);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params;
    this.fields = options.fields;
  }

  get status(): number {
    return errorEntry(this.code).status;
  }
}

/** Builds the response body for a code. */
export function errorBody(code: ErrorCode, extra: Pick<ErrorBody, 'params' | 'fields'> = {}): ErrorBody {
  const body: ErrorBody = { code, message: errorEntry(code).message };
  if (extra.params) body.params = extra.params;
  if (extra.fields) body.fields = extra.fields;
  return body;
}

/** How long a client is asked to wait before sending a request again when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'V_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'V_MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'V_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'V_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'V_VALIDATION',
  FST_ERR_VALIDATION: 'V_VALIDATION',
};

/** The value at a dotted path of a parsed body (undefined when any step is missing). */
function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function fieldCode(keyword: string, message: string | undefined): FieldErrorCode {
  switch (keyword) {
    case 'invalid_type':
      return message?.includes('undefined') ? 'required' : 'invalid';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_value':
      return 'invalid_enum';
    case 'unrecognized_keys':
      return 'unknown';
    default:
      return 'invalid';
  }
}

/**
 * The one place where errors become HTTP responses. Unknown errors are logged with the request's
 * context and answered with a generic INTERNAL body; their messages never reach the client.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send(errorBody(error.code, { params: error.params, fields: error.fields }));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.flatMap((issue) => {
        const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = issue.params as { keys?: string[] } | undefined;
        const keys = issue.keyword === 'unrecognized_keys' ? (params?.keys ?? []) : [];
        if (keys.length > 0) {
          return keys.map((key) => ({ path: base ? `${base}.${key}` : key, code: 'unknown' as const }));
        }
        // Whatever the rule, a value that is not there at all is missing.
        const input = {
          body: request.body,
          querystring: request.query,
          params: request.params,
          headers: request.headers,
        }[error.validationContext ?? 'body'];
        const missing = base !== '' && valueAt(input, base) === undefined;
        return [
          { path: base, code: missing ? ('required' as const) : fieldCode(issue.keyword, issue.message) },
        ];
      });
      const unique = fields.filter((f, i) => fields.findIndex((g) => g.path === f.path) === i);
      return reply.status(400).send(errorBody('V_VALIDATION', { fields: unique }));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      return reply.status(errorEntry(mapped).status).send(errorBody(mapped));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('RATE_LIMITED'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: { code: error.code, statusCode: error.statusCode } }, 'client error');
      return reply.status(400).send(errorBody('V_VALIDATION'));
    }
    // Text PostgreSQL cannot hold (the text guard refuses NUL first; this is the net under it).
    if (error.code === '22021' || error.code === '22P05') {
      request.log.warn({ err: { code: error.code } }, 'text the database cannot hold');
      return reply.status(400).send(errorBody('V_VALIDATION'));
    }
    if (isDatabaseUnavailable(error)) {
      // Only the requests in flight fail while PostgreSQL restarts; the pool reconnects by itself.
      request.log.warn({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send(errorBody('DATABASE_UNAVAILABLE'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
}
