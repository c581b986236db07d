import fc from 'fast-check';
import { daysBetween } from '../../values/calendar-date';
import { dueDate, isSlipped, slippageDays } from './slippage';

const m = (baselineDate: string, forecastDate: string, actualDate: string | null = null) => ({
  baselineDate,
  forecastDate,
  actualDate,
});

describe('slippageDays', () => {
  test('is zero while the forecast is the baseline', () => {
    expect(slippageDays(m('2018-10-01', '2018-10-01'))).toBe(0);
  });

  test('counts days to the forecast while there is no actual date: positive late, negative early', () => {
    expect(slippageDays(m('2018-10-01', '2018-10-31'))).toBe(30);
    expect(slippageDays(m('2018-10-01', '2018-09-24'))).toBe(-7);
  });

  test('counts days to the actual date once there is one, whatever the forecast says', () => {
    expect(slippageDays(m('2018-10-01', '2019-01-01', '2018-10-03'))).toBe(2);
    expect(slippageDays(m('2011-10-31', '2011-10-31', '2011-10-30'))).toBe(-1);
  });

  test('counts calendar days across leap days and clock changes', () => {
    expect(slippageDays(m('2020-02-28', '2020-03-01'))).toBe(2);
    expect(slippageDays(m('2019-02-28', '2019-03-01'))).toBe(1);
    expect(slippageDays(m('2018-03-24', '2018-03-26'))).toBe(2); // BST starts 25 March 2018
    expect(slippageDays(m('2018-10-27', '2018-10-29'))).toBe(2); // BST ends 28 October 2018
    expect(slippageDays(m('2011-04-01', '2014-03-31'))).toBe(1095);
  });

  test('slipped means late by at least a day; on time and early are not slipped', () => {
    expect(isSlipped(m('2018-10-01', '2018-10-02'))).toBe(true);
    expect(isSlipped(m('2018-10-01', '2018-10-01'))).toBe(false);
    expect(isSlipped(m('2018-10-01', '2018-09-01'))).toBe(false);
    expect(isSlipped(m('2018-10-01', '2018-09-01', '2018-10-05'))).toBe(true);
  });

  test('the due date is the actual date, or the forecast while there is none', () => {
    expect(dueDate(m('2018-10-01', '2018-11-01'))).toBe('2018-11-01');
    expect(dueDate(m('2018-10-01', '2018-11-01', '2018-10-15'))).toBe('2018-10-15');
  });

  test('is antisymmetric and additive, like days on a calendar', () => {
    const day = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(slippageDays(m(a, b)) + slippageDays(m(b, a))).toBe(0);
        expect(Object.is(slippageDays(m(a, a)), 0)).toBe(true);
        expect(slippageDays(m(a, c))).toBe(daysBetween(a, b) + daysBetween(b, c));
        expect(isSlipped(m(a, b))).toBe(b > a);
      }),
    );
  });
});
