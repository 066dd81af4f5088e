import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Log options that keep personal data out of the logs: URLs lose their query string (a search may
 * carry a CPR number), bodies are never logged, secrets in headers are removed, and errors keep only
 * type, code, message and stack (a database error's `detail` can quote row values).
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
      remove: true,
    },
    serializers: {
      req(request: FastifyRequest) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
      err(error: Error & { code?: string; statusCode?: number }) {
        return {
          type: error.name,
          code: error.code,
          statusCode: error.statusCode,
          message: error.message,
          stack: error.stack,
        };
      },
    },
  };
}
