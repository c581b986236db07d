import { slippageChange } from './milestone-move';

const SINCE = '2026-03-01';

describe('slippageChange: slippage now less slippage at since', () => {
  test.each([
    // [case, now: [baseline, forecast, actual], before: [baseline, forecast], expected]
    ['nothing moved', ['2026-06-01', '2026-06-01', null], ['2026-06-01', '2026-06-01'], 0],
    ['forecast slipped 30 days', ['2026-06-01', '2026-07-01', null], ['2026-06-01', '2026-06-01'], 30],
    ['forecast brought forward', ['2026-06-01', '2026-05-22', null], ['2026-06-01', '2026-06-01'], -10],
    ['rebaselined to the forecast', ['2026-07-01', '2026-07-01', null], ['2026-06-01', '2026-07-01'], -30],
    ['completed after since, 5 days late', ['2026-03-01', '2026-03-01', '2026-03-06'], ['2026-03-01', '2026-03-01'], 5],
    ['completed after since, early', ['2026-04-01', '2026-04-01', '2026-03-20'], ['2026-04-01', '2026-04-01'], -12],
    [
      'completed before since (late entry): no change',
      ['2026-02-01', '2026-02-01', '2026-02-10'],
      ['2026-02-01', '2026-02-01'],
      0,
    ],
    ['completed on since itself', ['2026-02-20', '2026-02-20', SINCE], ['2026-02-20', '2026-02-20'], 0],
    ['forecast and baseline both moved', ['2026-08-01', '2026-09-01', null], ['2026-06-01', '2026-06-15'], 17],
  ] as const)('%s', (_, [baselineDate, forecastDate, actualDate], [beforeBaseline, beforeForecast], expected) => {
    const now = { baselineDate, forecastDate, actualDate };
    expect(slippageChange(now, { baselineDate: beforeBaseline, forecastDate: beforeForecast }, SINCE)).toBe(expected);
  });
});
