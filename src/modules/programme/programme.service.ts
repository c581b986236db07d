import { EntityManager } from 'typeorm';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor, requireRole } from '../../auth/permissions';
import { badInput, conflict, notFound } from '../../errors';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../paging';
import { containsPattern, isId, optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { programmeColumns, ProgrammeRow } from './programme.entity';

export interface ProgrammeFilter {
  status?: string[] | null;
  search?: string | null;
}

/** `programmes`: filtered, ordered by code, keyset-paginated. */
export async function listProgrammes(
  ctx: Context,
  args: { filter?: ProgrammeFilter | null; first?: number | null; after?: string | null },
) {
  const caller = requireCaller(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor('programmes', args.after, ['string']);
  const params: unknown[] = [caller.organisationId];
  const where = ['p.organisation_id = $1'];
  if (args.filter?.status) where.push(`p.status = ANY($${params.push(args.filter.status)}::text[])`);
  if (args.filter?.search) {
    const n = params.push(containsPattern(args.filter.search));
    where.push(`(p.code ILIKE $${n} OR p.name ILIKE $${n} OR p.description ILIKE $${n})`);
  }
  const filter = where.join(' AND ');
  const countParams = [...params];
  const keyset = cursor ? ` AND p.code > $${params.push(cursor[0])}` : '';
  const rows: ProgrammeRow[] = await ctx.db.query(
    `SELECT ${programmeColumns('p')} FROM programmes p WHERE ${filter}${keyset} ORDER BY p.code LIMIT ${first + 1}`,
    params,
  );
  return connection(
    rows,
    first,
    (row) => encodeCursor('programmes', [row.code]),
    async () =>
      (await ctx.loaders.reads.rows<{ n: number }>(`SELECT count(*)::int AS n FROM programmes p WHERE ${filter}`, countParams))[0]
        .n,
  );
}

export function getProgramme(ctx: Context, id: string): Promise<ProgrammeRow | null> {
  requireCaller(ctx);
  return ctx.loaders.programmeById.load(id);
}

/** Reads a programme inside a transaction (never through a loader there). */
export async function findProgramme(em: EntityManager, organisationId: string, id: string): Promise<ProgrammeRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(`SELECT ${programmeColumns('p')} FROM programmes p WHERE p.organisation_id = $1 AND p.id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}

interface ProgrammeInput {
  code?: string;
  name?: string | null;
  description?: string | null;
  status?: string | null;
  owner?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

const EDITABLE = ['name', 'description', 'status', 'owner', 'startDate', 'endDate'] as const;
const COLUMN: Record<(typeof EDITABLE)[number], string> = {
  name: 'name',
  description: 'description',
  status: 'status',
  owner: 'owner',
  startDate: 'start_date',
  endDate: 'end_date',
};

function cleanInput(input: ProgrammeInput): ProgrammeInput {
  const clean: ProgrammeInput = { ...input };
  if (input.code !== undefined) {
    clean.code = requiredText('code', input.code, 50);
    if (/\s/.test(clean.code)) throw badInput('code', 'code must not contain spaces, e.g. FH-2018');
  }
  if (input.name !== undefined) clean.name = requiredText('name', input.name ?? '', 200);
  if (input.status === null) throw badInput('status', 'status cannot be null');
  clean.description = optionalText('description', input.description);
  clean.owner = optionalText('owner', input.owner, 200);
  return clean;
}

function checkDates(startDate: string | null | undefined, endDate: string | null | undefined) {
  if (startDate && endDate && endDate < startDate) throw badInput('endDate', 'endDate must not be before startDate');
}

export async function createProgramme(
  ctx: Context,
  input: ProgrammeInput & { code: string; name: string },
): Promise<ProgrammeRow> {
  const caller = requireCaller(ctx);
  const clean = cleanInput(input);
  requireRole(caller, 'ADMIN');
  checkDates(clean.startDate, clean.endDate);
  return inTransaction(ctx, async (em) => {
    const [row]: ProgrammeRow[] = await em.query(
      `INSERT INTO programmes (organisation_id, code, name, description, status, owner, start_date, end_date)
       VALUES ($1, $2, $3, $4, coalesce($5, 'PROPOSED'), $6, $7, $8)
       ON CONFLICT ON CONSTRAINT uq_programmes_code DO NOTHING
       RETURNING ${programmeColumns('programmes')}`,
      [
        caller.organisationId,
        clean.code,
        clean.name,
        clean.description ?? null,
        clean.status ?? null,
        clean.owner ?? null,
        clean.startDate ?? null,
        clean.endDate ?? null,
      ],
    );
    if (!row) throw conflict(`A programme with code ${clean.code} already exists`, 'code');
    const { id, version, updatedAt, ...values } = row;
    await recordAudit(em, caller, 'programme.created', 'Programme', id, created(values));
    return row;
  });
}

export async function updateProgramme(
  ctx: Context,
  id: string,
  expectedVersion: number,
  input: ProgrammeInput,
): Promise<ProgrammeRow> {
  const caller = requireCaller(ctx);
  const clean = cleanInput(input);
  return inTransaction(ctx, async (em) => {
    const before = await findProgramme(em, caller.organisationId, id);
    if (!before) throw notFound('programme');
    requireProgrammeEditor(caller, before.id);
    checkDates(
      clean.startDate === undefined ? before.startDate : clean.startDate,
      clean.endDate === undefined ? before.endDate : clean.endDate,
    );
    if (before.version !== expectedVersion)
      throw conflict(`The programme is at version ${before.version}, not ${expectedVersion}`);
    const fields = presentKeys(clean).filter((k): k is (typeof EDITABLE)[number] =>
      (EDITABLE as readonly string[]).includes(k as string),
    );
    const params: unknown[] = [caller.organisationId, id, expectedVersion];
    const sets = fields.map((f) => `${COLUMN[f]} = $${params.push(clean[f])}`);
    // compare-and-set in one statement: of concurrent writers with one version, one wins
    const [after]: ProgrammeRow[] = await em
      .query(
        `UPDATE programmes SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE organisation_id = $1 AND id = $2 AND version = $3
        RETURNING ${programmeColumns('programmes')}`,
        params,
      )
      .then((r: [ProgrammeRow[], number]) => r[0]);
    if (!after) throw conflict('The programme was changed by someone else; reload it and try again');
    await recordAudit(em, caller, 'programme.updated', 'Programme', id, diff(before, after, [...EDITABLE]));
    return after;
  });
}
