import { EntityManager } from 'typeorm';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { badInput, conflict, notFound } from '../../errors';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../paging';
import { isId, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { findProgramme } from '../programme/programme.service';
import { milestoneColumns, milestoneDueDate, milestoneOrder, MilestoneRow, MilestoneStatus } from './milestone.entity';

export interface MilestoneFilter {
  programmeId?: string | null;
  status?: MilestoneStatus[] | null;
  slipped?: boolean | null;
  dueBefore?: string | null;
}

/** `milestones`: filtered, ordered by forecast date then title, keyset-paginated. */
export async function listMilestones(
  ctx: Context,
  args: { filter?: MilestoneFilter | null; first?: number | null; after?: string | null },
) {
  const caller = requireCaller(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor('milestones', args.after, ['date', 'string', 'id']);
  const f = args.filter ?? {};
  if (f.programmeId != null && !isId(f.programmeId))
    return connection<MilestoneRow>(
      [],
      first,
      () => '',
      async () => 0,
    );
  const params: unknown[] = [caller.organisationId];
  const where = ['m.organisation_id = $1'];
  if (f.programmeId != null) where.push(`m.programme_id = $${params.push(f.programmeId)}`);
  if (f.status != null) where.push(`m.status = ANY($${params.push(f.status)}::text[])`);
  // slippageDays > 0 exactly when the due date is after the baseline (see slippage.ts)
  if (f.slipped != null) where.push(`${milestoneDueDate('m')} ${f.slipped ? '>' : '<='} m.baseline_date`);
  if (f.dueBefore != null) where.push(`${milestoneDueDate('m')} < $${params.push(f.dueBefore)}::date`);
  const filter = where.join(' AND ');
  const countParams = [...params];
  let keyset = '';
  if (cursor) {
    const [date, title, id] = [params.push(cursor[0]), params.push(cursor[1]), params.push(cursor[2])];
    keyset = ` AND (m.forecast_date, m.title, m.id) > ($${date}::date, $${title}::text, $${id}::uuid)`;
  }
  const rows: MilestoneRow[] = await ctx.db.query(
    `SELECT ${milestoneColumns('m')} FROM milestones m WHERE ${filter}${keyset} ORDER BY ${milestoneOrder('m')} LIMIT ${first + 1}`,
    params,
  );
  return connection(
    rows,
    first,
    (row) => encodeCursor('milestones', [row.forecastDate, row.title, row.id]),
    async () =>
      (await ctx.loaders.reads.rows<{ n: number }>(`SELECT count(*)::int AS n FROM milestones m WHERE ${filter}`, countParams))[0]
        .n,
  );
}

/** Reads a milestone inside a transaction (never through a loader there). */
export async function findMilestone(em: EntityManager, organisationId: string, id: string): Promise<MilestoneRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(`SELECT ${milestoneColumns('m')} FROM milestones m WHERE m.organisation_id = $1 AND m.id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}

interface CreateMilestoneInput {
  programmeId: string;
  title: string;
  baselineDate: string;
  forecastDate?: string | null;
}

export async function createMilestone(ctx: Context, input: CreateMilestoneInput): Promise<MilestoneRow> {
  const caller = requireCaller(ctx);
  const title = requiredText('title', input.title, 500);
  // forecastDate defaults to the baseline: absent and null alike (the field is optional here)
  const forecastDate = input.forecastDate ?? input.baselineDate;
  return inTransaction(ctx, async (em) => {
    const programme = await findProgramme(em, caller.organisationId, input.programmeId);
    if (!programme) throw notFound('programme');
    requireProgrammeEditor(caller, programme.id);
    const [row]: MilestoneRow[] = await em.query(
      `INSERT INTO milestones (organisation_id, programme_id, title, baseline_date, forecast_date)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${milestoneColumns('milestones')}`,
      [caller.organisationId, programme.id, title, input.baselineDate, forecastDate],
    );
    const { id, version, ...values } = row;
    await recordAudit(em, caller, 'milestone.created', 'Milestone', id, created(values));
    return row;
  });
}

interface UpdateMilestoneInput {
  title?: string | null;
  forecastDate?: string | null;
  actualDate?: string | null;
  status?: MilestoneStatus | null;
}

const EDITABLE = ['title', 'forecastDate', 'actualDate', 'status'] as const;
const COLUMN: Record<(typeof EDITABLE)[number], string> = {
  title: 'title',
  forecastDate: 'forecast_date',
  actualDate: 'actual_date',
  status: 'status',
};

/** Malformed values: only actualDate may be cleared; the other fields are non-null once set. */
function cleanUpdate(input: UpdateMilestoneInput): UpdateMilestoneInput {
  const clean: UpdateMilestoneInput = { ...input };
  if (input.title !== undefined) clean.title = requiredText('title', input.title ?? '', 500);
  if (input.forecastDate === null)
    throw badInput('forecastDate', 'forecastDate cannot be null; it defaults to baselineDate only on creation');
  if (input.status === null) throw badInput('status', 'status cannot be null');
  return clean;
}

/** COMPLETE needs an actualDate: blame whichever field the caller set to break the rule. */
function checkComplete(before: MilestoneRow, input: UpdateMilestoneInput) {
  const status = input.status ?? before.status;
  const actualDate = input.actualDate === undefined ? before.actualDate : input.actualDate;
  if (status !== 'COMPLETE' || actualDate) return;
  if (input.status === 'COMPLETE') throw badInput('status', 'A milestone is COMPLETE only with an actualDate');
  throw badInput('actualDate', 'A COMPLETE milestone keeps its actualDate; change its status first');
}

export async function updateMilestone(
  ctx: Context,
  id: string,
  expectedVersion: number,
  input: UpdateMilestoneInput,
): Promise<MilestoneRow> {
  const caller = requireCaller(ctx);
  const clean = cleanUpdate(input);
  return inTransaction(ctx, async (em) => {
    const before = await findMilestone(em, caller.organisationId, id);
    if (!before) throw notFound('milestone');
    requireProgrammeEditor(caller, before.programmeId);
    checkComplete(before, clean);
    if (before.version !== expectedVersion)
      throw conflict(`The milestone is at version ${before.version}, not ${expectedVersion}`);
    const fields = presentKeys(clean).filter((k): k is (typeof EDITABLE)[number] =>
      (EDITABLE as readonly string[]).includes(k as string),
    );
    const params: unknown[] = [caller.organisationId, before.id, expectedVersion];
    const sets = fields.map((f) => `${COLUMN[f]} = $${params.push(clean[f])}`);
    // compare-and-set in one statement: of concurrent writers with one version, one wins
    const [after]: MilestoneRow[] = await em
      .query(
        `UPDATE milestones SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE organisation_id = $1 AND id = $2 AND version = $3
          RETURNING ${milestoneColumns('milestones')}`,
        params,
      )
      .then((r: [MilestoneRow[], number]) => r[0]);
    if (!after) throw conflict('The milestone was changed by someone else; reload it and try again');
    await recordAudit(em, caller, 'milestone.updated', 'Milestone', before.id, diff(before, after, [...EDITABLE]));
    return after;
  });
}
