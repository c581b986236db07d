import Decimal from 'decimal.js';
import { parseValue } from 'graphql';
import { ScalarInputError } from '../errors';
import { FinancialYearScalar, MoneyScalar } from './scalars';

describe('Money scalar', () => {
  test('serialises decimals and pg numeric strings with two decimals', () => {
    expect(MoneyScalar.serialize(new Decimal('552000'))).toBe('552000.00');
    expect(MoneyScalar.serialize('-120000.5')).toBe('-120000.50');
  });

  test('reads string and integer literals; float literals are refused', () => {
    expect(MoneyScalar.parseLiteral(parseValue('"0.10"'))).toEqual(new Decimal('0.10'));
    expect(MoneyScalar.parseLiteral(parseValue('120000'))).toEqual(new Decimal(120000));
    for (const literal of ['0.1', '1e3', '"1e3"', '"£5"', 'true', 'FIVE']) {
      expect(() => MoneyScalar.parseLiteral(parseValue(literal))).toThrow(ScalarInputError);
    }
  });

  test('refuses float variables', () => {
    expect(() => MoneyScalar.parseValue(0.5)).toThrow(ScalarInputError);
    expect(MoneyScalar.parseValue('0.50')).toEqual(new Decimal('0.5'));
  });
});

describe('FinancialYear scalar', () => {
  test('is the start year inside and YYYY/YY outside', () => {
    expect(FinancialYearScalar.parseValue('2011/12')).toBe(2011);
    expect(FinancialYearScalar.parseLiteral(parseValue('"1999/00"'))).toBe(1999);
    expect(FinancialYearScalar.serialize(1999)).toBe('1999/00');
  });

  test('refuses anything else', () => {
    for (const literal of ['2018', '"2018/20"', '"2018-19"', '2018.19']) {
      expect(() => FinancialYearScalar.parseLiteral(parseValue(literal))).toThrow(ScalarInputError);
    }
  });
});
