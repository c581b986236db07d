import { Actor, recordAudit } from '../audit/audit.service';
import { Tx } from '../../db/db';
import { Param, sql } from '../../db/sql';

/**
 * Part of deleteResolution: the actions that arose from a resolution deleted as entered in error
 * stay (they were given at the meeting) without it. Each records the change; versions stay, as
 * no expectedVersion of theirs was sent. Answers their ids, for the resolution's last state.
 */
export async function detachActions(tx: Tx, actor: Actor, org: Param, resolutionId: string): Promise<string[]> {
  const detached = await tx.rows<{ id: string }>(
    sql`UPDATE committee_actions SET resolution_id = NULL, updated_at = now()
         WHERE organisation_id = ${org} AND resolution_id = ${resolutionId} RETURNING id`,
  );
  for (const action of detached) {
    await recordAudit(tx, actor, 'committeeAction.resolutionDeleted', 'CommitteeAction', action.id, {
      resolutionId: [resolutionId, null],
    });
  }
  return detached.map((a) => a.id);
}
