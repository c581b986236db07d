import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { findLinkEnds } from '../../db/table';
import { badInput } from '../../errors';
import { MutationRespondToRecommendationArgs } from '../../generated/types';
import { recordAudit } from '../audit/audit.service';
import { resolutionColumns, ResolutionRow, resolutions } from '../decision-trail/decision-trail.entity';

/**
 * respondToRecommendation: links the receiving body's decision to the recommendation and sets
 * its outcome (the one recorded last wins). Recording the same response again links nothing new.
 */
export async function respondToRecommendation(
  ctx: Context,
  { recommendationId, responseId, outcome }: MutationRespondToRecommendationArgs,
): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (tx) => {
    const [recommendation, response] = await findLinkEnds(
      tx,
      ctx.scope,
      [resolutions, recommendationId],
      [resolutions, responseId],
    );
    requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
    if (recommendation.kind !== 'RECOMMENDATION') {
      throw badInput('recommendationId', `That resolution is a ${recommendation.kind}, not a RECOMMENDATION`);
    }
    if (response.kind !== 'DECISION') throw badInput('responseId', `A response is a DECISION, not a ${response.kind}`);
    if (response.meetingDate < recommendation.meetingDate) {
      throw badInput(
        'responseId',
        `The response's meeting (${response.meetingDate}) is before the recommendation's (${recommendation.meetingDate})`,
      );
    }
    const linked = await tx.execute(
      sql`INSERT INTO resolution_responses (organisation_id, recommendation_id, response_id)
          VALUES (${ctx.scope.org}, ${recommendation.id}, ${response.id}) ON CONFLICT DO NOTHING`,
    );
    const after = (await tx.one<ResolutionRow>(
      sql`UPDATE resolutions SET outcome = ${outcome} WHERE organisation_id = ${ctx.scope.org} AND id = ${recommendation.id}
          RETURNING ${resolutionColumns('resolutions')}`,
    ))!;
    const changes: Record<string, [unknown, unknown]> = {};
    if (linked) changes.respondedBy = [null, response.id];
    if (recommendation.outcome !== outcome) changes.outcome = [recommendation.outcome, outcome];
    if (linked || recommendation.outcome !== outcome) {
      await recordAudit(tx, caller, 'resolution.responded', 'Resolution', recommendation.id, changes);
    }
    return after;
  });
}
