import { DataSource, MigrationExecutor } from 'typeorm';

/** The advisory lock's key: a number of our own (keys are per database; nothing else here takes one). */
const MIGRATION_LOCK = 7_301_946_820;

/**
 * Applies the pending migrations, each in its own transaction, while holding a session-level
 * advisory lock: instances that start together on a fresh database migrate one after another,
 * the first applying what is pending and the others finding nothing left. Without the lock two
 * of them both create the migrations table and one fails (duplicate key in pg_type).
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
  } finally {
    // the connection goes back to the pool: it must not keep the lock (if it is broken, the lock went with it)
    await runner.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
