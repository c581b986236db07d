import { Scope } from '../../auth/scope';
import { Context, inTransaction } from '../../context';
import { Tx } from '../../db/db';
import { requireCaller, requireProgrammeEditor, requireRole } from '../../auth/permissions';
import { ident, sql } from '../../db/sql';
import { findLinkEnds } from '../../db/table';
import { badInput } from '../../errors';
import { LinkTarget } from '../../generated/types';
import { Actor, recordAudit } from '../audit/audit.service';
import { ResolutionRow, resolutions } from './decision-trail.entity';
import { LINK_TARGETS, LinkTargetKey } from './link-targets';

function onlyTarget(target: LinkTarget) {
  const set = LINK_TARGETS.filter((t) => target[t.key] != null);
  if (set.length !== 1) {
    const keys = LINK_TARGETS.map((t) => t.key);
    throw badInput('target', `Set exactly one of ${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`);
  }
  return { kind: set[0], id: target[set[0].key]! };
}

/**
 * linkResolution / unlinkResolution. Linking what is linked, or unlinking what is not, is a
 * no-op (and writes no audit event, since nothing changed).
 */
export async function changeLink(ctx: Context, resolutionId: string, target: LinkTarget, link: boolean): Promise<ResolutionRow> {
  const caller = requireCaller(ctx);
  const { kind, id } = onlyTarget(target);
  return inTransaction(ctx, async (tx) => {
    // NOT_FOUND names the target by its type, e.g. "No such Risk" (a confidential one too, for a MEMBER)
    const target = { ...kind.table, noun: kind.type };
    const [resolution, found] = await findLinkEnds(tx, ctx.scope, [resolutions, resolutionId], [target, id]);
    requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER');
    requireProgrammeEditor(caller, kind.programmeOf(found));
    const [links, column] = [ident(kind.links), ident(kind.column)];
    const changed = link
      ? await tx.execute(
          sql`INSERT INTO ${links} (organisation_id, resolution_id, ${column}) VALUES (${caller.organisationId}, ${resolution.id}, ${id})
           ON CONFLICT DO NOTHING`,
        )
      : await tx.execute(
          sql`DELETE FROM ${links} WHERE organisation_id = ${caller.organisationId} AND resolution_id = ${resolution.id} AND ${column} = ${id}`,
        );
    if (changed) {
      await recordAudit(tx, caller, link ? 'resolution.linked' : 'resolution.unlinked', 'Resolution', resolution.id, {
        [kind.key]: link ? [null, id] : [id, null],
      });
    }
    return resolution;
  });
}

/**
 * Removes the links to a target deleted as entered in error (links go with it), each recorded on
 * its resolution as an unlink; answers the resolutions it was linked to, for its last state.
 */
export async function unlinkDeletedTarget(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  key: LinkTargetKey,
  targetId: string,
): Promise<string[]> {
  const kind = LINK_TARGETS.find((t) => t.key === key)!;
  const unlinked = await tx.rows<{ id: string }>(
    sql`DELETE FROM ${ident(kind.links)} WHERE organisation_id = ${scope.org} AND ${ident(kind.column)} = ${targetId}
        RETURNING resolution_id AS id`,
  );
  for (const { id } of unlinked)
    await recordAudit(tx, actor, 'resolution.unlinked', 'Resolution', id, { [key]: [targetId, null] });
  return unlinked.map((r) => r.id);
}
