import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor, requireRole } from '../../auth/permissions';
import { badInput, conflict } from '../../errors';
import { param, sql } from '../../db/sql';
import { listFiltered, setsOf } from '../../db/table';
import { containsPattern, optionalText, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { updateVisible } from '../audit/versioned-writes';
import { programmeColumns, ProgrammeRow, programmes } from './programme.entity';
import { MutationUpdateProgrammeArgs, QueryProgrammesArgs } from '../../generated/types';

/** The programme's code, name or description contains `search` (one pattern parameter, written three times). */
function textContains(search: string) {
  const pattern = param(containsPattern(search));
  return sql`(p.code ILIKE ${pattern} OR p.name ILIKE ${pattern} OR p.description ILIKE ${pattern})`;
}

/** `programmes`: filtered, ordered by code, keyset-paginated. */
export async function listProgrammes(ctx: Context, args: QueryProgrammesArgs) {
  requireCaller(ctx);
  const f = args.filter ?? {};
  return listFiltered(ctx, programmes, args, [], () => [
    !!f.status && sql`p.status = ANY(${f.status}::text[])`,
    !!f.search && textContains(f.search),
  ]);
}

export function getProgramme(ctx: Context, id: string): Promise<ProgrammeRow | null> {
  requireCaller(ctx);
  return ctx.loaders.programmeById.load(id);
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

/** The fields updateProgramme sets. */
const EDITABLE = ['name', 'description', 'status', 'owner', 'startDate', 'endDate'] as const;

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
  return inTransaction(ctx, async (tx) => {
    const row = await tx.one<ProgrammeRow>(
      sql`INSERT INTO programmes (organisation_id, code, name, description, status, owner, start_date, end_date)
       VALUES (${caller.organisationId}, ${clean.code}, ${clean.name}, ${clean.description ?? null}, coalesce(${clean.status ?? null}, 'PROPOSED'),
               ${clean.owner ?? null}, ${clean.startDate ?? null}, ${clean.endDate ?? null})
       ON CONFLICT ON CONSTRAINT uq_programmes_code DO NOTHING
       RETURNING ${programmeColumns('programmes')}`,
    );
    if (!row) throw conflict(`A programme with code ${clean.code} already exists`, 'code');
    const { id, version, updatedAt, ...values } = row;
    await recordAudit(tx, caller, 'programme.created', 'Programme', id, created(values));
    return row;
  });
}

const UPDATED = { action: 'programme.updated', entityType: 'Programme', fields: EDITABLE };

export async function updateProgramme(ctx: Context, { input, ...args }: MutationUpdateProgrammeArgs): Promise<ProgrammeRow> {
  const caller = requireCaller(ctx);
  const clean = cleanInput(input);
  return updateVisible(ctx, caller, programmes, args, UPDATED, (before) => {
    requireProgrammeEditor(caller, before.id);
    checkDates(
      clean.startDate === undefined ? before.startDate : clean.startDate,
      clean.endDate === undefined ? before.endDate : clean.endDate,
    );
    return setsOf(clean, EDITABLE);
  });
}
