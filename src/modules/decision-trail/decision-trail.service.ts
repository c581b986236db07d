import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { Tx } from '../../db/db';
import { badInput } from '../../errors';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Param, param, sql } from '../../db/sql';
import { findVisible, listFiltered } from '../../db/table';
import { containsPattern, optionalText, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import {
  CommitteeRow,
  committees,
  meetingColumns,
  MeetingRow,
  meetings,
  resolutionColumns,
  ResolutionKind,
  ResolutionRow,
  resolutions,
} from './decision-trail.entity';
import { withCommitteeName, withMeetingDate, withResolutionNumber } from './decision-trail.unique';
import { linkedToProgramme } from './link-targets';
import { QueryResolutionsArgs, ResolutionInput } from '../../generated/types';

/** Committees, meetings and resolutions are recorded by ADMIN and PROGRAMME_MANAGER callers. */
export const RECORDERS = ['ADMIN', 'PROGRAMME_MANAGER'] as const;

export async function listCommittees(ctx: Context): Promise<CommitteeRow[]> {
  requireCaller(ctx);
  return ctx.db.rows(sql`SELECT id, name FROM committees WHERE organisation_id = ${ctx.scope.org} ORDER BY name, id`);
}

export async function createCommittee(ctx: Context, name: string): Promise<CommitteeRow> {
  const caller = requireCaller(ctx);
  const clean = requiredText('name', name, 200);
  requireRole(caller, ...RECORDERS);
  return inTransaction(ctx, async (tx) => {
    const [row] = await withCommitteeName(clean, () =>
      tx.rows<CommitteeRow>(
        sql`INSERT INTO committees (organisation_id, name) VALUES (${caller.organisationId}, ${clean}) RETURNING id, name`,
      ),
    );
    await recordAudit(tx, caller, 'committee.created', 'Committee', row.id, created({ name: clean }));
    return row;
  });
}

export async function createMeeting(ctx: Context, input: { committeeId: string; date: string }): Promise<MeetingRow> {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (tx) => {
    const committee = await findVisible(tx, committees, ctx.scope, input.committeeId);
    requireRole(caller, ...RECORDERS);
    const [row] = await withMeetingDate(input.date, () =>
      tx.rows<MeetingRow>(
        sql`INSERT INTO meetings (organisation_id, committee_id, date) VALUES (${caller.organisationId}, ${committee.id}, ${input.date})
         RETURNING ${meetingColumns('meetings')}`,
      ),
    );
    await recordAudit(tx, caller, 'meeting.created', 'Meeting', row.id, created(input));
    return row;
  });
}

export async function recordResolution(ctx: Context, input: ResolutionInput): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  const agendaItem = requiredText('agendaItem', input.agendaItem, 500);
  const text = requiredText('text', input.text, 20_000);
  const number = optionalText('number', input.number, 20) ?? null;
  const kind = input.kind ?? 'DECISION';
  if (input.referredToCommitteeId != null && kind !== 'RECOMMENDATION') {
    throw badInput('referredToCommitteeId', 'Only a RECOMMENDATION is referred to a committee');
  }
  return inTransaction(ctx, async (tx) => {
    const meeting = await findVisible(tx, meetings, ctx.scope, input.meetingId);
    const referredTo =
      input.referredToCommitteeId != null ? (await findVisible(tx, committees, ctx.scope, input.referredToCommitteeId)).id : null;
    requireRole(caller, ...RECORDERS);
    const given = [{ agendaItem, number, text, kind, referredTo }];
    const written = await insertResolutions(tx, ctx.scope.org, meeting, given);
    await auditRecorded(tx, caller, meeting.id, written, given);
    return written[0];
  });
}

/** A resolution to write on a meeting. */
export interface NewResolution {
  agendaItem: string;
  number: string | null;
  text: string;
  kind: ResolutionKind;
  referredTo: string | null;
}

/** The audit event of each resolution written (in the order given), with what it came from when not typed in (`source`). */
export async function auditRecorded(
  tx: Tx,
  caller: Caller,
  meetingId: string,
  written: ResolutionRow[],
  given: NewResolution[],
  source?: string,
): Promise<void> {
  for (const [i, row] of written.entries()) {
    const r = given[i];
    const values = {
      meetingId,
      agendaItem: r.agendaItem,
      number: r.number,
      text: r.text,
      kind: r.kind,
      referredToCommitteeId: r.referredTo,
    };
    await recordAudit(tx, caller, 'resolution.recorded', 'Resolution', row.id, created(source ? { ...values, source } : values));
  }
}

/** Writes resolutions on a meeting in one statement; returned in the order given. A number taken in the item is CONFLICT. */
export async function insertResolutions(
  tx: Tx,
  org: Param,
  meeting: MeetingRow,
  list: NewResolution[],
): Promise<ResolutionRow[]> {
  const col = <K extends keyof NewResolution>(k: K) => list.map((r) => r[k]);
  return withResolutionNumber(() =>
    tx.rows<ResolutionRow>(
      sql`INSERT INTO resolutions (organisation_id, meeting_id, meeting_date, committee_id, agenda_item, number, text, kind,
          referred_to_committee_id, outcome)
        SELECT ${org}, ${meeting.id}::uuid, ${meeting.date}::date, ${meeting.committeeId}::uuid, n.agenda_item, coalesce(n.number, ''),
          n.text, n.kind, n.referred_to, CASE WHEN n.kind = 'RECOMMENDATION' THEN 'PENDING' END
          FROM unnest(${col('agendaItem')}::text[], ${col('number')}::text[], ${col('text')}::text[], ${col('kind')}::text[],
                      ${col('referredTo')}::uuid[]) WITH ORDINALITY AS n(agenda_item, number, text, kind, referred_to, position)
         ORDER BY n.position
       RETURNING ${resolutionColumns('resolutions')}`,
    ),
  );
}

/** The resolution's text or agenda item contains `search` (one pattern parameter, written twice). */
function textContains(search: string) {
  const pattern = param(containsPattern(search));
  return sql`(r.text ILIKE ${pattern} OR r.agenda_item ILIKE ${pattern})`;
}

export async function listResolutions(ctx: Context, args: QueryResolutionsArgs) {
  requireCaller(ctx);
  const f = args.filter ?? {};
  return listFiltered(ctx, resolutions, args, [f.committeeId, f.programmeId], () => [
    f.committeeId != null && sql`r.committee_id = ${f.committeeId}`,
    !!f.kind && sql`r.kind = ANY(${f.kind}::text[])`,
    !!f.outcome && sql`r.outcome = ANY(${f.outcome}::text[])`,
    f.programmeId != null && linkedToProgramme(ctx.scope, param(f.programmeId)),
    !!f.from && sql`r.meeting_date >= ${f.from}`,
    !!f.to && sql`r.meeting_date <= ${f.to}`,
    !!f.search && textContains(f.search),
  ]);
}
