import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Caller } from '../../auth/caller';
import { Tx } from '../../db/db';
import { ident, Param, sql } from '../../db/sql';
import { deleteVersioned, findVisible } from '../../db/table';
import { requiredText } from '../../validation';
import { Deletion, recordAudit, recordDeletion } from '../audit/audit.service';
import { ResolutionRow, resolutions } from './decision-trail.entity';
import { RECORDERS } from './decision-trail.service';
import { LINK_TARGETS } from './link-targets';
import { detachActions } from '../cycle/committee-action-detach';

/**
 * deleteResolution: a resolution entered in error goes with its links (to programmes, risks,
 * milestones, savings lines) and its place in the committee cycle (responses either way); its
 * last state keeps them. A recommendation left with no response is PENDING again, recorded on it.
 * The committee actions that arose from it stay, given at its meeting, without it.
 */
export async function deleteResolution(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const why = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const resolution = await findVisible(tx, resolutions, ctx.scope, id);
    requireRole(caller, ...RECORDERS);
    const lastState: Record<string, unknown> & ResolutionRow = { ...resolution };
    await deleteVersioned(tx, resolutions, ctx.scope, resolution, expectedVersion, async () => {
      for (const t of LINK_TARGETS) {
        const unlinked = await tx.rows<{ id: string }>(
          sql`DELETE FROM ${ident(t.links)} WHERE organisation_id = ${ctx.scope.org} AND resolution_id = ${resolution.id}
              RETURNING ${ident(t.column)} AS id`,
        );
        lastState[`${t.key}s`] = unlinked.map((l) => l.id);
      }
      lastState.respondedBy = (
        await tx.rows<{ id: string }>(
          sql`DELETE FROM resolution_responses WHERE organisation_id = ${ctx.scope.org} AND recommendation_id = ${resolution.id}
              RETURNING response_id AS id`,
        )
      ).map((r) => r.id);
      lastState.respondsTo = await withdrawResponse(tx, caller, ctx.scope.org, resolution.id);
      lastState.actions = await detachActions(tx, caller, ctx.scope.org, resolution.id);
    });
    return recordDeletion(tx, caller, 'Resolution', lastState, why);
  });
}

/**
 * Removes a deleted decision from the recommendations it responded to; each records the change,
 * and one with no response left is PENDING again (its outcome came from responses). Answers them.
 */
async function withdrawResponse(tx: Tx, caller: Caller, org: Param, responseId: string): Promise<string[]> {
  const recommendations = await tx.rows<{ id: string; outcome: string }>(
    sql`WITH gone AS (DELETE FROM resolution_responses WHERE organisation_id = ${org} AND response_id = ${responseId}
                      RETURNING recommendation_id)
        SELECT r.id, r.outcome FROM resolutions r JOIN gone ON gone.recommendation_id = r.id WHERE r.organisation_id = ${org}
         ORDER BY r.id`,
  );
  for (const rec of recommendations) {
    const reset = await tx.execute(
      sql`UPDATE resolutions r SET outcome = 'PENDING' WHERE r.organisation_id = ${org} AND r.id = ${rec.id} AND r.outcome <> 'PENDING'
            AND NOT EXISTS (SELECT 1 FROM resolution_responses x WHERE x.organisation_id = r.organisation_id AND x.recommendation_id = r.id)`,
    );
    await recordAudit(tx, caller, 'resolution.responseDeleted', 'Resolution', rec.id, {
      respondedBy: [responseId, null],
      ...(reset ? { outcome: [rec.outcome, 'PENDING'] } : {}),
    });
  }
  return recommendations.map((r) => r.id);
}
