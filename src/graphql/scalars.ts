import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { ScalarInputError } from '../errors';
import { isCalendarDate } from '../values/calendar-date';
import { formatFinancialYear, parseFinancialYear } from '../values/financial-year';
import { formatMoney, parseMoney } from '../values/money';

/** Literal values as the JS values a variable would carry, so both paths share one parser. */
function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
      return ast.value;
    case Kind.INT:
      return Number(ast.value);
    default: // floats, booleans, enums, lists and objects are valid for none of our scalars
      return undefined;
  }
}

function guard<T>(name: string, parse: (value: unknown) => T) {
  return (value: unknown): T => {
    try {
      return parse(value);
    } catch (err) {
      throw new ScalarInputError(`${name}: ${(err as Error).message}`);
    }
  };
}

const parseDate = guard('Date', (value) => {
  if (!isCalendarDate(value)) throw new Error(`${JSON.stringify(value)} is not a calendar date written YYYY-MM-DD`);
  return value;
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literal(ast)),
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const parseDateTime = guard('DateTime', (value) => {
  const ms = typeof value === 'string' && DATE_TIME.test(value) && isCalendarDate(value.slice(0, 10)) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new Error(`${JSON.stringify(value)} is not an ISO 8601 date-time with an offset`);
  return new Date(ms);
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literal(ast)),
});

const parseMoneyValue = guard('Money', parseMoney);
export const MoneyScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Money',
  serialize: (value) => formatMoney(value as Decimal | string),
  parseValue: parseMoneyValue,
  parseLiteral: (ast) => parseMoneyValue(literal(ast)),
});

const parseYear = guard('FinancialYear', parseFinancialYear);
export const FinancialYearScalar = new GraphQLScalarType<number, string>({
  name: 'FinancialYear',
  serialize: (value) => formatFinancialYear(Number(value)),
  parseValue: parseYear,
  parseLiteral: (ast) => parseYear(literal(ast)),
});

/**
 * A scalar's behaviour for makeExecutableSchema. Not the GraphQLScalarType itself: graphql-tools
 * copies every property of that, its empty description included, over the SDL's description.
 */
const behaviour = (scalar: GraphQLScalarType) => ({
  __serialize: scalar.serialize,
  __parseValue: scalar.parseValue,
  __parseLiteral: scalar.parseLiteral,
});

export const scalarResolvers = {
  Date: behaviour(DateScalar),
  DateTime: behaviour(DateTimeScalar),
  Money: behaviour(MoneyScalar),
  FinancialYear: behaviour(FinancialYearScalar),
};
