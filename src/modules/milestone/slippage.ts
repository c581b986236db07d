import { daysBetween } from '../../values/calendar-date';

type Dates = { baselineDate: string; forecastDate: string; actualDate: string | null };

/** The date a milestone is measured by: when it happened, or when it is now expected. */
export function dueDate(m: Dates): string {
  return m.actualDate ?? m.forecastDate;
}

/**
 * Days from baselineDate to actualDate, or to forecastDate while actualDate is null:
 * positive when late, negative when early.
 */
export function slippageDays(m: Dates): number {
  return daysBetween(m.baselineDate, dueDate(m)) + 0; // + 0 turns Math.round's -0 into 0
}

/** The `slipped` filter: slippageDays greater than zero. */
export function isSlipped(m: Dates): boolean {
  return slippageDays(m) > 0;
}
