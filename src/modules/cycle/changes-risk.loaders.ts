import { BATCH_KEY, byKeys, Keyed, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { Param, param, raw, Sql, sql } from '../../db/sql';
import { londonToday } from '../../values/calendar-date';
import {
  AssessmentRow,
  assessmentColumns,
  assessmentOrder,
  mitigationColumns,
  MitigationRow,
  riskColumns,
  RiskRow,
  visibleRisks,
} from '../risk/risk.entity';
import { eventsAfter, MitigationMoveRow, RiskMoveRow } from './changes.entity';

/** Every mitigation list of changesSince: by dueDate (none last), then risk reference, then action. */
const mitigationOrder = raw(`m.due_date NULLS LAST, r.reference, m.action, m.id`);

/**
 * The risk and mitigation lists of changesSince, per day `since` and keyed by programme id: one
 * statement per list for any number of risks (and, through ReadBatch, one for all of a level).
 */
export function changesRiskLoaders(reads: ReadBatch, scope: Scope) {
  /** A programme's visible risks `r` as the lists read them, with the day they are counted after. */
  const risksOf = (ids: string[]) => sql`${byKeys('risks', 'r', 'programme_id', scope, ids)} AND ${visibleRisks('r', scope)}`;

  /** Risks of the programme matching `where` (of `r` and the day), by reference. */
  const risksWhere = (where: (since: Param) => Sql) =>
    loaderPerVariant((since: string) =>
      loaderOfLists<RiskRow>((ids): Promise<Keyed<RiskRow>[]> => {
        const day = param(since);
        return reads.rows(
          sql`SELECT ${BATCH_KEY}, ${riskColumns('r')} FROM ${risksOf(ids)} WHERE ${where(day)} ORDER BY r.reference, r.id`,
        );
      }),
    );

  /** Mitigations of the programme's visible risks matching `where` (of `m` and the day). */
  const mitigationsWhere = (where: (since: Param) => Sql) =>
    loaderPerVariant((since: string) =>
      loaderOfLists<MitigationRow>((ids): Promise<Keyed<MitigationRow>[]> => {
        const day = param(since);
        return reads.rows(
          sql`SELECT ${BATCH_KEY}, ${mitigationColumns('m')} FROM ${risksOf(ids)}
               JOIN mitigations m ON m.organisation_id = r.organisation_id AND m.risk_id = r.id
              WHERE ${where(day)} ORDER BY ${mitigationOrder}`,
        );
      }),
    );

  return {
    /**
     * Risks identified on or before since whose score now differs from the one of their latest
     * assessment dated on or before since (late entries included: they count by assessedOn).
     */
    riskMovesSince: loaderPerVariant((since: string) =>
      loaderOfLists<RiskMoveRow>(async (ids): Promise<Keyed<RiskMoveRow>[]> => {
        const day = param(since);
        const rows = await reads.rows<
          Keyed<RiskRow & { beforeLikelihood: number; beforeImpact: number; after: AssessmentRow[] }>
        >(
          sql`SELECT ${BATCH_KEY}, ${riskColumns('r')}, b.likelihood AS "beforeLikelihood", b.impact AS "beforeImpact",
                (SELECT coalesce(json_agg(x), '[]') FROM (SELECT ${assessmentColumns('a')} FROM risk_assessments a
                   WHERE a.organisation_id = r.organisation_id AND a.risk_id = r.id AND a.assessed_on > ${day}::date
                   ORDER BY ${assessmentOrder('a')}) x) AS after
               FROM ${risksOf(ids)}
               JOIN LATERAL (SELECT a.likelihood, a.impact FROM risk_assessments a
                   WHERE a.organisation_id = r.organisation_id AND a.risk_id = r.id AND a.assessed_on <= ${day}::date
                   ORDER BY ${assessmentOrder('a')} LIMIT 1) b ON true
              WHERE r.identified_on <= ${day}::date AND b.likelihood * b.impact <> r.current_score
              ORDER BY r.current_score DESC, r.reference, r.id`,
        );
        return rows.map(({ _key, beforeLikelihood, beforeImpact, after, ...risk }) => ({
          _key,
          risk,
          before: { likelihood: beforeLikelihood, impact: beforeImpact },
          assessments: after,
        }));
      }),
    ),
    newRisksSince: risksWhere((day) => sql`r.identified_on > ${day}::date`),
    closedRisksSince: risksWhere((day) => sql`r.closed_on > ${day}::date`),
    mitigationsCompletedSince: mitigationsWhere((day) => sql`m.completed_on > ${day}::date`),
    /** Overdue today, due after since: they fell overdue in the period. */
    mitigationsNowOverdueSince: mitigationsWhere(
      (day) => sql`m.status IN ('PLANNED', 'IN_PROGRESS') AND m.due_date < ${londonToday()}::date AND m.due_date > ${day}::date`,
    ),
    /** Mitigations whose dueDate an update moved after since; before: the dueDate the first such update found. */
    mitigationsRescheduledSince: loaderPerVariant((since: string) =>
      loaderOfLists<MitigationMoveRow>(async (ids): Promise<Keyed<MitigationMoveRow>[]> => {
        const day = param(since);
        const rows = await reads.rows<Keyed<MitigationRow & { dueDateBefore: string | null }>>(
          sql`SELECT ${BATCH_KEY}, ${mitigationColumns('m')}, h.before AS "dueDateBefore"
               FROM ${risksOf(ids)}
               JOIN mitigations m ON m.organisation_id = r.organisation_id AND m.risk_id = r.id
               JOIN LATERAL (SELECT (array_agg(e.changes -> 'dueDate' ->> 0 ORDER BY e.seq))[1] AS before, count(*) AS n
                   ${eventsAfter('m', day, raw(`e.action = 'mitigation.updated' AND e.changes -> 'dueDate' IS NOT NULL`))}) h
                 ON h.n > 0
              ORDER BY ${mitigationOrder}`,
        );
        return rows.map(({ _key, dueDateBefore, ...mitigation }) => ({ _key, mitigation, dueDateBefore }));
      }),
    ),
  };
}
