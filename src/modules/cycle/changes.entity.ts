import { Param, raw, Sql, sql } from '../../db/sql';
import { ProgrammeRow } from '../programme/programme.entity';
import { AssessmentRow, MitigationRow, RiskRow } from '../risk/risk.entity';
import { MilestoneRow } from '../milestone/milestone.entity';
import { SavingsLineRow } from '../savings/savings.entity';

/** changesSince's answer: the programme and the day the changes are counted after. */
export interface ProgrammeChangesRow {
  programme: ProgrammeRow;
  since: string;
}

export interface RiskMoveRow {
  risk: RiskRow;
  before: { likelihood: number; impact: number };
  /** Dated after since, newest first. */
  assessments: AssessmentRow[];
}

export interface MitigationMoveRow {
  mitigation: MitigationRow;
  dueDateBefore: string | null;
}

export interface MilestoneMoveRow {
  milestone: MilestoneRow;
  forecastDateBefore: string;
  slippageChange: number;
}

export interface SavingsLineMoveRow {
  savingsLine: SavingsLineRow;
  forecastBefore: string;
  plannedBefore: string;
}

/**
 * SQL: the audit events of the entity `e.entity_id = <alias>.id` recorded after `since` (the
 * London day after it has begun), with one of `actions`. Moves count by when they were recorded,
 * and each event keeps the moved fields as { field: [before, after] }: the first event after since
 * that moved a field holds its value at the end of since. Looked up by ix_audit_events_entity.
 */
export const eventsAfter = (alias: string, since: Param, moves: Sql): Sql =>
  sql`FROM audit_events e WHERE e.organisation_id = ${raw(alias)}.organisation_id AND e.entity_id = ${raw(alias)}.id
        AND e.at >= ((${since}::date + 1)::timestamp AT TIME ZONE 'Europe/London') AND (${moves})`;

/** SQL aggregate over eventsAfter: the value `field` had before the first of them that moved it (text; null if none did). */
export const firstBefore = (field: string, whenNull = 'NULL') =>
  raw(`(array_agg(coalesce(e.changes -> '${field}' ->> 0, ${whenNull}) ORDER BY e.seq)
        FILTER (WHERE e.changes -> '${field}' IS NOT NULL))[1]`);
