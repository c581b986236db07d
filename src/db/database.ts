import { DataSource } from 'typeorm';
import { Config } from '../config';
import { createDataSource, StatementCounter } from './data-source';
import { Db, dbOver } from './db';
import { EmbeddedOptions, startEmbedded } from './embedded';
import { migrate } from './migrate';

/** The database the server runs on: a migrated DataSource and how to close it all. */
export interface Database {
  /** What the server's code uses. */
  db: Db;
  /** TypeORM's, which owns the connections and runs the migrations (tests and tools reach in here). */
  dataSource: DataSource;
  embedded: boolean;
  counter: StatementCounter;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'databaseTimeoutSeconds'>>;

/**
 * Migrates the database, then opens the DataSource that serves requests: on PostgreSQL with the
 * time limits of `databaseTimeoutSeconds` (none when unset). Migrations then run on a connection
 * of their own without them, as a long migration may rightly take minutes. `embeddedOptions`:
 * the data directory's lock if the caller took it, and whether to empty the directory first.
 */
export async function openDatabase(config: DatabaseConfig, embeddedOptions: EmbeddedOptions = {}): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config.dataDir, embeddedOptions);
  const connection = config.databaseUrl ?? embedded!.stream;
  const counter = new StatementCounter();
  const timeoutSeconds = embedded ? undefined : config.databaseTimeoutSeconds;
  const dataSource = createDataSource(connection, { poolSize: embedded ? 1 : 10, counter, timeoutSeconds });
  const migrating = timeoutSeconds ? createDataSource(connection, { poolSize: 1 }) : dataSource;
  try {
    await migrating.initialize();
    await migrate(migrating);
    if (migrating !== dataSource) {
      await migrating.destroy();
      await dataSource.initialize();
    }
  } catch (err) {
    for (const source of new Set([migrating, dataSource])) if (source.isInitialized) await source.destroy();
    await embedded?.close();
    const where = embedded ? `the embedded database in ${config.dataDir}` : 'DATABASE_URL';
    throw new DatabaseUnavailableError(`cannot open ${where}: ${(err as Error).message}`);
  }
  return {
    db: dbOver(dataSource),
    dataSource,
    embedded: Boolean(embedded),
    counter,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.close();
    },
  };
}
