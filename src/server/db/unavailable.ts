/** SQLSTATE classes and codes of a database that is gone or not accepting work right now. */
const UNAVAILABLE_STATES = /^(08|57P0[1-3]$|53300$)/;
/** Node's socket errors when the server is unreachable or the connection broke. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * Whether an error means the database is unavailable (restarting, failing over, unreachable, out of
 * connections) rather than that the statement was wrong: the request may be sent again shortly.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)))
    return true;
  return (
    typeof message === 'string' &&
    (message.startsWith('Connection terminated') ||
      message.includes('is not queryable') ||
      message.includes('timeout exceeded when trying to connect'))
  );
}
