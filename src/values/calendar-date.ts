/** ISO calendar dates ('YYYY-MM-DD') that exist: 2018-02-30 does not. */
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TEXT.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// One formatter for the process: building an Intl.DateTimeFormat costs far more than using one.
const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
let memo = { second: NaN, date: '' };

/**
 * Today by the calendar in Europe/London, as the contract's "today" and "overdue" mean it.
 * Hot: every mitigation's `overdue` asks, so the answer is kept for the rest of its second.
 */
export function londonToday(now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== memo.second) memo = { second, date: LONDON.format(now) };
  return memo.date;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
