import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { MutationReportProgrammeHealthArgs } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { notInFuture, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { ProgrammeRow, programmes } from './programme.entity';

/**
 * reportProgrammeHealth: a RAG report on the programme as a whole, for a business day up to today
 * (Europe/London), signed with the caller's email. Those who may edit the programme's risks.
 * Like addMitigationUpdate's note on a mitigation, a report hangs from the programme without
 * changing it: the programme's version (and updatedAt) stay, so no one's expectedVersion goes
 * stale by a report, as the contract keeps versions for mutations that take expectedVersion.
 */
export async function reportProgrammeHealth(ctx: Context, args: MutationReportProgrammeHealthArgs): Promise<ProgrammeRow> {
  const caller = requireCaller(ctx);
  const commentary = requiredText('commentary', args.commentary, 2000);
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, args.programmeId, { holdKey: true });
    requireProgrammeEditor(caller, programme.id);
    const asOf = notInFuture('asOf', args.asOf ?? londonToday());
    await tx.execute(
      sql`INSERT INTO programme_health_reports (organisation_id, programme_id, rating, commentary, as_of, recorded_by)
          VALUES (${caller.organisationId}, ${programme.id}, ${args.rating}, ${commentary}, ${asOf}, ${caller.email})`,
    );
    const report = { rating: args.rating, commentary, asOf };
    await recordAudit(tx, caller, 'programme.healthReported', 'Programme', programme.id, created(report));
    return programme;
  });
}
