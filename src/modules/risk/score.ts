import { intInRange } from '../../validation';

/**
 * The scoring rules of the register, in one place: a score is likelihood x impact, each 1..5;
 * its rating comes from the bands below; the trend compares it with the assessment before.
 */
export type Rating = 'GREEN' | 'AMBER' | 'RED';
export type Trend = 'NEW' | 'WORSENING' | 'STEADY' | 'IMPROVING';

export interface Score {
  likelihood: number;
  impact: number;
}

/** The contract's bands. 13 and 14 are no product of two numbers of 1..5, so the bands cover every score. */
export const BANDS: ReadonlyArray<{ rating: Rating; min: number; max: number }> = [
  { rating: 'GREEN', min: 1, max: 4 },
  { rating: 'AMBER', min: 5, max: 12 },
  { rating: 'RED', min: 15, max: 25 },
];

/** A score input as given, or BAD_USER_INPUT naming likelihood or impact. */
export function checkScore(input: Score): Score {
  return { likelihood: intInRange('likelihood', input.likelihood, 1, 5), impact: intInRange('impact', input.impact, 1, 5) };
}

export function rating(score: number): Rating {
  const band = BANDS.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`${score} is not a risk score (likelihood x impact, each 1 to 5)`);
  return band.rating;
}

/** A RiskScore as the API shows it. */
export function riskScore(likelihood: number, impact: number) {
  const score = likelihood * impact;
  return { likelihood, impact, score, rating: rating(score) };
}

/** The current score against the one assessed before it (null when there is only one assessment). */
export function trend(current: number, previous: number | null): Trend {
  if (previous === null) return 'NEW';
  if (current > previous) return 'WORSENING';
  return current < previous ? 'IMPROVING' : 'STEADY';
}

/** SQL: a score expression falls in one of the ratings' bands. */
export function ratingSql(score: string, ratings: readonly string[]): string {
  const ranges = BANDS.filter((b) => ratings.includes(b.rating)).map((b) => `${score} BETWEEN ${b.min} AND ${b.max}`);
  return ranges.length ? `(${ranges.join(' OR ')})` : 'false';
}
