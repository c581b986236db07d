import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput, notFound } from '../../errors';
import { MutationUpdateUserArgs } from '../../generated/types';
import { isId, requiredText } from '../../validation';
import { diff, recordAudit } from '../audit/audit.service';
import { UserRow, users } from './organisation.entity';

async function programmeIdsOf(tx: Tx, organisationId: string, userId: string): Promise<string[]> {
  const rows = await tx.rows<{ id: string }>(
    sql`SELECT programme_id AS id FROM user_programmes WHERE organisation_id = ${organisationId} AND user_id = ${userId} ORDER BY programme_id`,
  );
  return rows.map((r) => r.id);
}

/**
 * updateUser: a user's name, role and programmes. ADMIN only; the last active ADMIN stays one;
 * a user that stops being a PROGRAMME_MANAGER loses its programmes. Its tokens carry the change at
 * once on this server (and within AUTH_CACHE_SECONDS elsewhere, as deactivateUser).
 */
export async function updateUser(ctx: Context, { id, input }: MutationUpdateUserArgs): Promise<UserRow> {
  const caller = requireCaller(ctx);
  if (input.name === null) throw badInput('name', 'name cannot be null');
  if (input.role === null) throw badInput('role', 'role cannot be null');
  const name = input.name === undefined ? undefined : requiredText('name', input.name, 200);
  const given = input.programmeIds == null ? null : [...new Set(input.programmeIds)].sort();
  const user = await inTransaction(ctx, async (tx) => {
    const before = await findVisible(tx, users, ctx.scope, id);
    // an unknown (or another organisation's) programme is NOT_FOUND, before the caller's role
    const valid = (given ?? []).filter(isId);
    const found = valid.length
      ? await tx.rows<{ id: string }>(
          sql`SELECT id FROM programmes WHERE organisation_id = ${caller.organisationId} AND id = ANY(${valid}::uuid[])`,
        )
      : [];
    if (given && found.length !== given.length) throw notFound('programme');
    requireRole(caller, 'ADMIN');
    const role = input.role ?? before.role;
    if (before.role === 'ADMIN' && role !== 'ADMIN' && before.active) {
      // lock the organisation's active ADMINs: of two demoting each other, one waits and then sees the other gone
      const admins = await tx.rows<{ id: string }>(
        sql`SELECT id FROM users WHERE organisation_id = ${caller.organisationId} AND role = 'ADMIN' AND active FOR UPDATE`,
      );
      if (!admins.some((a) => a.id !== before.id)) throw badInput('role', 'The last active ADMIN cannot stop being one');
    }
    if (given?.length && role !== 'PROGRAMME_MANAGER')
      throw badInput('programmeIds', 'Only a PROGRAMME_MANAGER is assigned to programmes');
    const was = await programmeIdsOf(tx, caller.organisationId, before.id);
    const programmeIds = role === 'PROGRAMME_MANAGER' ? (given ?? was) : [];
    await tx.execute(
      sql`UPDATE users SET name = ${name ?? before.name}, role = ${role}, updated_at = now()
          WHERE organisation_id = ${caller.organisationId} AND id = ${before.id}`,
    );
    if (programmeIds.join() !== was.join()) {
      await tx.execute(
        sql`DELETE FROM user_programmes WHERE organisation_id = ${caller.organisationId} AND user_id = ${before.id}`,
      );
      if (programmeIds.length)
        await tx.execute(
          sql`INSERT INTO user_programmes (organisation_id, user_id, programme_id)
              SELECT ${caller.organisationId}, ${before.id}, unnest(${programmeIds}::uuid[])`,
        );
    }
    const after = { ...before, name: name ?? before.name, role };
    await recordAudit(tx, caller, 'user.updated', 'User', before.id, {
      ...diff(before, after, ['name', 'role']),
      ...diff({ programmeIds: was }, { programmeIds }, ['programmeIds']),
    });
    return after;
  });
  ctx.callers.forgetUser(caller.organisationId, user.id);
  return user;
}
