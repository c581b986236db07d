import { DataSource } from 'typeorm';
import { Config } from '../config';
import { createDataSource, StatementCounter } from './data-source';
import { Db, dbOver } from './db';
import { startEmbedded } from './embedded';
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

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbedded(config.dataDir);
  const url = config.databaseUrl ?? embedded!.url;
  const counter = new StatementCounter();
  const dataSource = createDataSource(url, { poolSize: embedded ? 1 : 10, counter, embedded: Boolean(embedded) });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
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
