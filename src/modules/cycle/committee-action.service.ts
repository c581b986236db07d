import { Caller } from '../../auth/caller';
import { requireCaller, requireProgrammeEditor, requireRole } from '../../auth/permissions';
import { Context, inTransaction } from '../../context';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput } from '../../errors';
import { CommitteeActionInput, MutationUpdateCommitteeActionArgs } from '../../generated/types';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { updateVisible } from '../audit/versioned-writes';
import { committees, meetings, resolutions } from '../decision-trail/decision-trail.entity';
import { programmes } from '../programme/programme.entity';
import { completedOnAfter } from './action-completion';
import { ActionRecord, actionRecords, CommitteeActionRow, committeeActions } from './committee-action.entity';

const TEXT_MAX = 2000;
const OWNER_MAX = 200;

/**
 * Committee actions are recorded and updated by ADMIN and PROGRAMME_MANAGER callers; a
 * PROGRAMME_MANAGER only for its own programmes, or for an action about no programme.
 */
function requireActionRecorder(caller: Caller, programmeId: string | null): void {
  requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
  if (programmeId) requireProgrammeEditor(caller, programmeId);
}

/** recordCommitteeAction: an OPEN action given at a meeting, optionally from one of its resolutions. */
export async function recordCommitteeAction(ctx: Context, input: CommitteeActionInput): Promise<CommitteeActionRow> {
  const caller = requireCaller(ctx);
  const text = requiredText('text', input.text, TEXT_MAX);
  const owner = optionalText('owner', input.owner, OWNER_MAX) ?? null;
  return inTransaction(ctx, async (tx) => {
    const meeting = await findVisible(tx, meetings, ctx.scope, input.meetingId);
    // held: a concurrent deleteResolution waits for this action, then clears it from it
    const resolution =
      input.resolutionId != null ? await findVisible(tx, resolutions, ctx.scope, input.resolutionId, { holdKey: true }) : null;
    const programme = input.programmeId != null ? await findVisible(tx, programmes, ctx.scope, input.programmeId) : null;
    const reportTo =
      input.reportToCommitteeId != null ? await findVisible(tx, committees, ctx.scope, input.reportToCommitteeId) : null;
    requireActionRecorder(caller, programme?.id ?? null);
    if (resolution && resolution.meetingId !== meeting.id) {
      throw badInput('resolutionId', 'The resolution is not of that meeting');
    }
    const values = {
      meetingId: meeting.id,
      resolutionId: resolution?.id ?? null,
      programmeId: programme?.id ?? null,
      text,
      owner,
      dueDate: input.dueDate ?? null,
      reportToCommitteeId: reportTo?.id ?? null,
    };
    const record = (await tx.one<ActionRecord>(
      sql`INSERT INTO committee_actions (organisation_id, meeting_id, resolution_id, programme_id, text, owner, due_date, report_to_committee_id)
          VALUES (${ctx.scope.org}, ${values.meetingId}, ${values.resolutionId}, ${values.programmeId}, ${text}, ${owner},
                  ${values.dueDate}, ${values.reportToCommitteeId})
          RETURNING ${actionRecords.columns('committee_actions')}`,
    ))!;
    await recordAudit(
      tx,
      caller,
      'committeeAction.recorded',
      'CommitteeAction',
      record.id,
      created({ ...values, status: record.status }),
    );
    return { ...record, meetingDate: meeting.date, committeeId: meeting.committeeId };
  });
}

const AUDITED = ['text', 'owner', 'dueDate', 'status', 'completedOn'];
const COLUMN = { text: 'text', owner: 'owner', dueDate: 'due_date', status: 'status', completedOn: 'completed_on' } as const;

/** The values of an update, malformed ones refused: text and status may not be null; blank owner is none. */
function cleanUpdate(input: MutationUpdateCommitteeActionArgs['input']) {
  if (input.text === null) throw badInput('text', 'text cannot be null');
  if (input.status === null) throw badInput('status', 'status cannot be null');
  return {
    text: input.text === undefined ? undefined : requiredText('text', input.text, TEXT_MAX),
    owner: optionalText('owner', input.owner, OWNER_MAX),
    dueDate: input.dueDate,
    status: input.status,
    completedOn: input.completedOn,
  };
}

const UPDATED = { action: 'committeeAction.updated', entityType: 'CommitteeAction', fields: AUDITED };

/** updateCommitteeAction: versioned; DONE needs a completedOn, given or already set. */
export async function updateCommitteeAction(
  ctx: Context,
  { input, ...args }: MutationUpdateCommitteeActionArgs,
): Promise<CommitteeActionRow> {
  const caller = requireCaller(ctx);
  const values = cleanUpdate(input);
  return updateVisible(ctx, caller, committeeActions, args, UPDATED, (before) => {
    requireActionRecorder(caller, before.programmeId);
    completedOnAfter(before, values);
    return Object.fromEntries(presentKeys(values).map((field) => [COLUMN[field], values[field]]));
  });
}
