import { DataSource } from 'typeorm';

/**
 * The rows of a read, sent by PostgreSQL as one JSON array in one value: the driver then runs one
 * JSON.parse instead of parsing every column of every row in JavaScript, which was the largest
 * cost of a list's relations (see BENCHMARKS.md). `sql` is a complete SELECT, its ORDER BY kept
 * (a sorted subquery is aggregated in its order). The rows are what pg would give, but for
 * timestamptz (an ISO string, which the DateTime scalar reads) and numeric: select money as
 * ::text so it stays exact.
 */
export async function jsonRows<T>(db: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const [{ rows }]: { rows: T[] }[] = await db.query(`SELECT coalesce(json_agg(t), '[]') AS rows FROM (${sql}) t`, params);
  return rows;
}
