import fc from 'fast-check';
import { financialYearOf, FinancialYearFormatError, formatFinancialYear, parseFinancialYear } from './financial-year';

/** Financial years as written, with the year each starts in: read and written the same way. */
const WRITTEN = [
  ['2018/19', 2018],
  ['2011/12', 2011],
  ['2009/10', 2009],
  ['2000/01', 2000],
  ['1999/00', 1999],
  ['2099/00', 2099],
  ['1900/01', 1900],
] as const;

describe('parseFinancialYear', () => {
  test.each(WRITTEN)('reads %s as %i', (text, start) => {
    expect(parseFinancialYear(text)).toBe(start);
  });

  test.each([
    ['a second year that does not follow', '2018/20'],
    ['the same year twice', '2018/18'],
    ['a year before', '2018/17'],
    ['a century that does not turn', '1999/01'],
    ['four-digit second years', '2018/2019'],
    ['a hyphen', '2018-19'],
    ['a start year alone', '2018'],
    ['spaces', ' 2018/19'],
    ['a three-digit year', '218/19'],
    ['a number', 2018],
    ['null', null],
    ['text', 'last year'],
    ['years before 1900', '1899/00'],
  ])('refuses %s (%j)', (_, value) => {
    expect(() => parseFinancialYear(value)).toThrow(FinancialYearFormatError);
  });

  test('formats and parses back every year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2998 }), (start) => {
        const text = formatFinancialYear(start);
        expect(text).toMatch(/^\d{4}\/\d{2}$/);
        expect(parseFinancialYear(text)).toBe(start);
      }),
    );
  });
});

describe('formatFinancialYear', () => {
  test.each(WRITTEN)('writes %i as %s', (text, start) => {
    expect(formatFinancialYear(start)).toBe(text);
  });
});

describe('financialYearOf', () => {
  /** Dates by the financial year (1 April to 31 March) they fall in, its first and last days among them. */
  const years = [
    [2018, ['2018-04-01', '2018-12-31', '2019-01-01', '2019-03-31']],
    [2017, ['2018-03-31']],
    [2000, ['2000-04-01']],
    [1999, ['2000-03-31']],
  ] as const;
  test.each(years.flatMap(([start, dates]) => dates.map((date) => [date, start] as const)))(
    '%s falls in the year starting %i (1 April to 31 March)',
    (date, start) => {
      expect(financialYearOf(date)).toBe(start);
    },
  );
});
