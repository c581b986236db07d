import { Caller } from '../../auth/caller';
import { Scope } from '../../auth/scope';
import { Context, inTransaction } from '../../context';
import { Tx } from '../../db/db';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { raw, sql } from '../../db/sql';
import { badInput } from '../../errors';
import { londonToday } from '../../values/calendar-date';
import { notInFuture, requiredText } from '../../validation';
import { updateAudited, UpdateEvent, updateVisible } from '../audit/versioned-writes';
import { RiskRow, risks } from './risk.entity';
import { riskToChange } from './risk-write.service';

const CLOSURE = ['status', 'closedOn', 'closedReason'];

/** closeRisk: dated (today unless given), not in the future, not before the current assessment. */
export async function closeRisk(
  ctx: Context,
  id: string,
  expectedVersion: number,
  reason: string,
  closedOn: string | null | undefined,
): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const closedReason = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const before = await riskToChange(tx, caller, ctx.scope, id, 'id');
    return closeInTransaction(tx, caller, ctx.scope, before, expectedVersion, closedReason, {
      field: 'closedOn',
      on: closedOn ?? londonToday(),
    });
  });
}

/**
 * Closes an open risk the caller may edit (riskToChange) inside the caller's transaction, with its
 * version compared and the event audited: closeRisk's rules, shared with raiseIssueFromRisk. The
 * closing date is `closing.on`, which a BAD_USER_INPUT blames as `closing.field`.
 */
export async function closeInTransaction(
  tx: Tx,
  caller: Caller,
  scope: Scope,
  before: RiskRow,
  expectedVersion: number,
  closedReason: string,
  closing: { field: string; on: string },
): Promise<RiskRow> {
  const on = notInFuture(closing.field, closing.on);
  // the current assessment is the one with the latest assessedOn
  const { assessedOn } = (await tx.one<{ assessedOn: string }>(
    sql`SELECT max(a.assessed_on) AS "assessedOn" FROM risk_assessments a WHERE a.organisation_id = ${scope.org} AND a.risk_id = ${before.id}`,
  ))!;
  if (on < assessedOn)
    throw badInput(closing.field, `${closing.field} cannot be before the risk's current assessment (${assessedOn})`);
  const closure = { status: raw("'CLOSED'"), closed_on: on, closed_reason: closedReason };
  return updateAudited(tx, caller, scope, risks, before, expectedVersion, closure, {
    action: 'risk.closed',
    entityType: 'Risk',
    fields: CLOSURE,
  });
}

/** reopenRisk: a CLOSED risk is OPEN again, without its closure; the reason stays in the audit trail. */
export async function reopenRisk(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const why = requiredText('reason', reason, 2000);
  const reopened: UpdateEvent = { action: 'risk.reopened', entityType: 'Risk', fields: CLOSURE, also: { reason: [null, why] } };
  return updateVisible(ctx, caller, risks, { id, expectedVersion }, reopened, (before) => {
    requireProgrammeEditor(caller, before.programmeId);
    if (before.status === 'OPEN') throw badInput('id', 'The risk is open: only a CLOSED risk is reopened');
    return { status: raw("'OPEN'"), closed_on: null, closed_reason: null };
  });
}
