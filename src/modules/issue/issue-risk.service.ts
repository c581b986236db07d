import { Scope } from '../../auth/scope';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { Actor, recordAudit } from '../audit/audit.service';

/**
 * Before a risk deleted as entered in error goes: the issues raised from it stay, without their
 * fromRisk (their version does not change: no mutation of theirs ran), each recorded in its own
 * audit trail; answers their ids, for the risk's last state.
 */
export async function forgetRaisedFrom(tx: Tx, actor: Actor, scope: Scope, riskId: string): Promise<string[]> {
  const forgotten = await tx.rows<{ id: string }>(
    sql`UPDATE issues SET from_risk_id = NULL WHERE organisation_id = ${scope.org} AND from_risk_id = ${riskId} RETURNING id`,
  );
  for (const { id } of forgotten) await recordAudit(tx, actor, 'issue.riskDeleted', 'Issue', id, { fromRiskId: [riskId, null] });
  return forgotten.map((r) => r.id);
}
