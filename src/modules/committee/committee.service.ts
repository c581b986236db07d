import { EntityManager } from 'typeorm';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole, seesConfidential } from '../../auth/permissions';
import { notFound } from '../../errors';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../paging';
import { containsPattern, isId, optionalText, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { CommitteeRow, meetingColumns, MeetingRow, resolutionColumns, resolutionOrder, ResolutionRow } from './committee.entity';

/** Committees, meetings and resolutions are recorded by ADMIN and PROGRAMME_MANAGER callers. */
const RECORDERS = ['ADMIN', 'PROGRAMME_MANAGER'] as const;

export async function listCommittees(ctx: Context): Promise<CommitteeRow[]> {
  const caller = requireCaller(ctx);
  return ctx.db.query(`SELECT id, name FROM committees WHERE organisation_id = $1 ORDER BY name, id`, [caller.organisationId]);
}

export async function createCommittee(ctx: Context, name: string): Promise<CommitteeRow> {
  const caller = requireCaller(ctx);
  const clean = requiredText('name', name, 200);
  requireRole(caller, ...RECORDERS);
  return inTransaction(ctx, async (em) => {
    const [row]: CommitteeRow[] = await em.query(
      `INSERT INTO committees (organisation_id, name) VALUES ($1, $2) RETURNING id, name`,
      [caller.organisationId, clean],
    );
    await recordAudit(em, caller, 'committee.created', 'Committee', row.id, created({ name: clean }));
    return row;
  });
}

export async function createMeeting(ctx: Context, input: { committeeId: string; date: string }): Promise<MeetingRow> {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (em) => {
    const [committee] = isId(input.committeeId)
      ? await em.query(`SELECT id FROM committees WHERE organisation_id = $1 AND id = $2`, [
          caller.organisationId,
          input.committeeId,
        ])
      : [];
    if (!committee) throw notFound('committee');
    requireRole(caller, ...RECORDERS);
    const [row]: MeetingRow[] = await em.query(
      `INSERT INTO meetings (organisation_id, committee_id, date) VALUES ($1, $2, $3) RETURNING ${meetingColumns('meetings')}`,
      [caller.organisationId, input.committeeId, input.date],
    );
    await recordAudit(em, caller, 'meeting.created', 'Meeting', row.id, created(input));
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
  return inTransaction(ctx, async (em) => {
    const [meeting]: MeetingRow[] = isId(input.meetingId)
      ? await em.query(`SELECT ${meetingColumns('m')} FROM meetings m WHERE m.organisation_id = $1 AND m.id = $2`, [
          caller.organisationId,
          input.meetingId,
        ])
      : [];
    if (!meeting) throw notFound('meeting');
    requireRole(caller, ...RECORDERS);
    const [row]: ResolutionRow[] = await em.query(
      `INSERT INTO resolutions (organisation_id, meeting_id, meeting_date, committee_id, agenda_item, number, text)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, ''), $7) RETURNING ${resolutionColumns('resolutions')}`,
      [caller.organisationId, meeting.id, meeting.date, meeting.committeeId, agendaItem, number, text],
    );
    await recordAudit(
      em,
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
 * Resolutions linked to a programme itself or to any of its risks, milestones or savings lines;
 * a link through a confidential risk does not exist for a caller who may not see it.
 */
function linkedToProgramme(programmeParam: string, confidentialToo: boolean): string {
  const via = (table: string, column: string, target: string, extra = '') =>
    `SELECT l.resolution_id FROM ${table} l JOIN ${target} t ON t.organisation_id = l.organisation_id AND t.id = l.${column}
      WHERE l.organisation_id = $1 AND t.programme_id = ${programmeParam}${extra}`;
  return `r.id IN (
    SELECT resolution_id FROM resolution_programmes WHERE organisation_id = $1 AND programme_id = ${programmeParam}
    UNION ${via('resolution_risks', 'risk_id', 'risks', confidentialToo ? '' : ' AND NOT t.confidential')}
    UNION ${via('resolution_milestones', 'milestone_id', 'milestones')}
    UNION ${via('resolution_savings_lines', 'savings_line_id', 'savings_lines')})`;
}

export async function listResolutions(
  ctx: Context,
  args: { filter?: ResolutionFilter | null; first?: number | null; after?: string | null },
) {
  const caller = requireCaller(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor('resolutions', args.after, ['date', 'string', 'string', 'id']);
  const f = args.filter ?? {};
  const params: unknown[] = [caller.organisationId];
  const where = ['r.organisation_id = $1'];
  for (const [field, value] of [
    ['committeeId', f.committeeId],
    ['programmeId', f.programmeId],
  ] as const) {
    if (value != null && !isId(value))
      return connection<ResolutionRow>(
        [],
        first,
        () => '',
        async () => 0,
      );
    if (value != null && field === 'committeeId') where.push(`r.committee_id = $${params.push(value)}`);
    if (value != null && field === 'programmeId')
      where.push(linkedToProgramme(`$${params.push(value)}`, seesConfidential(caller)));
  }
  if (f.from) where.push(`r.meeting_date >= $${params.push(f.from)}`);
  if (f.to) where.push(`r.meeting_date <= $${params.push(f.to)}`);
  if (f.search) {
    const n = params.push(containsPattern(f.search));
    where.push(`(r.text ILIKE $${n} OR r.agenda_item ILIKE $${n})`);
  }
  const filter = where.join(' AND ');
  const countParams = [...params];
  let keyset = '';
  if (cursor) {
    const [date, agenda, number, id] = [
      params.push(cursor[0]),
      params.push(cursor[1]),
      params.push(cursor[2]),
      params.push(cursor[3]),
    ];
    keyset = ` AND (r.meeting_date < $${date}::date OR (r.meeting_date = $${date}::date
               AND (r.agenda_item, r.number_key, r.id) > ($${agenda}::text, $${number}::text, $${id}::uuid)))`;
  }
  const rows: ResolutionRow[] = await ctx.db.query(
    `SELECT ${resolutionColumns('r')} FROM resolutions r WHERE ${filter}${keyset} ORDER BY ${resolutionOrder('r')} LIMIT ${first + 1}`,
    params,
  );
  return connection(
    rows,
    first,
    (r) => encodeCursor('resolutions', [r.meetingDate, r.agendaItem, r.numberKey, r.id]),
    async () =>
      (
        await ctx.loaders.reads.rows<{ n: number }>(`SELECT count(*)::int AS n FROM resolutions r WHERE ${filter}`, countParams)
      )[0].n,
  );
}

/** Reads a resolution inside a transaction. */
export async function findResolution(em: EntityManager, organisationId: string, id: string): Promise<ResolutionRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(`SELECT ${resolutionColumns('r')} FROM resolutions r WHERE r.organisation_id = $1 AND r.id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}
