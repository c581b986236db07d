import { Scope } from '../auth/scope';
import { conflict, notFound } from '../errors';
import { connection, Connection, CursorKey, decodeCursor, encodeCursor, KeyKind, pageSize } from '../paging';
import { isId } from '../validation';
import { Db, Queryable, Tx } from './db';
import { ReadBatch } from './json-rows';
import { empty, ident, join, param, raw, Sql, sql } from './sql';

/**
 * One entity's table, as the shared helpers read and write it: find-visible-or-NOT_FOUND
 * (findVisible), compare-and-set (updateVersioned) and keyset pages (listPage). After Vendure's
 * `getEntityOrThrow` and `ListQueryBuilder`, but keyset, and plain SQL.
 */
export interface TableOf<Row> {
  /** The SQL table. */
  table: string;
  /** The alias its reads give it. */
  alias: string;
  /** What errors call a row: "No such savings line", "The savings line is at version 3". */
  noun: string;
  /** Every column, named as the row's fields, of the table under `alias`. */
  columns(alias: string): Sql;
  /** What reads select from, when more than the table (default: `table alias`). */
  from?: Sql;
  /** A boolean column marking rows only callers who see exempt information may see. */
  confidential?: string;
  /** The rows a scope may see, when a join decides (default: its organisation's, confidential ones if allowed). */
  visible?(scope: Scope): Sql;
  /** The table alone, as updates write it, when reads join more (the rest of a row is as it was read). */
  writes?: TableOf<Partial<Row>>;
  /** The row's fields, where the table declares them (a projection's): what a deletion records of a row read with more. */
  fields?: readonly string[];
  /** Never set: it only tells TypeScript what a row of the table is. */
  readonly row?: Row;
}

/** An entity listed in pages: its order, and the cursor that continues after a row. */
export interface ListOf<Row> extends TableOf<Row> {
  /** The list's name, which tags its cursors so that one list's cannot seed another. */
  list: string;
  order: Sql;
  cursor: {
    shape: readonly KeyKind[];
    of(row: Row): CursorKey[];
    /** The rows after the key, in the list's order (one row comparison where the index allows). */
    after(key: CursorKey[], scope: Scope): Sql;
  };
}

const fromOf = (t: TableOf<unknown>) => t.from ?? sql`${ident(t.table)} ${ident(t.alias)}`;
/** The rows of the table (under `alias`) a scope may see, as a condition. */
export const visibleTo = (t: TableOf<unknown>, scope: Scope, alias = t.alias) =>
  t.visible?.(scope) ?? sql`${ident(alias)}.organisation_id = ${scope.org}${hiddenFrom(t, scope, alias)}`;

/** The condition, after AND, that hides confidential rows from a scope that may not see them. */
export const hiddenFrom = (t: TableOf<unknown>, scope: Scope, alias = t.alias) =>
  t.confidential && !scope.seesConfidential ? raw(` AND NOT ${alias}.${t.confidential}`) : empty;

/**
 * The row `id` names, if the scope may see it; NOT_FOUND otherwise (a malformed id too).
 * `holdKey` (inside a transaction that hangs something on the row) keeps the row's key until the
 * transaction ends: a concurrent delete of the row (deleteVersioned locks it) either waits for this
 * transaction or has won, and then the row is NOT_FOUND here rather than a foreign-key error later.
 */
export async function findVisible<Row>(
  db: Queryable,
  t: TableOf<Row>,
  scope: Scope,
  id: string,
  options: { holdKey?: boolean } = {},
): Promise<Row> {
  const hold = options.holdKey ? sql` FOR KEY SHARE OF ${ident(t.alias)}` : empty;
  const row = isId(id)
    ? await db.one<Row>(
        sql`SELECT ${t.columns(t.alias)} FROM ${fromOf(t)} WHERE ${visibleTo(t, scope)} AND ${ident(t.alias)}.id = ${id}${hold}`,
      )
    : null;
  if (!row) throw notFound(t.noun);
  return row;
}

/**
 * The two rows a link joins, each one the scope may see or NOT_FOUND (`a` first), both held
 * (`holdKey`) until the transaction ends: a concurrent delete of either waits for the link, or has
 * won and it is NOT_FOUND here.
 */
export async function findLinkEnds<A, B>(
  tx: Tx,
  scope: Scope,
  [ta, a]: readonly [TableOf<A>, string],
  [tb, b]: readonly [TableOf<B>, string],
): Promise<[A, B]> {
  const first = await findVisible(tx, ta, scope, a, { holdKey: true });
  return [first, await findVisible(tx, tb, scope, b, { holdKey: true })];
}

/**
 * Compare-and-set in one statement: the row as the caller last saw it (`expectedVersion`) gets
 * `sets` (column: value, or an Sql expression) and the next version. Of concurrent writers with one
 * version exactly one matches; the others get CONFLICT and nothing is written.
 */
export async function updateVersioned<Row>(
  tx: Tx,
  t: TableOf<Row>,
  scope: Scope,
  before: { id: string; version: number },
  expectedVersion: number,
  sets: Record<string, unknown>,
): Promise<Row> {
  if (before.version !== expectedVersion) throw conflict(`The ${t.noun} is at version ${before.version}, not ${expectedVersion}`);
  const [id, version] = [param(before.id), param(expectedVersion)];
  const assignments = Object.entries(sets).map(
    ([column, value]) => sql`${ident(column)} = ${value instanceof Sql ? value : param(value)}`,
  );
  const after = await tx.one<Row>(
    sql`UPDATE ${ident(t.table)} SET ${join([...assignments, raw('version = version + 1'), raw('updated_at = now()')])}
      WHERE organisation_id = ${scope.org} AND id = ${id} AND version = ${version} RETURNING ${t.columns(t.table)}`,
  );
  if (!after) throw conflict(`The ${t.noun} was changed by someone else; reload it and try again`);
  return after;
}

/** A row field's column: the field in snake_case (startDate: start_date), as `columns()` name the row's fields. */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The `sets` of an update from a cleaned input: each of `fields` present in it (not undefined),
 * under its column, in the input's order.
 */
export function setsOf<I extends object>(input: I, fields: readonly (keyof I & string)[]): Record<string, unknown> {
  const present = Object.entries(input).filter(
    ([field, value]) => value !== undefined && fields.includes(field as keyof I & string),
  );
  return Object.fromEntries(present.map(([field, value]) => [columnOf(field), value]));
}

/**
 * Compare-and-delete: the row as the caller last saw it (`expectedVersion`) is locked, then
 * `dependents` removes (and records) what hangs from it, then the row goes; a stale version is
 * CONFLICT and nothing is deleted. Locking first keeps a concurrent writer from hanging something
 * new on the row meanwhile (its insert waits, then finds the row gone).
 */
export async function deleteVersioned<Row>(
  tx: Tx,
  t: TableOf<Row>,
  scope: Scope,
  before: { id: string; version: number },
  expectedVersion: number,
  dependents: () => Promise<void> = async () => {},
): Promise<void> {
  if (before.version !== expectedVersion) throw conflict(`The ${t.noun} is at version ${before.version}, not ${expectedVersion}`);
  const [id, version] = [param(before.id), param(expectedVersion)];
  const locked = await tx.one(
    sql`SELECT id FROM ${ident(t.table)} WHERE organisation_id = ${scope.org} AND id = ${id} AND version = ${version} FOR UPDATE`,
  );
  if (!locked) throw conflict(`The ${t.noun} was changed by someone else; reload it and try again`);
  await dependents();
  await tx.execute(sql`DELETE FROM ${ident(t.table)} WHERE organisation_id = ${scope.org} AND id = ${id}`);
}

/** A list's page arguments, checked: `first` 1..500, `after` a cursor of this list. */
export function pageArgs(t: ListOf<unknown>, args: { first?: number | null; after?: string | null }) {
  return { first: pageSize(args.first), cursor: decodeCursor(t.list, args.after, t.cursor.shape) };
}

export type PageArgs = ReturnType<typeof pageArgs>;

/** One field's condition in a filter: the SQL when the field is set, else false (or null). */
export type Condition = Sql | false | null | undefined;

/**
 * A filtered list's condition: the rows of `t` the scope may see that meet each of `conditions`
 * that is set, built in that order (the order of the statement's parameters). Null, so an empty
 * page without a statement, when one of `ids` the filter names is malformed: what is not an id
 * matches nothing.
 */
export function filtered(
  t: TableOf<unknown>,
  scope: Scope,
  ids: readonly (string | null | undefined)[],
  conditions: () => readonly Condition[],
): Sql | null {
  if (ids.some((id) => id != null && !isId(id))) return null;
  return join([visibleTo(t, scope), ...conditions().filter((c) => c instanceof Sql)], ' AND ');
}

/** A filtered list's page: its page arguments checked first (`pageArgs`), then the rows `filtered` answers. */
export function listFiltered<Row>(
  ctx: Reader,
  t: ListOf<Row>,
  args: { first?: number | null; after?: string | null },
  ids: readonly (string | null | undefined)[],
  conditions: () => readonly Condition[],
): Promise<Connection<Row>> {
  const page = pageArgs(t, args);
  return listPage(ctx, t, page, filtered(t, ctx.scope, ids, conditions));
}

/** What a list needs of the request: the database, the caller's scope, the batch its count goes with. */
export interface Reader {
  db: Db;
  scope: Scope;
  loaders: { reads: ReadBatch };
}

/**
 * One page of a list: the rows matching `filter` after the cursor, in the list's order (keyset:
 * LIMIT first + 1, never OFFSET), and their count when asked for, sent with the page's other
 * reads. A null filter matches nothing (e.g. a malformed id): no statement is sent.
 */
export async function listPage<Row>(ctx: Reader, t: ListOf<Row>, page: PageArgs, filter: Sql | null): Promise<Connection<Row>> {
  if (!filter)
    return connection<Row>(
      [],
      page.first,
      () => '',
      async () => 0,
    );
  const keyset = page.cursor ? sql` AND ${t.cursor.after(page.cursor, ctx.scope)}` : empty;
  const rows = await ctx.db.rows<Row>(
    sql`SELECT ${t.columns(t.alias)} FROM ${fromOf(t)} WHERE ${filter}${keyset} ORDER BY ${t.order} LIMIT ${raw(String(page.first + 1))}`,
  );
  return connection(
    rows,
    page.first,
    (row) => encodeCursor(t.list, t.cursor.of(row)),
    async () =>
      (await ctx.loaders.reads.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${fromOf(t)} WHERE ${filter}`))[0].n,
  );
}
