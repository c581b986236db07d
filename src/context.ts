import { DataSource, EntityManager } from 'typeorm';
import { Caller } from './auth/caller';
import { CallerCache } from './auth/caller-cache';
import { createLoaders, Loaders } from './loaders';

/** What every resolver gets for one request: who is asking, the database, fresh loaders. */
export interface Context {
  /** null when the request carries no valid user token. */
  caller: Caller | null;
  /** The bearer equals the server's ADMIN_SECRET. */
  operator: boolean;
  db: DataSource;
  /** The server's cache of token lookups: a deactivation must forget the user's tokens. */
  callers: CallerCache;
  /** Per request, never shared: their cache holds what this caller may see. */
  loaders: Loaders;
}

export function createContext(db: DataSource, callers: CallerCache, caller: Caller | null, operator: boolean): Context {
  return { caller, operator, db, callers, loaders: createLoaders(db, caller) };
}

/**
 * Runs one mutation's writes in one transaction. Inside it use only `em`: on the embedded
 * database any other connection would wait for this transaction for ever.
 */
export function inTransaction<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
