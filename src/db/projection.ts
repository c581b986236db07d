import { FieldNode, getNamedType, GraphQLResolveInfo, isObjectType, Kind, SelectionSetNode } from 'graphql';
import { readsOf } from '../graphql/reads';
import { raw, Sql } from './sql';
import { TableOf } from './table';

/**
 * Selecting only the columns a query's fields read. A risk row is 25 columns, one of them a
 * subquery; a list of risks that shows reference, title and score needs five. For the benchmark's
 * O1 (484 risks, 2 420 mitigations) selecting what was asked for cut PostgreSQL's CPU by a third
 * and the server's by a sixth (BENCHMARKS.md): PostgreSQL builds, and Node parses, less JSON.
 */

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;
type FieldsInfo = Info & Pick<GraphQLResolveInfo, 'returnType'>;

/** The fields selected one level below a resolver's field, through fragments and @skip alike. */
export function childFieldNodes(info: Info): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) found.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}

const namesBySelection = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * The names of the fields a resolver's result is asked for (childFieldNodes). @skip and
 * @include are ignored (a skipped field only costs its column), so the answer depends on the
 * document alone and is kept per parsed selection: a list's items ask once, not once each.
 */
export function selectedFieldNames(info: Info): ReadonlySet<string> {
  let names = namesBySelection.get(info.fieldNodes);
  if (!names) namesBySelection.set(info.fieldNodes, (names = new Set(childFieldNodes(info).map((node) => node.name.value))));
  return names;
}

/** Some of a row's fields, as a projected relation's loader is made for (Projection.fieldsFor). */
export type FieldsOf<Row> = readonly (keyof Row & string)[];

/** A row's columns as SQL, each a function of the table's alias. */
export type ColumnSql<Row> = Record<keyof Row & string, (alias: string) => string>;

/**
 * A row field's column: the table's column by name (`programme_id` is selected as
 * `p.programme_id AS "programmeId"`, `code` as `p.code`), or SQL of its own (a cast, a subquery)
 * as a function of the table's alias.
 */
export type Column = string | ((alias: string) => string);

type Words<S extends string> = S extends `${infer Word} ${infer Rest}` ? Word | Words<Rest> : S;
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Table columns by their names, space-separated, each for the row field of its name in camelCase. */
export function columns<S extends string>(names: S): Record<CamelCase<Words<S>>, Column> {
  const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return Object.fromEntries(names.split(' ').map((name) => [camelCase(name), name])) as Record<CamelCase<Words<S>>, Column>;
}

function columnSql<Row>(columns: Record<keyof Row & string, Column>): ColumnSql<Row> {
  const sqlOf = (field: string, column: Column) =>
    typeof column === 'function'
      ? column
      : column === field
        ? (a: string) => `${a}.${column}`
        : (a: string) => `${a}.${column} AS "${field}"`;
  return Object.fromEntries(
    Object.entries<Column>(columns).map(([field, column]) => [field, sqlOf(field, column)]),
  ) as ColumnSql<Row>;
}

/**
 * One entity's columns, and which of a row's fields each GraphQL field reads: a field without a
 * resolver the row field of its own name, one with a resolver what the resolver declares
 * (resolverOf, src/graphql/reads.ts: a score reads likelihood and impact, a relation the key it
 * follows, its own id for its children). When a selection reads no column at all (only
 * __typename), `minimal` (the id, unless said) is selected, so that a row is never without columns.
 */
export class Projection<Row> {
  private readonly byNames = new WeakMap<ReadonlySet<string>, FieldsOf<Row>>();
  /** One array per distinct list of fields, so that loaders can tell lists apart by identity. */
  private readonly interned = new Map<string, FieldsOf<Row>>();

  private readonly columns: ColumnSql<Row>;

  constructor(
    columns: Record<keyof Row & string, Column>,
    private readonly minimal = 'id' as keyof Row & string,
  ) {
    this.columns = columnSql(columns);
    this.fields = Object.keys(columns) as (keyof Row & string)[];
  }

  /** Every row field, in the columns' order. */
  readonly fields: FieldsOf<Row>;

  /** Every column: for rows that leave the GraphQL answer (writes, audit, rules). */
  all(alias: string): string {
    return this.sql(this.fields, alias);
  }

  /** The row fields the resolver's selection reads, in a stable order; the same array for the same list. */
  fieldsFor(info: FieldsInfo): FieldsOf<Row> {
    const names = selectedFieldNames(info);
    let fields = this.byNames.get(names);
    if (!fields) {
      const wanted = new Set<keyof Row & string>();
      for (const name of names) for (const field of this.readsOf(info, name)) wanted.add(field);
      if (!wanted.size) wanted.add(this.minimal);
      const list = this.fields.filter((f) => wanted.has(f));
      const key = list.join(',');
      fields = this.interned.get(key);
      if (!fields) this.interned.set(key, (fields = list));
      this.byNames.set(names, fields);
    }
    return fields;
  }

  /** The row fields a field of the result's type reads: its resolver's declaration, or its own name. */
  private readsOf(info: FieldsInfo, name: string): FieldsOf<Row> {
    const type = getNamedType(info.returnType);
    const field = isObjectType(type) ? type.getFields()[name] : undefined;
    if (!field?.resolve) return name in this.columns ? [name as keyof Row & string] : [];
    const reads = readsOf(field);
    // a resolver of a projected type that said nothing would meet rows without what it reads
    if (!reads) throw new Error(`${type}.${name} has a resolver that does not declare what it reads (resolverOf)`);
    return reads as FieldsOf<Row>;
  }

  sql(fields: FieldsOf<Row>, alias: string): string {
    return fields.map((f) => this.columns[f](alias)).join(', ');
  }

  /** The fields' columns as a fragment of a statement. */
  select(fields: FieldsOf<Row>, alias: string): Sql {
    return raw(this.sql(fields, alias));
  }

  /** Every column as a fragment of a statement. */
  selectAll(alias: string): Sql {
    return raw(this.all(alias));
  }

  /** The entity's table as the shared helpers of table.ts read it, with every column. */
  table(table: string, alias: string, noun: string): TableOf<Row> {
    return { table, alias, noun, columns: (a) => this.selectAll(a), fields: this.fields };
  }
}
