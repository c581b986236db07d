/**
 * Whether an error means the database cannot be reached (refused, cut, timed out, shutting
 * down) rather than a fault in the request: such requests are answered with a clear
 * DATABASE_UNAVAILABLE, and service resumes by itself when the pool can connect again.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
// PostgreSQL SQLSTATEs: connection exceptions (08xxx) and operator intervention (57P0x)
const SQLSTATE = /^(08|57P0)/;
const MESSAGES =
  /Connection terminated|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|DataSource is not initialized|Driver not Connected/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  type Link = { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown };
  for (let e = err as Link | undefined; e;) {
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    // a socket error can reach graphql-js as a plain object, which it wraps (NonErrorThrown)
    e = (e.driverError ?? e.cause ?? e.thrownValue) as Link | undefined;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering; try again shortly';
