import { DomainError } from '../errors';
import { sqlStateOf } from './unavailable';

/** The constraint or index a PostgreSQL error names, through TypeORM's wrapping. */
function constraintOf(err: unknown): string | undefined {
  for (
    let e = err as { constraint?: unknown; driverError?: unknown; cause?: unknown } | undefined;
    e;
    e = (e.driverError ?? e.cause) as typeof e
  )
    if (typeof e.constraint === 'string') return e.constraint;
  return undefined;
}

/**
 * Runs a write that the unique index `index` guards: a row taking a key already taken (also by a
 * concurrent writer that got there first, which the index alone sees) answers `taken()`, a
 * CONFLICT naming the field, rather than a database error. The failed statement ends the
 * transaction, which then rolls back, so nothing of the mutation is written.
 */
export async function claimingUnique<T>(index: string, taken: () => DomainError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (sqlStateOf(err) === '23505' && constraintOf(err) === index) throw taken();
    throw err;
  }
}
