import DataLoader from 'dataloader';
import { Scope } from '../auth/scope';
import { isId } from '../validation';
import { ReadBatch } from './json-rows';
import { FieldsOf } from './projection';
import { ident, raw, Sql, sql } from './sql';

/**
 * DataLoader builders: one SQL statement per batch, one result per key in key order
 * (graphql/dataloader examples/SQL.md).
 */

/** Loads rows by id; a missing, malformed or invisible id gives null. */
export function loaderById<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await fetch(valid) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    // PostgreSQL matches UUIDs in any case; so must the answer
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}

/**
 * Rows carry in `_key` the position (from 1) of the key they belong to in the batch (select
 * BATCH_KEY from byKeys); each key gets its rows in the SQL's order. A position rather than the
 * key itself: a number instead of a 36-character uuid in every row, which PostgreSQL writes and
 * Node parses, thousands of times for a large list's relations.
 */
export type Keyed<T> = T & { _key: number };

export function loaderOfLists<T>(fetch: (keys: string[]) => Promise<Keyed<T>[]>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await fetch([...keys]);
    const lists = keys.map((): T[] => []);
    for (const row of rows) lists[row._key - 1].push(row);
    return lists;
  });
}

/** The select-list item that gives each row of byKeys its key's position, as loaderOfLists reads it. */
export const BATCH_KEY = raw('batch.n AS _key');

/**
 * SQL: the rows of `table` whose `column` is one of a batch's keys, looked up key by key through
 * the index that leads with (organisation_id, column). Written as a join on unnest() rather than
 * `column = ANY(keys)`: with ANY, PostgreSQL scanned a whole large table (100 000 mitigations for
 * 2 400 wanted, 3x slower at the Large size); the join's cost follows the batch, not the table.
 * Each row's batch.n is its key's position (BATCH_KEY).
 */
export function byKeys(table: string, alias: string, column: string, scope: Scope, keys: readonly string[]): Sql {
  const a = ident(alias);
  return sql`unnest(${keys}::uuid[]) WITH ORDINALITY AS batch(key, n) JOIN ${ident(table)} ${a} ON ${a}.organisation_id = ${scope.org} AND ${a}.${ident(column)} = batch.key`;
}

/**
 * The plainest relation: each key's rows of `table` (under `alias`) whose `column` is that key,
 * in the entity's order, nothing joined or filtered. `columns` and `order` are the entity's, as
 * functions of the alias.
 */
export const listsByKey =
  (reads: ReadBatch, scope: Scope) =>
  <T>(table: string, alias: string, column: string, columns: (alias: string) => Sql, order: (alias: string) => Sql) =>
    loaderOfLists<T>((ids) =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${columns(alias)} FROM ${byKeys(table, alias, column, scope, ids)}
            ORDER BY ${order(alias)}`,
      ),
    );

/**
 * One loader per distinct variant of a relation in a request (its filter, the fields asked for),
 * made when first asked for: the items of a list that ask alike share one batch. This runs once
 * per item of a list, so arrays (Projection's interned field lists) count by identity, not text.
 */
export function loaderPerVariant<A extends unknown[], L>(make: (...variant: A) => L): (...variant: A) => L {
  const loaders = new Map<string, L>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const part = (value: unknown) => {
    if (!Array.isArray(value)) return JSON.stringify(value ?? null);
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = next++));
    return `#${id}`;
  };
  return (...variant) => {
    const key = variant.map(part).join('|');
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(...variant)));
    return loader;
  };
}

/** A relation read with only the fields asked for (Projection.fieldsFor): a loader of lists per list of fields. */
export function listsPerFields<Row>(
  read: (fields: FieldsOf<Row>, ids: string[]) => Promise<Keyed<Row>[]>,
): (fields: FieldsOf<Row>) => DataLoader<string, Row[]> {
  return loaderPerVariant((fields: FieldsOf<Row>) => loaderOfLists<Row>((ids) => read(fields, ids)));
}
