import { BATCH_KEY, byKeys, Keyed, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { param, raw, sql } from '../../db/sql';
import { resolutionIdsLinkedTo } from '../decision-trail/link-targets';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../decision-trail/decision-trail.entity';
import { milestoneColumns, MilestoneRow } from '../milestone/milestone.entity';
import {
  savingsDeliveryColumns,
  savingsDeliveryOrder,
  SavingsDeliveryRow,
  savingsLineColumns,
  SavingsLineRow,
} from '../savings/savings.entity';
import { committeeActionColumns, committeeActionOrder, CommitteeActionRow, withMeeting } from './committee-action.entity';
import { eventsAfter, firstBefore, MilestoneMoveRow, SavingsLineMoveRow } from './changes.entity';
import { slippageChange } from './milestone-move';

/** What moves a milestone: a new forecastDate (updateMilestone) or baselineDate (rebaselineMilestone). */
const MILESTONE_MOVES = raw(`(e.action = 'milestone.updated' AND e.changes -> 'forecastDate' IS NOT NULL)
  OR (e.action = 'milestone.rebaselined' AND e.changes -> 'baselineDate' IS NOT NULL)`);

/**
 * What changes a savings line in changesSince's sense: a re-forecast or re-rating (updateSavingsLine),
 * rephasing (each line's event) and a write-off. A line that rephasing created had nothing before:
 * its planned and forecast were 0.00.
 */
const SAVINGS_MOVES = raw(`e.action IN ('savingsLine.rephased', 'savingsLine.writtenOff')
  OR (e.action = 'savingsLine.updated' AND (e.changes -> 'forecast' IS NOT NULL OR e.changes -> 'deliveryConfidence' IS NOT NULL))`);

/**
 * The milestone, savings, delivery, resolution and action lists of changesSince, per day `since`
 * (but the open actions, which are as they are now), keyed by programme id.
 */
export function changesPlanLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** Milestones moved after since (by when recorded) or completed after it (by actualDate). */
    milestonesMovedSince: loaderPerVariant((since: string) =>
      loaderOfLists<MilestoneMoveRow>(async (ids): Promise<Keyed<MilestoneMoveRow>[]> => {
        const day = param(since);
        const rows = await reads.rows<Keyed<MilestoneRow & { forecastBefore: string; baselineBefore: string }>>(
          sql`SELECT ${BATCH_KEY}, ${milestoneColumns('m')},
                coalesce(h.forecast, m.forecast_date) AS "forecastBefore", coalesce(h.baseline, m.baseline_date) AS "baselineBefore"
               FROM ${byKeys('milestones', 'm', 'programme_id', scope, ids)}
               JOIN LATERAL (SELECT ${firstBefore('forecastDate')}::date AS forecast, ${firstBefore('baselineDate')}::date AS baseline,
                   count(*) AS n ${eventsAfter('m', day, MILESTONE_MOVES)}) h
                 ON h.n > 0 OR m.actual_date > ${day}::date
              ORDER BY m.forecast_date, m.title, m.id`,
        );
        return rows.map(({ _key, forecastBefore, baselineBefore, ...milestone }) => ({
          _key,
          milestone,
          forecastDateBefore: forecastBefore,
          slippageChange: slippageChange(milestone, { baselineDate: baselineBefore, forecastDate: forecastBefore }, since),
        }));
      }),
    ),
    /** Savings lines changed after since (by when recorded), with planned and forecast as they were then. */
    savingsChangedSince: loaderPerVariant((since: string) =>
      loaderOfLists<SavingsLineMoveRow>(async (ids): Promise<Keyed<SavingsLineMoveRow>[]> => {
        const day = param(since);
        const rows = await reads.rows<Keyed<SavingsLineRow & { forecastBefore: string; plannedBefore: string }>>(
          sql`SELECT ${BATCH_KEY}, ${savingsLineColumns('l')},
                coalesce(h.forecast, l.forecast)::text AS "forecastBefore", coalesce(h.planned, l.planned)::text AS "plannedBefore"
               FROM ${byKeys('savings_lines', 'l', 'programme_id', scope, ids)}
               JOIN LATERAL (SELECT ${firstBefore('forecast', `'0'`)}::numeric(15,2) AS forecast,
                   ${firstBefore('planned', `'0'`)}::numeric(15,2) AS planned, count(*) AS n
                   ${eventsAfter('l', day, SAVINGS_MOVES)}) h
                 ON h.n > 0
              ORDER BY l.financial_year, l.description, l.id`,
        );
        return rows.map(({ _key, forecastBefore, plannedBefore, ...savingsLine }) => ({
          _key,
          savingsLine,
          forecastBefore,
          plannedBefore,
        }));
      }),
    ),
    /** Deliveries recorded on a day after since, by that day, then in the order recorded. */
    deliveriesSince: loaderPerVariant((since: string) =>
      loaderOfLists<SavingsDeliveryRow>((ids): Promise<Keyed<SavingsDeliveryRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${savingsDeliveryColumns('d')}
               FROM ${byKeys('savings_lines', 'l', 'programme_id', scope, ids)}
               JOIN savings_deliveries d ON d.organisation_id = l.organisation_id AND d.savings_line_id = l.id
              WHERE d.recorded_on > ${since}::date
              ORDER BY ${savingsDeliveryOrder('d')}`,
        ),
      ),
    ),
    /** Resolutions of meetings after since linked to the programme or anything of it the caller may see. */
    resolutionsSince: loaderPerVariant((since: string) =>
      loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
               FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS batch(key, n)
               CROSS JOIN LATERAL (${resolutionIdsLinkedTo(scope, raw('batch.key'))}) linked
               JOIN resolutions r ON r.organisation_id = ${scope.org} AND r.id = linked.resolution_id
                AND r.meeting_date > ${since}::date
              ORDER BY ${resolutionOrder('r')}`,
        ),
      ),
    ),
    /** The programme's committee actions OPEN now, in CommitteeActionConnection's order. */
    openActionsByProgrammeId: loaderOfLists<CommitteeActionRow>((ids): Promise<Keyed<CommitteeActionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${committeeActionColumns('a')} FROM ${byKeys('committee_actions', 'a', 'programme_id', scope, ids)}
             ${withMeeting('a')}
            WHERE a.status = 'OPEN' ORDER BY ${committeeActionOrder('a')}`,
      ),
    ),
  };
}
