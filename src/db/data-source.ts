import 'reflect-metadata';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { Pool, types } from 'pg';
import { DataSource, DataSourceOptions, Logger, QueryRunner } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { timeoutOptions } from './timeouts';

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

/** Distinct statements prepared; reads are built from a fixed set of templates, far fewer. */
const MAX_PREPARED = 1_000;

/**
 * Names for prepared statements, by their text. A named statement is parsed and planned once per
 * connection, then only bound and executed: PostgreSQL's CPU for the benchmark's small reads fell
 * by a third (BENCHMARKS.md). Past MAX_PREPARED texts, statements go unnamed, as before.
 */
class PreparedNames {
  private readonly names = new Map<string, string>();

  nameOf(sql: string): string | undefined {
    let name = this.names.get(sql);
    if (!name && this.names.size < MAX_PREPARED) {
      name = `pr_${createHash('sha1').update(sql).digest('hex')}`;
      this.names.set(sql, name);
    }
    return name;
  }
}

/**
 * TypeORM's DataSource, with reads outside a transaction sent straight to the driver's pool:
 * `DataSource.query` otherwise builds, connects and releases a QueryRunner and broadcasts two
 * events around every statement, a measurable share of a list's cost (see BENCHMARKS.md). The
 * answer is TypeORM's: rows, or [rows, count] for UPDATE and DELETE. Every statement is counted
 * and prepared (PreparedNames).
 */
export class RegisterDataSource extends DataSource {
  private readonly prepared = new PreparedNames();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- DataSource.query's own signature
  async query<T = any>(sql: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    const pool = (this.driver as PostgresDriver).master as Pool | undefined;
    if (queryRunner || !this.isInitialized || !pool) return super.query<T>(sql, parameters, queryRunner);
    (this.logger as StatementCounter).statements++;
    const result = await pool.query({ name: this.prepared.nameOf(sql), text: sql, values: parameters });
    return (result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows) as T;
  }
}

/**
 * The TypeORM DataSource for a PostgreSQL URL, or for the embedded database's in-process streams
 * (src/db/embedded.ts); with `timeoutSeconds`, statements and connections are time-limited
 * (src/db/timeouts.ts).
 */
export function createDataSource(
  connection: string | (() => Duplex),
  options: { poolSize: number; counter?: StatementCounter; timeoutSeconds?: number },
): DataSource {
  const embedded = typeof connection === 'function';
  const typeorm: DataSourceOptions = {
    logger: options.counter ?? new StatementCounter(),
    type: 'postgres',
    // PGlite takes the user and database of the startup message but needs no host: pg hands the stream over instead
    ...(embedded ? { username: 'postgres', database: 'postgres' } : { url: connection }),
    entities: [],
    migrations: [MIGRATIONS],
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize,
    extra: {
      ...(options.timeoutSeconds ? timeoutOptions(options.timeoutSeconds) : { connectionTimeoutMillis: 10_000 }),
      ...(embedded ? { stream: connection } : {}),
    },
  };
  return new RegisterDataSource(typeorm);
}
