import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream } from 'pino';
import { LogLevel } from './config';

/**
 * Structured logs: one JSON object a line on stdout (pino). Never pass in tokens, secrets, a
 * query document or its variables; log an error as `{ err }`, which keeps its cause chain.
 */
export type Logger = pino.Logger;

/** Who a request is, added to every line logged while it runs (see src/http/access-log.ts). */
export interface RequestFields {
  reqId: string;
  organisationId?: string;
  userId?: string;
}

const requests = new AsyncLocalStorage<RequestFields>();

/** Runs `work` (and all it awaits) as part of one request: its log lines carry the request's ids. */
export function inRequest<T>(fields: RequestFields, work: () => T): T {
  return requests.run(fields, work);
}

/** Causes deeper than this are left out: a chain that loops must not hang the logger. */
const MAX_CAUSES = 5;

interface Failure {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  stack?: unknown;
  cause?: unknown;
  driverError?: unknown;
  originalError?: unknown;
}

/**
 * An error as logged: type, message, code, stack and what caused it (`cause`, a TypeORM
 * `driverError`, a GraphQLError's `originalError`), and nothing else: other properties can hold
 * the SQL parameters or a constraint's detail, i.e. what a client sent.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> | string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as Failure;
  // a GraphQLError around a thrown error carries that error's stack: the wrapper adds nothing
  if (e.originalError && e.stack === (e.originalError as Failure).stack) return serializeError(e.originalError, depth);
  const cause = e.cause ?? e.driverError ?? e.originalError;
  return {
    type: err.constructor?.name,
    message: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    stack: e.stack,
    ...(cause !== undefined && cause !== err && depth < MAX_CAUSES ? { cause: serializeError(cause, depth + 1) } : {}),
  };
}

/** The logger at the given level; `destination` is for tests that read what was written. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      mixin: () => {
        const request = requests.getStore();
        return request ? { reqId: request.reqId, organisationId: request.organisationId, userId: request.userId } : {};
      },
    },
    destination,
  );
}
