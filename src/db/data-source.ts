import 'reflect-metadata';
import path from 'node:path';
import { types } from 'pg';
import { DataSource, Logger } from 'typeorm';

// A `date` column stays the 'YYYY-MM-DD' string it is: turning it into a JS Date in local
// time can move it a day. numeric stays a string too (pg's default) and is read as a Decimal.
types.setTypeParser(1082, (value) => value);

const MIGRATIONS = path.join(__dirname, '..', '..', 'migrations', '*.{ts,js}');

/** Counts the SQL statements sent, for tests and the benchmark (cheaper than any log). */
export class StatementCounter implements Logger {
  statements = 0;
  logQuery() {
    this.statements++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** The TypeORM DataSource for one PostgreSQL URL, real or the embedded socket. */
export function createDataSource(url: string, options: { poolSize: number; counter?: StatementCounter }): DataSource {
  return new DataSource({
    logger: options.counter ?? new StatementCounter(),
    type: 'postgres',
    url,
    entities: [],
    migrations: [MIGRATIONS],
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize,
    extra: { connectionTimeoutMillis: 10_000 },
  });
}
