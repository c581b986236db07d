import { baselineAfter, checkEffectiveness, initialEffectiveness } from './mitigation-kind';

describe('a new mitigation', () => {
  test.each([
    ['CONTROL', 'NOT_ASSESSED'],
    ['ACTION', null],
  ] as const)('a %s starts with effectiveness %s', (kind, expected) => {
    expect(initialEffectiveness(kind)).toBe(expected);
  });
});

describe('rating a mitigation', () => {
  test.each(['NOT_ASSESSED', 'EFFECTIVE', 'PARTLY_EFFECTIVE', 'INEFFECTIVE'] as const)('a CONTROL takes %s', (rating) => {
    expect(checkEffectiveness('CONTROL', rating)).toBe(rating);
  });

  test.each(['ACTION', 'CONTROL'] as const)('absent leaves a %s as it is', (kind) => {
    expect(checkEffectiveness(kind, undefined)).toBeUndefined();
  });

  test.each([
    ['ACTION', 'EFFECTIVE'],
    ['ACTION', 'NOT_ASSESSED'],
    ['ACTION', null],
    ['CONTROL', null],
  ] as const)('a %s given %s is BAD_USER_INPUT on effectiveness', (kind, rating) => {
    expect(() => checkEffectiveness(kind, rating)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'effectiveness' }),
    );
  });
});

describe('baselineDueDate', () => {
  test.each([
    // baseline, due date given, baseline after
    [null, '2030-03-31', '2030-03-31'],
    [null, null, null],
    [null, undefined, null],
    ['2030-03-31', '2030-09-30', '2030-03-31'],
    ['2030-03-31', '2029-12-31', '2030-03-31'],
    ['2030-03-31', null, '2030-03-31'],
    ['2030-03-31', undefined, '2030-03-31'],
  ])('baseline %s, due date given %s: baseline %s', (baseline, dueDate, expected) => {
    expect(baselineAfter(baseline, dueDate)).toBe(expected);
  });
});
