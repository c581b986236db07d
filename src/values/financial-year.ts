/**
 * UK public-sector financial years run 1 April to 31 March and are written 2018/19.
 * Internally a year is the calendar year it starts in (2018 for 2018/19).
 */
const YEAR_TEXT = /^(\d{4})\/(\d{2})$/;

export class FinancialYearFormatError extends Error {}

export function parseFinancialYear(value: unknown): number {
  const m = typeof value === 'string' ? YEAR_TEXT.exec(value) : null;
  const start = m ? Number(m[1]) : NaN;
  if (!m || start < 1900 || start > 2998 || Number(m[2]) !== (start + 1) % 100) {
    throw new FinancialYearFormatError('A financial year is written YYYY/YY with YY the year after YYYY, e.g. 2018/19');
  }
  return start;
}

export function formatFinancialYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The financial year a calendar date ('YYYY-MM-DD') falls in. */
export function financialYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}
