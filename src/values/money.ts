import Decimal from 'decimal.js';

/** Pounds and pence, exactly: amounts below 10^13 with at most two decimals. */
const MONEY_TEXT = /^-?\d{1,13}(\.\d{1,2})?$/;
const LIMIT = new Decimal('1e13');

export class MoneyFormatError extends Error {}

/** Parses what a client may send: a string with at most two decimals, or an integer. */
export function parseMoney(value: unknown): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new MoneyFormatError('Money must be a string with at most two decimals, or an integer');
    return checkRange(new Decimal(value));
  }
  if (typeof value !== 'string' || !MONEY_TEXT.test(value)) {
    throw new MoneyFormatError('Money must be a string like "552000.00" (at most two decimals) or an integer');
  }
  return checkRange(new Decimal(value));
}

function checkRange(amount: Decimal): Decimal {
  if (amount.abs().gte(LIMIT)) throw new MoneyFormatError('Money must be below 10^13 in size');
  return amount;
}

// pg's text for numeric(15,2) and round(x, 2): already what the contract writes
const TWO_DECIMALS = /^-?(0|[1-9]\d*)\.\d\d$/;

/** Two decimals, as the contract serialises Money; accepts pg's numeric strings too. */
export function formatMoney(value: Decimal | string | number): string {
  if (typeof value === 'string' && TWO_DECIMALS.test(value)) return value === '-0.00' ? '0.00' : value;
  return new Decimal(value).toFixed(2);
}
