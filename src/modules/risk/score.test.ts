import { BANDS, checkScore, rating, ratingSql, riskScore, trend } from './score';

const products = [...new Set(Array.from({ length: 25 }, (_, k) => (Math.floor(k / 5) + 1) * ((k % 5) + 1)))].sort(
  (a, b) => a - b,
);

describe('rating bands', () => {
  /** Every product of likelihood and impact, by the band it falls in. */
  const banded = [
    ['GREEN', [1, 2, 3, 4]],
    ['AMBER', [5, 6, 8, 9, 10, 12]],
    ['RED', [15, 16, 20, 25]],
  ] as const;
  test.each(banded.flatMap(([band, scores]) => scores.map((score) => [score, band] as const)))(
    'score %i is %s',
    (score, expected) => {
      expect(rating(score)).toBe(expected);
    },
  );

  test('the table above holds every product', () => {
    expect(banded.flatMap(([, scores]) => scores)).toEqual(products);
  });

  test('every product of likelihood and impact has exactly one band', () => {
    for (const score of products) expect(BANDS.filter((b) => score >= b.min && score <= b.max)).toHaveLength(1);
  });

  test('a number that is no score has no rating', () => {
    for (const score of [0, 13, 14, 26]) expect(() => rating(score)).toThrow(RangeError);
  });

  test('riskScore multiplies and rates', () => {
    expect(riskScore(3, 5)).toEqual({ likelihood: 3, impact: 5, score: 15, rating: 'RED' });
    expect(riskScore(2, 2)).toEqual({ likelihood: 2, impact: 2, score: 4, rating: 'GREEN' });
    expect(riskScore(4, 3)).toEqual({ likelihood: 4, impact: 3, score: 12, rating: 'AMBER' });
  });

  test('the SQL of a rating filter uses the same bands', () => {
    expect(ratingSql('s', ['RED', 'GREEN'])).toBe('(s BETWEEN 1 AND 4 OR s BETWEEN 15 AND 25)');
    expect(ratingSql('s', [])).toBe('false');
  });
});

describe('score input', () => {
  test('likelihood and impact are integers 1 to 5, naming the field that is not', () => {
    expect(checkScore({ likelihood: 1, impact: 5 })).toEqual({ likelihood: 1, impact: 5 });
    for (const [input, field] of [
      [{ likelihood: 0, impact: 3 }, 'likelihood'],
      [{ likelihood: 6, impact: 3 }, 'likelihood'],
      [{ likelihood: 3, impact: -1 }, 'impact'],
      [{ likelihood: 3, impact: 2.5 }, 'impact'],
    ] as const) {
      expect(() => checkScore(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    }
  });
});

describe('trend', () => {
  test('the first assessment is NEW', () => expect(trend(9, null)).toBe('NEW'));
  test('a higher score than the assessment before is WORSENING', () => expect(trend(12, 9)).toBe('WORSENING'));
  test('the same score is STEADY, whatever the likelihood and impact', () => expect(trend(6, 6)).toBe('STEADY'));
  test('a lower score is IMPROVING', () => expect(trend(4, 16)).toBe('IMPROVING'));
});
