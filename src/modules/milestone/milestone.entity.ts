/** A milestone as the API reads it (milestones table, columns named as the GraphQL fields). */
export interface MilestoneRow {
  id: string;
  programmeId: string;
  title: string;
  baselineDate: string;
  forecastDate: string;
  actualDate: string | null;
  status: MilestoneStatus;
  version: number;
}

export type MilestoneStatus = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'COMPLETE' | 'MISSED';

export const milestoneColumns = (m: string) =>
  `${m}.id, ${m}.programme_id AS "programmeId", ${m}.title, ${m}.baseline_date AS "baselineDate",
   ${m}.forecast_date AS "forecastDate", ${m}.actual_date AS "actualDate", ${m}.status, ${m}.version`;

/** forecastDate, then title (the contract's order for milestones); id settles ties. */
export const milestoneOrder = (m: string) => `${m}.forecast_date, ${m}.title, ${m}.id`;

/** The date slippage is measured to, in SQL: actualDate, or forecastDate while there is none. */
export const milestoneDueDate = (m: string) => `coalesce(${m}.actual_date, ${m}.forecast_date)`;
