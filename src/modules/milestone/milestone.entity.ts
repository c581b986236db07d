import { raw, sql } from '../../db/sql';
import { ListOf } from '../../db/table';

/** A milestone as the API reads it (milestones table, columns named as the GraphQL fields). */
export interface MilestoneRow {
  id: string;
  programmeId: string;
  title: string;
  baselineDate: string;
  forecastDate: string;
  actualDate: string | null;
  status: MilestoneStatus;
  /** The date first agreed. */
  originalBaselineDate: string;
  /** The day it was created (Europe/London): when the original baseline was set. */
  createdOn: string;
  version: number;
}

/** A baseline set by rebaselineMilestone. */
export interface MilestoneBaselineRow {
  baselineDate: string;
  setOn: string;
  reason: string | null;
  resolutionId: string | null;
}

export type MilestoneStatus = 'NOT_STARTED' | 'ON_TRACK' | 'AT_RISK' | 'COMPLETE' | 'MISSED';

export const milestoneColumns = (m: string) =>
  raw(`${m}.id, ${m}.programme_id AS "programmeId", ${m}.title, ${m}.baseline_date AS "baselineDate",
   ${m}.forecast_date AS "forecastDate", ${m}.actual_date AS "actualDate", ${m}.status, ${m}.version,
   ${m}.original_baseline_date AS "originalBaselineDate", (${m}.created_at AT TIME ZONE 'Europe/London')::date AS "createdOn"`);

export const baselineColumns = (b: string) =>
  raw(`${b}.baseline_date AS "baselineDate", ${b}.set_on AS "setOn", ${b}.reason, ${b}.resolution_id AS "resolutionId"`);

/** Not COMPLETE and forecastDate is before today (SQL and JS, the same rule). */
export const milestoneOverdueSql = (m: string, today: string) =>
  sql`(${raw(m)}.status <> 'COMPLETE' AND ${raw(m)}.forecast_date < ${today}::date)`;
export const milestoneOverdue = (m: Pick<MilestoneRow, 'status' | 'forecastDate'>, today: string) =>
  m.status !== 'COMPLETE' && m.forecastDate < today;

/** forecastDate, then title (the contract's order for milestones); id settles ties. */
export const milestoneOrder = (m: string) => raw(`${m}.forecast_date, ${m}.title, ${m}.id`);

/** The date slippage is measured to, in SQL: actualDate, or forecastDate while there is none. */
export const milestoneDueDate = (m: string) => raw(`coalesce(${m}.actual_date, ${m}.forecast_date)`);

/** The milestones table, listed by milestoneOrder. */
export const milestones: ListOf<MilestoneRow> = {
  table: 'milestones',
  alias: 'm',
  noun: 'milestone',
  columns: milestoneColumns,
  list: 'milestones',
  order: milestoneOrder('m'),
  cursor: {
    shape: ['date', 'string', 'id'],
    of: (row) => [row.forecastDate, row.title, row.id],
    after: ([date, title, id]) => sql`(m.forecast_date, m.title, m.id) > (${date}::date, ${title}::text, ${id}::uuid)`,
  },
};
