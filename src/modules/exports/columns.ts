// One description of a table's columns drives both the CSV and the XLSX writer: each column says
// what kind of value it holds, so that a number, a date or an amount the export writes itself is
// written as such, and only text is treated as text (the formula-injection rule is about text).

/** The value of a column: text, a number, TRUE/FALSE, an ISO date or an amount of pounds ("-120.50"). */
export type Kind = 'text' | 'number' | 'boolean' | 'date' | 'money';

interface KindValue {
  text: string;
  number: number;
  boolean: boolean;
  date: string;
  money: string;
}

export interface Column<R, K extends Kind = Kind> {
  header: string;
  kind: K;
  /** In characters, for the spreadsheet. */
  width: number;
  /** null or undefined: an empty cell. */
  value(row: R): KindValue[K] | null | undefined;
}

const column =
  <K extends Kind>(kind: K, defaultWidth: number) =>
  <R>(header: string, value: (row: R) => KindValue[K] | null | undefined, width = defaultWidth): Column<R, K> => ({
    header,
    kind,
    width,
    value,
  });

export const text = column('text', 16);
export const number = column('number', 10);
export const boolean = column('boolean', 10);
export const date = column('date', 12);
export const money = column('money', 16);

/** A column read from a row whose own shape is a union (e.g. a savings line and its deliveries). */
export type Columns<R> = Column<R, Kind>[];
