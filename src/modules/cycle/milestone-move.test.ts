import { slippageChange } from './milestone-move';

const SINCE = '2026-03-01';

describe('slippageChange: slippage now less slippage at since', () => {
  test.each([
    // [case, now, before, expected]
    [
      'nothing moved',
      { baselineDate: '2026-06-01', forecastDate: '2026-06-01', actualDate: null },
      ['2026-06-01', '2026-06-01'],
      0,
    ],
    [
      'forecast slipped 30 days',
      { baselineDate: '2026-06-01', forecastDate: '2026-07-01', actualDate: null },
      ['2026-06-01', '2026-06-01'],
      30,
    ],
    [
      'forecast brought forward',
      { baselineDate: '2026-06-01', forecastDate: '2026-05-22', actualDate: null },
      ['2026-06-01', '2026-06-01'],
      -10,
    ],
    [
      'rebaselined to the forecast',
      { baselineDate: '2026-07-01', forecastDate: '2026-07-01', actualDate: null },
      ['2026-06-01', '2026-07-01'],
      -30,
    ],
    [
      'completed after since, 5 days late',
      { baselineDate: '2026-03-01', forecastDate: '2026-03-01', actualDate: '2026-03-06' },
      ['2026-03-01', '2026-03-01'],
      5,
    ],
    [
      'completed after since, early',
      { baselineDate: '2026-04-01', forecastDate: '2026-04-01', actualDate: '2026-03-20' },
      ['2026-04-01', '2026-04-01'],
      -12,
    ],
    [
      'completed before since (late entry): no change',
      { baselineDate: '2026-02-01', forecastDate: '2026-02-01', actualDate: '2026-02-10' },
      ['2026-02-01', '2026-02-01'],
      0,
    ],
    [
      'completed on since itself',
      { baselineDate: '2026-02-20', forecastDate: '2026-02-20', actualDate: SINCE },
      ['2026-02-20', '2026-02-20'],
      0,
    ],
    [
      'forecast and baseline both moved',
      { baselineDate: '2026-08-01', forecastDate: '2026-09-01', actualDate: null },
      ['2026-06-01', '2026-06-15'],
      17,
    ],
  ] as const)('%s', (_, now, [baselineDate, forecastDate], expected) => {
    expect(slippageChange({ ...now }, { baselineDate, forecastDate }, SINCE)).toBe(expected);
  });
});
