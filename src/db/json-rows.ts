import { Db } from './db';
import { isolated, join, raw, Sql, sql } from './sql';

/**
 * A read's rows, sent by PostgreSQL as one JSON array in one value: the driver then runs one
 * JSON.parse instead of parsing every column of every row in JavaScript, which was the largest
 * cost of a list's relations (see BENCHMARKS.md). `query` is a complete SELECT, its ORDER BY kept
 * (a sorted subquery is aggregated in its order); it keeps its own parameters, numbered after
 * those of the reads before it in the statement. The rows are what pg would give, but for
 * timestamptz (an ISO string, which the DateTime scalar reads) and numeric: select money as
 * ::text so it stays exact.
 */
const aggregate = (query: Sql) => sql`(SELECT coalesce(json_agg(t), '[]') FROM (${isolated(query)}) t)`;

interface Pending {
  query: Sql;
  resolve(rows: unknown[]): void;
  reject(err: unknown): void;
}

/**
 * One request's reads through its loaders. The loaders that fall due together (the relations of
 * one level of the response: a resolution's committee, programmes and risks) are sent as one
 * statement, `SELECT (rows of the first), (rows of the second), ...`, so a level costs one round
 * trip to PostgreSQL however many relations it asks for. On a loaded 2-core machine each round
 * trip also lets the woken database process take the server's core (see BENCHMARKS.md).
 */
export class ReadBatch {
  private pending: Pending[] = [];

  constructor(private readonly db: Db) {}

  /** The rows of `query` (as JSON, see aggregate), sent with the other reads due in this turn. */
  rows<T>(query: Sql): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      // DataLoader dispatches a level's batches within one turn of the event loop: send after it
      if (!this.pending.length) setImmediate(() => this.flush());
      this.pending.push({ query, resolve: resolve as (rows: unknown[]) => void, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const columns = batch.map((read, i) => sql`${aggregate(read.query)} AS ${raw(`r${i}`)}`);
    try {
      const [row] = await this.db.rows<Record<string, unknown[]>>(sql`SELECT ${join(columns)}`);
      batch.forEach((read, i) => read.resolve(row[`r${i}`]));
    } catch (err) {
      for (const read of batch) read.reject(err);
    }
  }
}
