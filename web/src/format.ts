// How values from the API are written on the page. Money stays a string all the way: the
// API's figures are exact and so is what the reader sees.

/** "552000.00" -> "£552,000.00"; "-120000.50" -> "-£120,000.50". */
export function money(amount: string): string {
  const negative = amount.startsWith('-');
  const [pounds, pence = '00'] = amount.replace('-', '').split('.');
  const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}£${grouped}.${pence.padEnd(2, '0')}`;
}

/** A money string as a number, for drawing only (a chart's bar lengths, never a figure shown). */
export function moneyForDrawing(amount: string): number {
  return Number(amount);
}

// written out rather than asked of Intl: ICU versions differ ("Sep" in Chromium, "Sept" in Node),
// and the page and the server-rendered report pack must write the same date the same way
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-04-03" -> "3 Apr 2018". */
export function date(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" business date: its position on a time axis. */
export function dayNumber(value: string): number {
  const [y, m, d] = value.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** "IN_PROGRESS" -> "In progress". */
export function label(enumValue: string): string {
  const words = enumValue.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "+12 days", "-3 days", "on time". */
export function slippage(days: number): string {
  if (days === 0) return 'on time';
  return `${days > 0 ? '+' : ''}${days} day${Math.abs(days) === 1 ? '' : 's'}`;
}

/**
 * How far a due date moved from the first one given, in the unit a reader would use:
 * "moved 3 weeks later than first planned"; null when it has not moved.
 */
export function moved(firstDue: string, due: string): string | null {
  const days = dayNumber(due) - dayNumber(firstDue);
  if (days === 0) return null;
  const size = Math.abs(days);
  const [count, unit] =
    size < 14 ? [size, 'day'] : size < 56 ? [Math.round(size / 7), 'week'] : [Math.round(size / 30.44), 'month'];
  return `moved ${count} ${unit}${count === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'} than first planned`;
}
