import { Caller } from './auth/caller';
import { CallerCache } from './auth/caller-cache';
import { Scope, scopeOf } from './auth/scope';
import { Db, Tx } from './db/db';
import { ExecutionBudget } from './graphql/execution-limits';
import { createLoaders, Loaders } from './loaders';

/** What every resolver gets for one request: who is asking, the database, fresh loaders. */
export interface Context {
  /** null when the request carries no valid user token. */
  caller: Caller | null;
  /** The bearer equals the server's ADMIN_SECRET. */
  operator: boolean;
  db: Db;
  /** What the caller's reads may return (its organisation; confidential risks or not). */
  scope: Scope;
  /** The server's cache of token lookups: a deactivation must forget the user's tokens. */
  callers: CallerCache;
  /** Per request, never shared: their cache holds what this caller may see. */
  loaders: Loaders;
  /** The request's objects and time against the execution limits; absent for the server's own reads. */
  budget?: ExecutionBudget;
}

export function createContext(db: Db, callers: CallerCache, caller: Caller | null, operator: boolean): Context {
  const scope = scopeOf(caller);
  return { caller, operator, db, scope, callers, loaders: createLoaders(db, scope) };
}

/**
 * Runs one mutation's writes in one transaction. Inside it use only `tx`: on the embedded
 * database any other connection would wait for this transaction for ever.
 */
export function inTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
