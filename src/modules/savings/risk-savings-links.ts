import { Scope } from '../../auth/scope';
import { Tx } from '../../db/db';
import { ident, sql } from '../../db/sql';
import { Actor, recordAudit } from '../audit/audit.service';

/**
 * The links between risks and the savings lines they threaten (risk_savings_lines), as the
 * deletions of either side remove them. Each removed link is recorded on its risk as an unlink,
 * as linkRiskToSavingsLine records links, so a risk's audit trail shows every line it threatened.
 */
export const RISK_LINKED = 'risk.savingsLineLinked';
export const RISK_UNLINKED = 'risk.savingsLineUnlinked';

async function removeLinks(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  column: 'risk_id' | 'savings_line_id',
  id: string,
): Promise<{ riskId: string; savingsLineId: string }[]> {
  const removed = await tx.rows<{ riskId: string; savingsLineId: string }>(
    sql`DELETE FROM risk_savings_lines WHERE organisation_id = ${scope.org} AND ${ident(column)} = ${id}
        RETURNING risk_id AS "riskId", savings_line_id AS "savingsLineId"`,
  );
  for (const link of removed)
    await recordAudit(tx, actor, RISK_UNLINKED, 'Risk', link.riskId, { savingsLineId: [link.savingsLineId, null] });
  return removed;
}

/** deleteRisk: the lines the risk threatened, for its last state. */
export async function unlinkSavingsOfDeletedRisk(tx: Tx, actor: Actor, scope: Scope, riskId: string): Promise<string[]> {
  return (await removeLinks(tx, actor, scope, 'risk_id', riskId)).map((l) => l.savingsLineId);
}

/** deleteSavingsLine: the risks that threatened the line, for its last state. */
export async function unlinkRisksOfDeletedLine(tx: Tx, actor: Actor, scope: Scope, savingsLineId: string): Promise<string[]> {
  return (await removeLinks(tx, actor, scope, 'savings_line_id', savingsLineId)).map((l) => l.riskId);
}
