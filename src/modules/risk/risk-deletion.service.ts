import { Context } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { Deletion, recordDeletion } from '../audit/audit.service';
import { deleteVisible } from '../audit/versioned-writes';
import { unlinkDeletedTarget } from '../decision-trail/resolution-link.service';
import { forgetRaisedFrom } from '../issue/issue-risk.service';
import { unlinkSavingsOfDeletedRisk } from '../savings/risk-savings-links';
import {
  AssessmentRow,
  assessmentColumns,
  mitigationColumns,
  MitigationRow,
  mitigationsOfRisks,
  RiskRow,
  risks,
} from './risk.entity';
import { deleteMitigationUpdates } from './mitigation-progress.service';

/**
 * deleteRisk: a risk entered in error goes with its mitigations (each recorded as deleted with its progress notes), its
 * assessments (kept in its last state) its links to resolutions and to the savings lines it threatened; it then counts in no list,
 * total or matrix. Issues raised from it stay (an issue is a problem that happened, whatever
 * became of the record it came from), with their confidentiality; their fromRisk becomes null,
 * and the risk's last state names them. Those who may edit the risk, open or closed.
 */
export async function deleteRisk(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const edit = (risk: RiskRow) => requireProgrammeEditor(caller, risk.programmeId);
  return deleteVisible(ctx, caller, risks, 'Risk', { id, expectedVersion, reason }, edit, async (tx, risk, why) => {
    const updates = await deleteMitigationUpdates(tx, ctx.scope, { riskId: risk.id });
    const gone = await tx.rows<MitigationRow>(
      sql`DELETE FROM mitigations WHERE organisation_id = ${ctx.scope.org} AND risk_id = ${risk.id}
            RETURNING ${mitigationColumns('mitigations')}`,
    );
    for (const mitigation of gone) {
      const lastState = { ...mitigation, updates: updates.get(mitigation.id) ?? [] };
      await recordDeletion(tx, caller, 'Mitigation', lastState, why);
    }
    const assessments = await tx.rows<AssessmentRow>(
      sql`DELETE FROM risk_assessments WHERE organisation_id = ${ctx.scope.org} AND risk_id = ${risk.id}
            RETURNING ${assessmentColumns('risk_assessments')}`,
    );
    const resolutionIds = await unlinkDeletedTarget(tx, caller, ctx.scope, 'riskId', risk.id);
    const issueIds = await forgetRaisedFrom(tx, caller, ctx.scope, risk.id);
    const savingsLineIds = await unlinkSavingsOfDeletedRisk(tx, caller, ctx.scope, risk.id);
    return { assessments, resolutionIds, issueIds, savingsLineIds };
  });
}

/** deleteMitigation: a mitigation entered in error, with its progress notes (kept in its last state); its risk's version does not change. Those who may edit the risk. */
export async function deleteMitigation(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const edit = (mitigation: { programmeId: string }) => requireProgrammeEditor(caller, mitigation.programmeId);
  const args = { id, expectedVersion, reason };
  return deleteVisible(ctx, caller, mitigationsOfRisks, 'Mitigation', args, edit, async (tx, mitigation) => {
    const updates = await deleteMitigationUpdates(tx, ctx.scope, { mitigationId: mitigation.id });
    return { updates: updates.get(mitigation.id) ?? [] };
  });
}
