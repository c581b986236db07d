import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { londonToday } from '../../values/calendar-date';
import { requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import {
  MitigationRow,
  mitigationsOfRisks,
  mitigationUpdateColumns,
  mitigationUpdateOrder,
  MitigationUpdateRow,
} from './risk.entity';

/**
 * addMitigationUpdate: a progress note on a mitigation, dated today (Europe/London) and signed
 * with the caller's email. Those who may edit the risk; like adding a mitigation to a risk, it
 * leaves the mitigation's version alone (no one's expectedVersion goes stale by a note).
 */
export async function addMitigationUpdate(ctx: Context, mitigationId: string, note: string): Promise<MitigationRow> {
  const caller = requireCaller(ctx);
  const text = requiredText('note', note, 2000);
  return inTransaction(ctx, async (tx) => {
    const { programmeId, ...mitigation } = await findVisible(tx, mitigationsOfRisks, ctx.scope, mitigationId, {
      holdKey: true,
    });
    requireProgrammeEditor(caller, programmeId);
    const on = londonToday();
    await tx.execute(
      sql`INSERT INTO mitigation_updates (organisation_id, mitigation_id, on_date, note, recorded_by)
       VALUES (${caller.organisationId}, ${mitigation.id}, ${on}, ${text}, ${caller.email})`,
    );
    await recordAudit(tx, caller, 'mitigation.progressNoted', 'Mitigation', mitigation.id, created({ on, note: text }));
    return mitigation;
  });
}

/**
 * Deletes the progress notes of one mitigation, or of every mitigation of one risk (about to be
 * deleted themselves), and answers them by mitigation, newest first, for the deletions' last states.
 */
export async function deleteMitigationUpdates(tx: Tx, scope: Scope, of: { mitigationId: string } | { riskId: string }) {
  const which =
    'mitigationId' in of
      ? sql`u.mitigation_id = ${of.mitigationId}::uuid`
      : sql`u.mitigation_id IN (SELECT m.id FROM mitigations m WHERE m.organisation_id = ${scope.org} AND m.risk_id = ${of.riskId}::uuid)`;
  const gone = await tx.rows<MitigationUpdateRow & { mitigationId: string }>(
    sql`WITH gone AS (DELETE FROM mitigation_updates u WHERE u.organisation_id = ${scope.org} AND ${which} RETURNING u.*)
        SELECT u.mitigation_id AS "mitigationId", ${mitigationUpdateColumns('u')} FROM gone u ORDER BY ${mitigationUpdateOrder('u')}`,
  );
  const byMitigation = new Map<string, MitigationUpdateRow[]>();
  for (const { mitigationId, ...update } of gone)
    byMitigation.set(mitigationId, [...(byMitigation.get(mitigationId) ?? []), update]);
  return byMitigation;
}
