import { outsideFinancialYear, parseAmount, parseLedgerDate } from './ledger-values';

describe('parseAmount', () => {
  test.each([
    ['1234.50', '1234.50'],
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['0', '0.00'],
    ['-0.00', '0.00'],
    ['£1,234.50', '1234.50'],
    ['£1,234,567', '1234567.00'],
    ['£1234567.89', '1234567.89'],
    ['1,000', '1000.00'],
    ['-£120', '-120.00'],
    ['£-120.5', '-120.50'],
    ['- £120', '-120.00'],
    ['£ -120', '-120.00'],
    ['+120', '120.00'],
    ['+£1,000.00', '1000.00'],
    ['\u2212£5', '-5.00'],
    ['120.00-', '-120.00'],
    ['£1,200.00-', '-1200.00'],
    ['(120.00)', '-120.00'],
    ['(£1,000)', '-1000.00'],
    ['( £1,000.50 )', '-1000.50'],
    [' 0.1 ', '0.10'],
    ['£ 1,000.00', '1000.00'],
    ['GBP 1,000.00', '1000.00'],
    ['gbp250', '250.00'],
    ['1234.5000', '1234.50'],
    ['1234.500', '1234.50'],
    ['9999999999999.99', '9999999999999.99'],
    ['-9999999999999', '-9999999999999.00'],
    ['0.01', '0.01'],
    ['(0.00)', '0.00'],
  ])('reads %j as %s', (text, amount) => {
    expect(parseAmount(text).toFixed(2)).toBe(amount);
  });

  /** What is wrong with each amount refused. */
  const refused: [reason: string, texts: string[]][] = [
    ['nothing to read', ['', ' ', '£', '-', '()', 'ten']],
    ['a fraction of a penny', ['1.005', '1.0001']],
    ['an exponent, hex or a special number', ['1e3', '0x10', 'NaN', 'Infinity']],
    ['thousands grouped wrongly', ['12,34', '1,2345', ',100', '100,', '1,,000', '1 000', '£1 000']],
    ['a point out of place', ['1.2.3', '£1,234.5.0', '.5', '5.']],
    ['more than one sign', ['--5', '-(5)', '(-5)', '(5)-', '-£-5', '-5-', '+-5']],
    ['a currency other than one pound sign before it', ['££5', '$5', '€5', '5£']],
    ['too large for the ledger', ['10000000000000']],
    ['an accounting suffix', ['1,234.50 CR']],
  ];
  test.each(refused.flatMap(([reason, texts]) => texts.map((text) => [text, reason])))('refuses %j (%s)', (text) => {
    expect(() => parseAmount(text)).toThrow(/^amount /);
  });
});

describe('parseLedgerDate', () => {
  /** The date each group of spellings reads as. */
  const spellings: [date: string, texts: string[]][] = [
    [
      '2018-10-01',
      [
        '2018-10-01',
        ' 2018-10-01 ',
        '2018-10-01T00:00:00',
        '2018-10-01 09:30',
        '2018-10-01T23:59:59.999',
        '01/10/2018',
        '01/10/2018 00:00',
        '01/10/2018 00:00:00',
        '01-10-2018',
        '01.10.2018',
        '1 Oct 2018',
        '01-Oct-2018',
        '01-OCT-2018',
        '1 October 2018',
        '1st October, 2018',
      ],
    ],
    ['2019-04-01', ['1/4/2019']],
    ['2020-02-29', [' 29/02/2020 ']],
    ['2018-09-30', ['30 Sept 2018']],
    ['2019-03-31', ['31-Mar-2019']],
  ];
  test.each(spellings.flatMap(([date, texts]) => texts.map((text) => [text, date])))('reads %j as %s', (text, date) => {
    expect(parseLedgerDate(text)).toBe(date);
  });

  const refusedDates: [reason: string, texts: string[]][] = [
    ['no such day', ['2018-02-30', '2019-02-29', '31/04/2018', '32 Oct 2018']],
    [
      'a two-digit year, the month first, or ISO with slashes or without leading zeros',
      ['10/01/18', '2018/10/01', 'Oct 1 2018', '2018-1-1'],
    ],
    ['mixed separators', ['01/10-2018']],
    ['a time zone', ['2018-10-01Z', '2018-10-01T10:00:00+01:00']],
    ['no such month', ['1 Octo 2018', '1 Foo 2018']],
    ['no date at all', ['43374', 'yesterday', '']],
  ];
  test.each(refusedDates.flatMap(([reason, texts]) => texts.map((text) => [text, reason])))('refuses %j (%s)', (text) => {
    expect(() => parseLedgerDate(text)).toThrow(/^recorded_on /);
  });
});

describe('outsideFinancialYear', () => {
  test.each([
    ['2018-04-01', 2018],
    ['2018-10-01', 2018],
    ['2018-12-31', 2018],
    ['2019-01-01', 2018],
    ['2019-03-31', 2018],
  ])('%s is within %i/..', (date, year) => {
    expect(outsideFinancialYear(date, year)).toBeNull();
  });

  test.each([
    ['2018-03-31', 2018],
    ['2019-04-01', 2018],
    ['2017-10-01', 2018],
    ['2020-10-01', 2018],
  ])('%s is outside %i/..', (date, year) => {
    expect(outsideFinancialYear(date, year)).toContain(`outside ${year}/`);
  });
});
