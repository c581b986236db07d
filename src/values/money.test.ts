import Decimal from 'decimal.js';
import fc from 'fast-check';
import { formatMoney, MoneyFormatError, parseMoney } from './money';

describe('parseMoney', () => {
  test.each([
    ['552000.00', '552000.00'],
    ['552000', '552000.00'],
    ['-120000.50', '-120000.50'],
    ['0.1', '0.10'],
    ['0', '0.00'],
    ['9999999999999.99', '9999999999999.99'],
    [552000, '552000.00'],
    [-3, '-3.00'],
    [0, '0.00'],
  ])('accepts %j as %s', (input, out) => {
    expect(formatMoney(parseMoney(input))).toBe(out);
  });

  test.each([
    ['floats', 0.1],
    ['fractional numbers', 1.5],
    ['unsafe integers', 2 ** 53],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['three decimals', '1.005'],
    ['exponents', '1e3'],
    ['exponents with decimals', '1.5E2'],
    ['text', 'ten pounds'],
    ['a pound sign', '£10'],
    ['thousands separators', '1,000'],
    ['a plus sign', '+10'],
    ['a trailing point', '10.'],
    ['a leading point', '.5'],
    ['spaces', ' 10'],
    ['the empty string', ''],
    ['10^13', '10000000000000'],
    ['-10^13', '-10000000000000.00'],
    ['10^13 as a number', 1e13],
    ['hexadecimal', '0x10'],
    ['booleans', true],
    ['null', null],
    ['objects', { amount: '1.00' }],
  ])('refuses %s', (_, input) => {
    expect(() => parseMoney(input)).toThrow(MoneyFormatError);
  });

  test('returns an exact decimal: 0.10 + 0.20 = 0.30', () => {
    expect(formatMoney(parseMoney('0.10').plus(parseMoney('0.20')))).toBe('0.30');
  });

  test('sums of any number of pennies are exact (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), { maxLength: 200 }), (pennies) => {
        const texts = pennies.map((p) => formatMoney(new Decimal(p).div(100)));
        const sum = texts.reduce((acc, t) => acc.plus(parseMoney(t)), new Decimal(0));
        const expected = pennies.reduce((a, b) => a + b, 0);
        expect(formatMoney(sum)).toBe(formatMoney(new Decimal(expected).div(100)));
      }),
    );
  });
});

describe('formatMoney', () => {
  test.each([
    ['552000', '552000.00'],
    ['0.1', '0.10'],
    ['-120000.5', '-120000.50'],
    ['0', '0.00'],
    ['12.30', '12.30'],
  ])('writes pg numeric %s as %s', (input, out) => {
    expect(formatMoney(input)).toBe(out);
  });

  test('writes decimals with two places, never an exponent', () => {
    expect(formatMoney(new Decimal('9999999999999.99'))).toBe('9999999999999.99');
    expect(formatMoney(new Decimal('0.0000001'))).toBe('0.00');
  });
});
