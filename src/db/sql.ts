/**
 * SQL written as a tagged template: `sql\`SELECT ... WHERE id = ${id}\``. An interpolated value
 * is sent as a parameter ($n), never written into the text; an interpolated `Sql` fragment is
 * written in, with its own values, so fragments nest (a filter's conditions, a column list, a
 * keyset condition). Text that is not a value goes in only through `raw` (constants of the code)
 * or `ident` (a checked identifier). After Kysely's `sql`.
 *
 * Parameters are numbered in the order their values were bound: a value is bound when the `sql`
 * it is written in is evaluated, so the conditions of a filter built first come before the
 * values of the statement that uses them, as they would with `params.push`. `param(value)` binds
 * a value ahead of time, and a Param written twice in a statement is one parameter (the
 * organisation's id, a search pattern tried on three columns). The text therefore depends on the
 * shape of a query, never on its values: the same read is the same prepared statement.
 */

let bound = 0;

/** A value sent as a parameter. */
export class Param {
  /** When the value was bound: the statement numbers its parameters in this order. */
  readonly order = bound++;
  constructor(readonly value: unknown) {}
}

type Part = string | Param | Sql | Isolated;

export class Sql {
  constructor(readonly parts: readonly Part[]) {}
}

/** A fragment whose parameters are its own: several statements sent as one (ReadBatch). */
class Isolated {
  constructor(readonly inner: Sql) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push(text);
    if (i < values.length) {
      const value = values[i];
      parts.push(value instanceof Sql || value instanceof Param ? value : new Param(value));
    }
  });
  return new Sql(parts);
}

/** Binds a value now, to be written in one or several places of a statement built later. */
export const param = (value: unknown) => new Param(value);

/** Text written as it is: only for constants of the code, never for anything a client sent. */
export const raw = (text: string) => new Sql([text]);

export const empty = new Sql([]);

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table, column or alias name of the code; anything but a plain lower-case identifier is refused. */
export function ident(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain SQL identifier`);
  return raw(name);
}

/** The fragments one after another, `separator` (text of the code) between them. */
export function join(fragments: readonly Sql[], separator = ', '): Sql {
  const parts: Part[] = [];
  fragments.forEach((fragment, i) => {
    if (i) parts.push(separator);
    parts.push(fragment);
  });
  return new Sql(parts);
}

/** Statements written into one (a batch of reads): each numbers its parameters after the ones before. */
export const isolated = (fragment: Sql) => new Sql([new Isolated(fragment)]);

/** The statement's text; its values are appended to `values`, numbered from values.length + 1. */
export function compile(query: Sql, values: unknown[] = []): string {
  const params = new Set<Param>();
  collect(query, params);
  const numbers = new Map<Param, number>();
  for (const p of [...params].sort((a, b) => a.order - b.order)) {
    numbers.set(p, values.push(p.value));
  }
  return write(query, numbers, values);
}

function collect(query: Sql, into: Set<Param>): void {
  for (const part of query.parts) {
    if (part instanceof Param) into.add(part);
    else if (part instanceof Sql) collect(part, into);
  }
}

function write(query: Sql, numbers: Map<Param, number>, values: unknown[]): string {
  let text = '';
  for (const part of query.parts) {
    if (typeof part === 'string') text += part;
    else if (part instanceof Param) text += `$${numbers.get(part)}`;
    else if (part instanceof Sql) text += write(part, numbers, values);
    else text += compile(part.inner, values);
  }
  return text;
}
