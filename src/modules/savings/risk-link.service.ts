import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { findLinkEnds } from '../../db/table';
import { badInput } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { RiskRow, risks } from '../risk/risk.entity';
import { savingsLines } from './savings.entity';
import { RISK_LINKED, RISK_UNLINKED } from './risk-savings-links';

/**
 * linkRiskToSavingsLine / unlinkRiskFromSavingsLine: a risk threatens a saving of its own
 * programme. Those who may edit the risk, or FINANCE (who own the savings), link them. Linking
 * what is linked, or unlinking what is not, changes nothing and records nothing; no version
 * changes. Answers the risk.
 */
export async function changeRiskSavingsLink(
  ctx: Context,
  riskId: string,
  savingsLineId: string,
  link: boolean,
): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (tx) => {
    const [risk, line] = await findLinkEnds(tx, ctx.scope, [risks, riskId], [savingsLines, savingsLineId]);
    if (caller.role !== 'FINANCE') requireProgrammeEditor(caller, risk.programmeId);
    if (line.programmeId !== risk.programmeId) {
      throw badInput('savingsLineId', 'A risk threatens only savings lines of its own programme');
    }
    const key = sql`organisation_id = ${ctx.scope.org} AND risk_id = ${risk.id} AND savings_line_id = ${line.id}`;
    if (link && risk.status === 'CLOSED') {
      // an existing link is no new link: linking it again is the no-op the contract promises
      if (await tx.one(sql`SELECT 1 FROM risk_savings_lines WHERE ${key}`)) return risk;
      throw badInput('riskId', 'A CLOSED risk takes no new link to a savings line');
    }
    const changed = link
      ? await tx.execute(
          sql`INSERT INTO risk_savings_lines (organisation_id, risk_id, savings_line_id) VALUES (${ctx.scope.org}, ${risk.id}, ${line.id})
              ON CONFLICT DO NOTHING`,
        )
      : await tx.execute(sql`DELETE FROM risk_savings_lines WHERE ${key}`);
    if (changed) {
      await recordAudit(tx, caller, link ? RISK_LINKED : RISK_UNLINKED, 'Risk', risk.id, {
        savingsLineId: link ? [null, line.id] : [line.id, null],
      });
    }
    return risk;
  });
}
