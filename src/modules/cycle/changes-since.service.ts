import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { badInput } from '../../errors';
import { QueryChangesSinceArgs } from '../../generated/types';
import { isId } from '../../validation';
import { ProgrammeChangesRow } from './changes.entity';

/**
 * changesSince: the programme and the day its changes are counted after (since, or the meeting's
 * date). Exactly one of since and meetingId, checked before anything is read; a programme or
 * meeting the caller cannot see answers null. Programme and meeting are read in one statement.
 */
export async function changesSince(ctx: Context, args: QueryChangesSinceArgs): Promise<ProgrammeChangesRow | null> {
  requireCaller(ctx);
  if ((args.since == null) === (args.meetingId == null)) throw badInput('since', 'Give exactly one of since and meetingId');
  const meetingId = args.meetingId;
  const [programme, meetingDate] = await Promise.all([
    ctx.loaders.programmeById.load(args.programmeId),
    meetingId == null ? args.since! : meetingDateOf(ctx, meetingId),
  ]);
  return programme && meetingDate ? { programme, since: meetingDate } : null;
}

/** The date of a meeting of the caller's organisation; null for any other id. */
async function meetingDateOf(ctx: Context, id: string): Promise<string | null> {
  if (!isId(id)) return null;
  const [meeting] = await ctx.loaders.reads.rows<{ date: string }>(
    sql`SELECT m.date FROM meetings m WHERE m.organisation_id = ${ctx.scope.org} AND m.id = ${id}::uuid`,
  );
  return meeting?.date ?? null;
}
