/**
 * Whether an error means the database cannot serve the request now (refused, cut, timed out,
 * shutting down, a session ended mid-transaction, a conflict still lost after the retries)
 * rather than a fault in the request: such requests are answered with a clear
 * DATABASE_UNAVAILABLE, safe to retry, and service resumes by itself when the pool can connect again.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
// PostgreSQL SQLSTATEs: connection exceptions (08xxx), operator intervention (57P0x), a statement
// cancelled by statement_timeout (57014), a serialisation failure (40001) or deadlock (40P01)
const SQLSTATE = /^(08|57P0|57014$|40001$|40P01$)/;
const MESSAGES =
  /Connection terminated|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|DataSource is not initialized|Driver not Connected|Query read timeout|Query runner already released/i;

type Link = { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; thrownValue?: unknown };

/** The error and the errors it wraps: TypeORM's driverError, a cause, graphql-js's NonErrorThrown. */
function* chain(err: unknown): Generator<Link> {
  for (let e = err as Link | undefined; e; e = (e.driverError ?? e.cause ?? e.thrownValue) as Link | undefined) yield e;
}

/** The SQLSTATE an error carries, if it came from PostgreSQL. */
export function sqlStateOf(err: unknown): string | undefined {
  for (const e of chain(err)) if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering; try again shortly';
