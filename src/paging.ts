import { badInput } from './errors';
import { isCalendarDate } from './values/calendar-date';
import { isId } from './validation';

/** Lists take `first` 1..500 and an `after` cursor from the page before (keyset, never OFFSET). */
export const MAX_PAGE = 500;
/** `first` when absent or null. */
export const DEFAULT_PAGE = 50;

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}`);
  return n;
}

/** One part of a list's sort key, as a cursor carries it. */
export type CursorKey = string | number;

/** A cursor is the sort key of the last node, tagged with its list so one list's cannot seed another. */
export function encodeCursor(list: string, key: CursorKey[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

export type KeyKind = 'string' | 'number' | 'id' | 'date';

export function decodeCursor(
  list: string,
  after: string | null | undefined,
  shape: ReadonlyArray<KeyKind>,
): CursorKey[] | undefined {
  if (after === undefined || after === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  // base64url decoding skips what it cannot read, so only the exact text the server issued is taken
  const fits =
    Array.isArray(parsed) &&
    encodeCursor(list, parsed.slice(1) as CursorKey[]) === after &&
    parsed.length === shape.length + 1 &&
    parsed[0] === list &&
    shape.every((kind, i) => {
      const v = parsed[i + 1];
      if (kind === 'number') return Number.isSafeInteger(v);
      if (kind === 'id') return isId(v);
      if (kind === 'date') return isCalendarDate(v);
      return typeof v === 'string';
    });
  if (!fits) throw badInput('after', 'after must be the endCursor of the page before');
  return (parsed as CursorKey[]).slice(1);
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** The count of the whole list, run only when a client asks for totalCount. */
  count: () => Promise<number>;
}

/** A connection type's totalCount, counted on demand (the executor never calls a row's methods). */
export const totalCount = <T>(page: Connection<T>) => page.count();

/** Builds a page from rows fetched with LIMIT first + 1. */
export function connection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => string,
  count: () => Promise<number>,
): Connection<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last) : null },
    count,
  };
}
