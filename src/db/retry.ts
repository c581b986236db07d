import { setTimeout as sleep } from 'node:timers/promises';
import { sqlStateOf } from './unavailable';

/** Attempts in all for a transaction that keeps losing to deadlocks or serialisation conflicts. */
export const TRANSACTION_ATTEMPTS = 4;

// SQLSTATEs of a transaction PostgreSQL rolled back to let a concurrent one through
const LOST_TO_ANOTHER = new Set(['40P01', '40001']);

/**
 * Runs a transaction again when PostgreSQL rolled it back to break a deadlock (40P01) or a
 * serialisation conflict (40001): nothing of it was written, and the next attempt usually goes
 * through once the transaction it crossed has ended (a short random pause keeps the two apart).
 * After TRANSACTION_ATTEMPTS the error stays, and is answered DATABASE_UNAVAILABLE (unavailable.ts).
 * `transaction` must start a new transaction each call, and its work must have no effect outside it.
 */
export async function retryingLostTransactions<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (err) {
      if (attempt >= TRANSACTION_ATTEMPTS || !LOST_TO_ANOTHER.has(sqlStateOf(err) ?? '')) throw err;
      await sleep(Math.random() * 20 * attempt);
    }
  }
}
