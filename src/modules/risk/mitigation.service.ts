import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { badInput, conflict, notFound } from '../../errors';
import { londonToday } from '../../values/calendar-date';
import { isId, optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { callerScope, mitigationColumns, MitigationRow, visibleRisks } from './risk.entity';
import { riskToChange } from './risk-write.service';

type MitigationStatus = MitigationRow['status'];

interface MitigationInput {
  action: string;
  owner?: string | null;
  dueDate?: string | null;
  status?: MitigationStatus | null;
}

interface UpdateMitigationInput {
  action?: string | null;
  owner?: string | null;
  dueDate?: string | null;
  status?: MitigationStatus | null;
  completedOn?: string | null;
}

const AUDITED = ['action', 'owner', 'dueDate', 'status', 'completedOn'];

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
  return inTransaction(ctx, async (em) => {
    const risk = await riskToChange(em, caller, riskId, 'riskId', null);
    const [row]: MitigationRow[] = await em.query(
      `INSERT INTO mitigations (organisation_id, risk_id, action, owner, due_date, status, completed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${mitigationColumns('mitigations')}`,
      [caller.organisationId, risk.id, action, owner, input.dueDate ?? null, status, completion(status, null, false)],
    );
    const { id, version, ...values } = row;
    await recordAudit(em, caller, 'mitigation.added', 'Mitigation', id, created(values));
    return row;
  });
}

export async function updateMitigation(
  ctx: Context,
  id: string,
  expectedVersion: number,
  input: UpdateMitigationInput,
): Promise<MitigationRow> {
  const caller = requireCaller(ctx);
  if (input.action === null) throw badInput('action', 'action cannot be null');
  if (input.status === null) throw badInput('status', 'status cannot be null');
  const values: Record<string, unknown> = {
    action: input.action === undefined ? undefined : requiredText('action', input.action, 2000),
    owner: optionalText('owner', input.owner, 200),
    due_date: input.dueDate,
    status: input.status,
  };
  return inTransaction(ctx, async (em) => {
    const scope = callerScope(caller);
    const [before]: (MitigationRow & { programmeId: string })[] = isId(id)
      ? await em.query(
          `SELECT ${mitigationColumns('m')}, r.programme_id AS "programmeId"
             FROM mitigations m JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id
            WHERE ${visibleRisks('r', scope)} AND m.id = $2`,
          [caller.organisationId, id],
        )
      : [];
    if (!before) throw notFound('mitigation');
    requireProgrammeEditor(caller, before.programmeId);
    const status = input.status ?? before.status;
    const given = input.completedOn !== undefined;
    values.completed_on = completion(status, given ? input.completedOn : before.completedOn, given);
    if (before.version !== expectedVersion)
      throw conflict(`The mitigation is at version ${before.version}, not ${expectedVersion}`);
    const params: unknown[] = [caller.organisationId, before.id, expectedVersion];
    const sets = presentKeys(values).map((column) => `${column} = $${params.push(values[column])}`);
    const [[after]]: [MitigationRow[], number] = await em.query(
      `UPDATE mitigations SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE organisation_id = $1 AND id = $2 AND version = $3 RETURNING ${mitigationColumns('mitigations')}`,
      params,
    );
    if (!after) throw conflict('The mitigation was changed by someone else; reload it and try again');
    await recordAudit(em, caller, 'mitigation.updated', 'Mitigation', before.id, diff(before, after, AUDITED));
    return after;
  });
}
