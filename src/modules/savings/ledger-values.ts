import Decimal from 'decimal.js';
import { isCalendarDate } from '../../values/calendar-date';
import { financialYearOf, formatFinancialYear } from '../../values/financial-year';
import { parseMoney } from '../../values/money';

/**
 * The values of a ledger export's cells as spreadsheets and finance systems write them. Pure, so
 * every variant is a unit test (ledger-values.test.ts).
 */

// an optional sign, then £ or GBP, then an optional sign, the digits and an optional trailing minus
const AMOUNT = /^([-+\u2212]?)(?:£|GBP)?([-+\u2212]?)([\d.,]+)(-?)$/i;
// thousands separators sit in thousands; decimals beyond pence are allowed only as zeros
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2})0*)?$/;

/**
 * An amount: "1234.5", "£1,234.50", "-£120", "£-120", "+5", "120.00-" (a ledger's trailing minus),
 * "(120.00)" (an accountant's negative), "GBP 1,000", "1234.5000" (zeros beyond pence). Spaces
 * may surround the sign and the pound sign, never sit between digits.
 */
export function parseAmount(text: string): Decimal {
  const refuse = () => new Error(`amount ${JSON.stringify(text)} is not an amount like 1234.50 or £1,234.50`);
  let s = text.trim();
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) s = bracketed[1].trim();
  // spaces only next to a sign or the pound sign ("£ 1,000", "- £5"), not within the number
  s = s.replace(/([-+\u2212£]|GBP)\s+/gi, '$1');
  const m = AMOUNT.exec(s);
  const number = m ? NUMBER.exec(m[3]) : null;
  if (!m || !number) throw refuse();
  const signs = [m[1], m[2], m[4]].filter(Boolean);
  if (signs.length > 1 || (bracketed && signs.length)) throw refuse();
  let amount: Decimal;
  try {
    amount = parseMoney(`${number[1].replace(/,/g, '')}${number[2] ? `.${number[2]}` : ''}`);
  } catch {
    throw refuse();
  }
  const negative = bracketed || (signs.length === 1 && signs[0] !== '+');
  return negative && !amount.isZero() ? amount.negated() : amount;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// a time of day after a date, as a date-time cell exports: the date is the business date
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
const UK = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const NAMED = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})$/i;

const iso = (year: string, month: number, day: string) => `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;

/**
 * A date: 2018-10-01, 01/10/2018 (UK, day first; also with - or .), 1 Oct 2018, 01-OCT-2018,
 * 1 October 2018, any of the numeric ones with a time of day after it. Two-digit years and
 * month-first dates are refused: 10/01/18 could be either.
 */
export function parseLedgerDate(text: string): string {
  const s = text.trim();
  let date: string | null = null;
  const m = ISO.exec(s) ?? null;
  if (m) date = iso(m[1], Number(m[2]), m[3]);
  const uk = UK.exec(s);
  if (uk) date = iso(uk[4], Number(uk[3]), uk[1]);
  const named = NAMED.exec(s);
  if (named) {
    const name = named[2].toLowerCase();
    const month = MONTHS.findIndex((abbreviation) => name.startsWith(abbreviation) && fullMonth(name, abbreviation));
    if (month >= 0) date = iso(named[3], month + 1, named[1]);
  }
  if (!date || !isCalendarDate(date)) {
    throw new Error(`recorded_on ${JSON.stringify(text)} is not a date like 2018-10-01 or 01/10/2018`);
  }
  return date;
}

const FULL = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** "oct", "october" and "sept" name October and September; "octo" or "marchx" name nothing. */
function fullMonth(name: string, abbreviation: string): boolean {
  const full = FULL[MONTHS.indexOf(abbreviation)];
  return name === abbreviation || name === full || (abbreviation === 'sep' && name === 'sept');
}

/** Null when the date falls within the financial year (1 April to 31 March); otherwise why not. */
export function outsideFinancialYear(date: string, year: number): string | null {
  if (financialYearOf(date) === year) return null;
  return `recorded_on ${date} is outside ${formatFinancialYear(year)} (1 April ${year} to 31 March ${year + 1})`;
}
