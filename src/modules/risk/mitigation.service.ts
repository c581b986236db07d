import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { param, sql } from '../../db/sql';
import { badInput } from '../../errors';
import { londonToday } from '../../values/calendar-date';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { updateVisible } from '../audit/versioned-writes';
import { mitigationColumns, MitigationRow, mitigationsOfRisks } from './risk.entity';
import { riskToChange } from './risk-write.service';
import { baselineAfter, checkEffectiveness, initialEffectiveness } from './mitigation-kind';
import { MitigationInput, MutationUpdateMitigationArgs } from '../../generated/types';

type MitigationStatus = MitigationRow['status'];

const AUDITED = ['action', 'owner', 'dueDate', 'baselineDueDate', 'status', 'completedOn', 'effectiveness'];

/** A COMPLETE mitigation has a completion date (today unless given); no other status has one. */
function completion(status: MitigationStatus, completedOn: string | null | undefined, given: boolean): string | null {
  if (status === 'COMPLETE') return completedOn ?? londonToday();
  if (given && completedOn) throw badInput('completedOn', 'Only a COMPLETE mitigation has a completion date');
  return null;
}

/** addMitigation: a new action on an open risk; the risk's version does not move. */
export async function addMitigation(ctx: Context, riskId: string, input: MitigationInput): Promise<MitigationRow> {
  const caller = requireCaller(ctx);
  const action = requiredText('action', input.action, 2000);
  const owner = optionalText('owner', input.owner, 200) ?? null;
  const status = input.status ?? 'PLANNED';
  const kind = input.kind ?? 'ACTION';
  const effectiveness = initialEffectiveness(kind);
  const dueDate = param(input.dueDate ?? null);
  return inTransaction(ctx, async (tx) => {
    const risk = await riskToChange(tx, caller, ctx.scope, riskId, 'riskId');
    const [row] = await tx.rows<MitigationRow>(
      sql`INSERT INTO mitigations (organisation_id, risk_id, action, owner, due_date, baseline_due_date, status, completed_on, kind, effectiveness)
       VALUES (${caller.organisationId}, ${risk.id}, ${action}, ${owner}, ${dueDate}, ${dueDate}, ${status},
               ${completion(status, null, false)}, ${kind}, ${effectiveness})
       RETURNING ${mitigationColumns('mitigations')}`,
    );
    const { id, version, ...values } = row;
    await recordAudit(tx, caller, 'mitigation.added', 'Mitigation', id, created(values));
    return row;
  });
}

const UPDATED = { action: 'mitigation.updated', entityType: 'Mitigation', fields: AUDITED };

export async function updateMitigation(ctx: Context, { input, ...args }: MutationUpdateMitigationArgs): Promise<MitigationRow> {
  const caller = requireCaller(ctx);
  if (input.action === null) throw badInput('action', 'action cannot be null');
  if (input.status === null) throw badInput('status', 'status cannot be null');
  // a malformed value, refused before NOT_FOUND; rating an ACTION is a business rule, after FORBIDDEN
  if (input.effectiveness === null) throw badInput('effectiveness', 'effectiveness cannot be null');
  const values: Record<string, unknown> = {
    action: input.action === undefined ? undefined : requiredText('action', input.action, 2000),
    owner: optionalText('owner', input.owner, 200),
    due_date: input.dueDate,
    status: input.status,
  };
  return updateVisible(ctx, caller, mitigationsOfRisks, args, UPDATED, (before) => {
    requireProgrammeEditor(caller, before.programmeId);
    values.effectiveness = checkEffectiveness(before.kind, input.effectiveness);
    values.baseline_due_date = baselineAfter(before.baselineDueDate, input.dueDate);
    const status = input.status ?? before.status;
    const given = input.completedOn !== undefined;
    values.completed_on = completion(status, given ? input.completedOn : before.completedOn, given);
    return Object.fromEntries(presentKeys(values).map((column) => [column, values[column]]));
  });
}
