import { slippageDays } from '../milestone/slippage';

type Dates = { baselineDate: string; forecastDate: string; actualDate: string | null };

/**
 * slippageDays now less slippageDays as it stood at the end of `since`. Then, the baseline and
 * forecast were the ones before the moves recorded after since; the milestone was complete only if
 * its actualDate is on or before since (completion counts by its own date, however late entered).
 */
export function slippageChange(now: Dates, before: { baselineDate: string; forecastDate: string }, since: string): number {
  const actualDate = now.actualDate !== null && now.actualDate <= since ? now.actualDate : null;
  return slippageDays(now) - slippageDays({ ...before, actualDate });
}
