import { BATCH_KEY, byKeys, Keyed, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { raw, sql } from '../../db/sql';
import { resolutionColumns, ResolutionRow } from '../decision-trail/decision-trail.entity';

// responses and what they respond to: oldest meeting first
const oldestFirst = raw('r.meeting_date, r.agenda_item, r.number_key, r.id');

export function cycleLoaders(reads: ReadBatch, scope: Scope) {
  /** The resolutions at the other end of resolution_responses from `from`. */
  const across = (from: 'recommendation_id' | 'response_id', to: 'recommendation_id' | 'response_id') =>
    loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')} FROM ${byKeys('resolution_responses', 'l', from, scope, ids)}
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.${raw(to)}
            ORDER BY ${oldestFirst}`,
      ),
    );
  return {
    responsesByRecommendationId: across('recommendation_id', 'response_id'),
    recommendationsByResponseId: across('response_id', 'recommendation_id'),
  };
}
