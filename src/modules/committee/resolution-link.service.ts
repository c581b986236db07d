import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor, requireRole, seesConfidential } from '../../auth/permissions';
import { raw, sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput, notFound } from '../../errors';
import { isId } from '../../validation';
import { recordAudit } from '../audit/audit.service';
import { ResolutionRow, resolutions } from './committee.entity';

/** What a resolution can be linked to: its link table, and where the target itself lives. */
const TARGETS = {
  programmeId: {
    entity: 'Programme',
    links: 'resolution_programmes',
    column: 'programme_id',
    table: 'programmes',
    programme: 'id',
    confidential: 'false',
  },
  riskId: {
    entity: 'Risk',
    links: 'resolution_risks',
    column: 'risk_id',
    table: 'risks',
    programme: 'programme_id',
    confidential: 'confidential',
  },
  milestoneId: {
    entity: 'Milestone',
    links: 'resolution_milestones',
    column: 'milestone_id',
    table: 'milestones',
    programme: 'programme_id',
    confidential: 'false',
  },
  savingsLineId: {
    entity: 'SavingsLine',
    links: 'resolution_savings_lines',
    column: 'savings_line_id',
    table: 'savings_lines',
    programme: 'programme_id',
    confidential: 'false',
  },
} as const;

export type LinkTarget = Partial<Record<keyof typeof TARGETS, string | null>>;

function onlyTarget(target: LinkTarget) {
  const set = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).filter((k) => target[k] != null);
  if (set.length !== 1) throw badInput('target', 'Set exactly one of programmeId, riskId, milestoneId and savingsLineId');
  return { key: set[0], kind: TARGETS[set[0]], id: target[set[0]]! };
}

/**
 * linkResolution / unlinkResolution. Linking what is linked, or unlinking what is not, is a
 * no-op (and writes no audit event, since nothing changed).
 */
export async function changeLink(ctx: Context, resolutionId: string, target: LinkTarget, link: boolean): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  const { key, kind, id } = onlyTarget(target);
  return inTransaction(ctx, async (tx) => {
    const resolution = await findVisible(tx, resolutions, ctx.scope, resolutionId);
    const found = isId(id)
      ? await tx.one<{ programme_id: string; confidential: boolean }>(
          sql`SELECT ${raw(kind.programme)} AS programme_id, ${raw(kind.confidential)} AS confidential FROM ${raw(kind.table)}
            WHERE organisation_id = ${caller.organisationId} AND id = ${id}`,
        )
      : null;
    if (!found || (found.confidential && !seesConfidential(caller))) throw notFound(kind.entity);
    requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
    requireProgrammeEditor(caller, found.programme_id);
    const changed = link
      ? await tx.execute(
          sql`INSERT INTO ${raw(kind.links)} (organisation_id, resolution_id, ${raw(kind.column)})
           VALUES (${caller.organisationId}, ${resolution.id}, ${id}) ON CONFLICT DO NOTHING`,
        )
      : await tx.execute(
          sql`DELETE FROM ${raw(kind.links)} WHERE organisation_id = ${caller.organisationId} AND resolution_id = ${resolution.id}
             AND ${raw(kind.column)} = ${id}`,
        );
    if (changed) {
      await recordAudit(tx, caller, link ? 'resolution.linked' : 'resolution.unlinked', 'Resolution', resolution.id, {
        [key]: link ? [null, id] : [id, null],
      });
    }
    return resolution;
  });
}
