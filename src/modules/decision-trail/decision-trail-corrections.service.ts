import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { Caller } from '../../auth/caller';
import { Tx } from '../../db/db';
import { findVisible, TableOf } from '../../db/table';
import { badInput } from '../../errors';
import { MutationUpdateResolutionArgs, UpdateResolutionInput } from '../../generated/types';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { diff, recordAudit } from '../audit/audit.service';
import { UpdateEvent, updateVisible } from '../audit/versioned-writes';
import {
  CommitteeRow,
  committees,
  meetingColumns,
  MeetingRow,
  meetings,
  ResolutionRow,
  resolutions,
} from './decision-trail.entity';
import { RECORDERS } from './decision-trail.service';
import { withCommitteeName, withMeetingDate, withResolutionNumber } from './decision-trail.unique';

/**
 * A recorder's correction of a committee or meeting (no version to compare: the minutes decide):
 * the row (NOT_FOUND), the recorder's role (FORBIDDEN), `write`, then the event of what changed.
 */
function correct<Row extends { id: string }>(
  ctx: Context,
  caller: Caller,
  t: TableOf<Row>,
  id: string,
  event: UpdateEvent,
  write: (tx: Tx, before: Row) => Promise<Row>,
): Promise<Row> {
  return inTransaction(ctx, async (tx) => {
    const before = await findVisible(tx, t, ctx.scope, id);
    requireRole(caller, ...RECORDERS);
    const after = await write(tx, before);
    await recordAudit(tx, caller, event.action, event.entityType, before.id, diff(before, after, [...event.fields]));
    return after;
  });
}

/** updateCommittee: corrects a committee's name (stored trimmed). */
export async function updateCommittee(ctx: Context, id: string, name: string): Promise<CommitteeRow> {
  const caller = requireCaller(ctx);
  const clean = requiredText('name', name, 200);
  const updated = { action: 'committee.updated', entityType: 'Committee', fields: ['name'] };
  // a corrected name takes its place among the unique ones, a duplicate kept by the migration too
  return correct(
    ctx,
    caller,
    committees,
    id,
    updated,
    async (tx, before) =>
      (await withCommitteeName(clean, () =>
        tx.one<CommitteeRow>(
          sql`UPDATE committees SET name = ${clean}, kept_duplicate = false WHERE organisation_id = ${ctx.scope.org} AND id = ${before.id}
            RETURNING id, name`,
        ),
      ))!,
  );
}

/**
 * updateMeeting: corrects the day a committee met. Its resolutions carry a copy of the date (their
 * list's order); the copies move with it, in the same transaction, without changing their versions.
 */
export async function updateMeeting(ctx: Context, id: string, date: string): Promise<MeetingRow> {
  const caller = requireCaller(ctx);
  const updated = { action: 'meeting.updated', entityType: 'Meeting', fields: ['date'] };
  return correct(ctx, caller, meetings, id, updated, async (tx, before) => {
    const after = (await withMeetingDate(date, () =>
      tx.one<MeetingRow>(
        sql`UPDATE meetings SET date = ${date}, kept_duplicate = false WHERE organisation_id = ${ctx.scope.org} AND id = ${before.id}
            RETURNING ${meetingColumns('meetings')}`,
      ),
    ))!;
    await tx.execute(
      sql`UPDATE resolutions SET meeting_date = ${date} WHERE organisation_id = ${ctx.scope.org} AND meeting_id = ${before.id}`,
    );
    return after;
  });
}

const EDITABLE = ['agendaItem', 'number', 'text'] as const;

/**
 * The columns to set: absent fields stay; agendaItem and text cannot be null; a blank or null
 * number is cleared. A corrected agenda item or number takes its place among the unique numbers,
 * that of a duplicate kept by the migration too.
 */
function cleanUpdate(input: UpdateResolutionInput): Record<string, string | boolean> {
  const sets: Record<string, string | boolean> = {};
  for (const field of presentKeys(input)) {
    const value = input[field];
    if (field === 'number') sets.number = optionalText('number', value, 20) ?? '';
    else if (value === null) throw badInput(field, `${field} cannot be null`);
    else if (field === 'agendaItem') sets.agenda_item = requiredText('agendaItem', value!, 500);
    else if (field === 'text') sets.text = requiredText('text', value!, 20_000);
  }
  if ('number' in sets || 'agenda_item' in sets) sets.kept_duplicate = false;
  return sets;
}

/** updateResolution: corrects what was minuted (compare-and-set); its kind, outcome and links stay. */
export async function updateResolution(ctx: Context, { input, ...args }: MutationUpdateResolutionArgs): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  const sets = cleanUpdate(input);
  const updated = { action: 'resolution.updated', entityType: 'Resolution', fields: EDITABLE };
  return withResolutionNumber(() =>
    updateVisible(ctx, caller, resolutions, args, updated, () => {
      requireRole(caller, ...RECORDERS);
      return sets;
    }),
  );
}
