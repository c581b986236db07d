import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor, requireRole, seesConfidential } from '../../auth/permissions';
import { badInput, notFound } from '../../errors';
import { isId } from '../../validation';
import { recordAudit } from '../audit/audit.service';
import { findResolution } from './committee.service';
import { ResolutionRow } from './committee.entity';

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
  return inTransaction(ctx, async (em) => {
    const resolution = await findResolution(em, caller.organisationId, resolutionId);
    if (!resolution) throw notFound('resolution');
    const [found]: { programme_id: string; confidential: boolean }[] = isId(id)
      ? await em.query(
          `SELECT ${kind.programme} AS programme_id, ${kind.confidential} AS confidential FROM ${kind.table}
            WHERE organisation_id = $1 AND id = $2`,
          [caller.organisationId, id],
        )
      : [];
    if (!found || (found.confidential && !seesConfidential(caller))) throw notFound(kind.entity);
    requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
    requireProgrammeEditor(caller, found.programme_id);
    const params = [caller.organisationId, resolution.id, id];
    const changed: number = link
      ? (
          await em.query(
            `INSERT INTO ${kind.links} (organisation_id, resolution_id, ${kind.column}) VALUES ($1, $2, $3)
                          ON CONFLICT DO NOTHING RETURNING resolution_id`,
            params,
          )
        ).length
      : (
          await em.query(
            `DELETE FROM ${kind.links} WHERE organisation_id = $1 AND resolution_id = $2 AND ${kind.column} = $3`,
            params,
          )
        )[1];
    if (changed) {
      await recordAudit(em, caller, link ? 'resolution.linked' : 'resolution.unlinked', 'Resolution', resolution.id, {
        [key]: link ? [null, id] : [id, null],
      });
    }
    return resolution;
  });
}
