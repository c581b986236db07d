import { DataSource, EntityManager } from 'typeorm';
import { retryingLostTransactions } from './retry';
import { compile, Sql } from './sql';

/**
 * What modules see of the database: statements written with `sql`, answered as plain rows.
 * TypeORM stays the owner of the connections, transactions and migrations underneath; no module
 * imports it.
 */
export interface Queryable {
  /** The rows a statement returns: a SELECT's, or a write's RETURNING. */
  rows<T>(query: Sql): Promise<T[]>;
  /** The first row, or null when there is none. */
  one<T>(query: Sql): Promise<T | null>;
  /** Runs a write; the number of rows it inserted, updated or deleted. */
  execute(query: Sql): Promise<number>;
}

/** Inside a transaction: every statement of a mutation goes through its Tx and nothing else. */
export type Tx = Queryable;

export interface Db extends Queryable {
  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws, run
   * again from the start when PostgreSQL rolled it back to break a deadlock (retry.ts), so `work`
   * does nothing outside the transaction.
   * Inside it use only `tx`: on the embedded database, PGlite runs one transaction at a time,
   * so a statement on another connection waits for this one for ever.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The database over TypeORM's DataSource: reads outside a transaction take its counted, prepared path. */
export function dbOver(dataSource: DataSource): Db {
  return new DataSourceDb(dataSource);
}

/** rows, one and execute over one way of sending a statement and reading its rows and count. */
abstract class Statements implements Tx {
  protected abstract send(text: string, values: unknown[]): Promise<{ rows: unknown[]; count: number }>;

  async rows<T>(query: Sql): Promise<T[]> {
    return (await this.compiled(query)).rows as T[];
  }

  async one<T>(query: Sql): Promise<T | null> {
    return ((await this.compiled(query)).rows[0] as T | undefined) ?? null;
  }

  async execute(query: Sql): Promise<number> {
    return (await this.compiled(query)).count;
  }

  private compiled(query: Sql) {
    const values: unknown[] = [];
    const text = compile(query, values);
    return this.send(text, values);
  }
}

class DataSourceDb extends Statements implements Db {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    // again from the start when PostgreSQL rolled it back to break a deadlock (retry.ts)
    return retryingLostTransactions(() => this.dataSource.transaction((em) => work(new ManagerTx(em))));
  }

  protected async send(text: string, values: unknown[]) {
    // DataSource.query answers rows, or [rows, count] for UPDATE and DELETE
    const answer: unknown[] = await this.dataSource.query(text, values);
    const counted = answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === 'number';
    return counted ? { rows: answer[0] as unknown[], count: answer[1] as number } : { rows: answer, count: answer.length };
  }
}

class ManagerTx extends Statements {
  constructor(private readonly em: EntityManager) {
    super();
  }

  protected async send(text: string, values: unknown[]) {
    const result = await this.em.queryRunner!.query(text, values, true);
    return { rows: result.records, count: result.affected ?? 0 };
  }
}
