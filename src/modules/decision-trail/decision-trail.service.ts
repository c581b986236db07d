import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Scope } from '../../auth/scope';
import { ident, join, Param, param, Sql, sql } from '../../db/sql';
import { findVisible, hiddenFrom, listPage, pageArgs, visibleTo } from '../../db/table';
import { containsPattern, isId, optionalText, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import {
  CommitteeRow,
  committees,
  meetingColumns,
  MeetingRow,
  meetings,
  resolutionColumns,
  ResolutionRow,
  resolutions,
} from './decision-trail.entity';
import { LINK_TARGETS } from './link-targets';

/** Committees, meetings and resolutions are recorded by ADMIN and PROGRAMME_MANAGER callers. */
const RECORDERS = ['ADMIN', 'PROGRAMME_MANAGER'] as const;

export async function listCommittees(ctx: Context): Promise<CommitteeRow[]> {
  requireCaller(ctx);
  return ctx.db.rows(sql`SELECT id, name FROM committees WHERE organisation_id = ${ctx.scope.org} ORDER BY name, id`);
}

export async function createCommittee(ctx: Context, name: string): Promise<CommitteeRow> {
  const caller = requireCaller(ctx);
  const clean = requiredText('name', name, 200);
  requireRole(caller, ...RECORDERS);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.rows<CommitteeRow>(
      sql`INSERT INTO committees (organisation_id, name) VALUES (${caller.organisationId}, ${clean}) RETURNING id, name`,
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
    const [row] = await tx.rows<MeetingRow>(
      sql`INSERT INTO meetings (organisation_id, committee_id, date) VALUES (${caller.organisationId}, ${committee.id}, ${input.date})
       RETURNING ${meetingColumns('meetings')}`,
    );
    await recordAudit(tx, caller, 'meeting.created', 'Meeting', row.id, created(input));
    return row;
  });
}

export async function recordResolution(
  ctx: Context,
  input: { meetingId: string; agendaItem: string; number?: string | null; text: string },
): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  const agendaItem = requiredText('agendaItem', input.agendaItem, 500);
  const text = requiredText('text', input.text, 20_000);
  const number = optionalText('number', input.number, 20) ?? null;
  return inTransaction(ctx, async (tx) => {
    const meeting = await findVisible(tx, meetings, ctx.scope, input.meetingId);
    requireRole(caller, ...RECORDERS);
    const [row] = await tx.rows<ResolutionRow>(
      sql`INSERT INTO resolutions (organisation_id, meeting_id, meeting_date, committee_id, agenda_item, number, text)
       VALUES (${caller.organisationId}, ${meeting.id}, ${meeting.date}, ${meeting.committeeId}, ${agendaItem}, coalesce(${number}, ''), ${text})
       RETURNING ${resolutionColumns('resolutions')}`,
    );
    await recordAudit(
      tx,
      caller,
      'resolution.recorded',
      'Resolution',
      row.id,
      created({ meetingId: meeting.id, agendaItem, number, text }),
    );
    return row;
  });
}

export interface ResolutionFilter {
  committeeId?: string | null;
  programmeId?: string | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

/**
 * Resolutions linked to a programme itself or to anything of it (LINK_TARGETS: its risks,
 * milestones, savings lines); a link to something the scope may not see (a confidential risk)
 * does not exist for it.
 */
function linkedToProgramme(scope: Scope, programme: Param): Sql {
  const links = LINK_TARGETS.map((t) =>
    t.programme === 'id'
      ? sql`SELECT resolution_id FROM ${ident(t.links)} WHERE organisation_id = ${scope.org} AND ${ident(t.column)} = ${programme}`
      : sql`SELECT l.resolution_id FROM ${ident(t.links)} l JOIN ${ident(t.table.table)} t ON t.organisation_id = l.organisation_id AND t.id = l.${ident(t.column)}
      WHERE l.organisation_id = ${scope.org} AND t.${ident(t.programme)} = ${programme}${hiddenFrom(t.table, scope, 't')}`,
  );
  return sql`r.id IN (
    ${join(links, '\n    UNION ')})`;
}

export async function listResolutions(
  ctx: Context,
  args: { filter?: ResolutionFilter | null; first?: number | null; after?: string | null },
) {
  requireCaller(ctx);
  const page = pageArgs(resolutions, args);
  const f = args.filter ?? {};
  const { scope } = ctx;
  if ([f.committeeId, f.programmeId].some((id) => id != null && !isId(id))) return listPage(ctx, resolutions, page, null);
  const where = [visibleTo(resolutions, scope)];
  if (f.committeeId != null) where.push(sql`r.committee_id = ${f.committeeId}`);
  if (f.programmeId != null) where.push(linkedToProgramme(scope, param(f.programmeId)));
  if (f.from) where.push(sql`r.meeting_date >= ${f.from}`);
  if (f.to) where.push(sql`r.meeting_date <= ${f.to}`);
  if (f.search) {
    const pattern = param(containsPattern(f.search));
    where.push(sql`(r.text ILIKE ${pattern} OR r.agenda_item ILIKE ${pattern})`);
  }
  return listPage(ctx, resolutions, page, join(where, ' AND '));
}
