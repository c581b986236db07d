import { Role } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { hashToken, newToken } from '../../auth/tokens';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput, conflict, notFound, unauthenticated } from '../../errors';
import { email, isId, requiredText } from '../../validation';
import { Actor, created, recordAudit } from '../audit/audit.service';
import { userColumns, UserRow, users } from './organisation.entity';

interface NewUser {
  email: string;
  name: string;
  role: Role;
}

/** Inserts a user with its first token; the token is returned this once, only its hash kept. */
export async function insertUser(tx: Tx, actor: Actor, user: NewUser, programmeIds: string[]) {
  const row = await tx.one<UserRow>(
    sql`INSERT INTO users (organisation_id, email, name, role) VALUES (${actor.organisationId}, ${user.email}, ${user.name}, ${user.role})
     ON CONFLICT DO NOTHING RETURNING id, email, name, role, active, NULL::timestamptz AS "lastUsedAt"`,
  );
  if (!row) throw conflict(`A user with e-mail ${user.email} already exists`, 'email');
  if (programmeIds.length) {
    await tx.execute(
      sql`INSERT INTO user_programmes (organisation_id, user_id, programme_id) SELECT ${actor.organisationId}, ${row.id}, unnest(${programmeIds}::uuid[])`,
    );
  }
  const token = await insertToken(tx, actor.organisationId, row.id);
  await recordAudit(tx, actor, 'user.created', 'User', row.id, created({ ...user, programmeIds }));
  return { user: row, token };
}

async function insertToken(tx: Tx, organisationId: string, userId: string): Promise<string> {
  const token = newToken(organisationId);
  await tx.execute(
    sql`INSERT INTO api_tokens (organisation_id, user_id, token_hash) VALUES (${organisationId}, ${userId}, ${hashToken(token)})`,
  );
  return token;
}

export async function listUsers(ctx: Context): Promise<UserRow[]> {
  const caller = requireCaller(ctx);
  requireRole(caller, 'ADMIN');
  return ctx.db.rows(
    sql`SELECT ${userColumns('u')} FROM users u WHERE u.organisation_id = ${ctx.scope.org} ORDER BY lower(u.email)`,
  );
}

/**
 * Deactivating a user stops its tokens: at once on this server, which forgets the tokens it
 * remembers, and within AUTH_CACHE_SECONDS on other instances (see CallerCache).
 */
export async function deactivateUser(ctx: Context, id: string): Promise<UserRow> {
  const caller = requireCaller(ctx);
  const user = await inTransaction(ctx, async (tx) => {
    const user = await findVisible(tx, users, ctx.scope, id);
    requireRole(caller, 'ADMIN');
    if (user.id === caller.userId) throw badInput('id', 'An ADMIN cannot deactivate itself');
    if (!user.active) return user;
    await tx.execute(
      sql`UPDATE users SET active = false, updated_at = now() WHERE organisation_id = ${caller.organisationId} AND id = ${id}`,
    );
    await tx.execute(
      sql`UPDATE api_tokens SET revoked_at = now() WHERE organisation_id = ${caller.organisationId} AND user_id = ${id} AND revoked_at IS NULL`,
    );
    await recordAudit(tx, caller, 'user.deactivated', 'User', id, { active: [true, false] });
    return { ...user, active: false };
  });
  ctx.callers.forgetUser(caller.organisationId, user.id);
  return user;
}

export async function issueToken(ctx: Context, userId: string) {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (tx) => {
    const user = await findVisible(tx, users, ctx.scope, userId);
    requireRole(caller, 'ADMIN');
    if (!user.active) throw badInput('userId', 'A deactivated user gets no new token');
    const token = await insertToken(tx, caller.organisationId, user.id);
    await recordAudit(tx, caller, 'user.tokenIssued', 'User', user.id, {});
    return { user, token };
  });
}

export async function createUser(
  ctx: Context,
  input: { email: string; name: string; role: Role; programmeIds?: string[] | null },
) {
  const caller = requireCaller(ctx);
  const user = { email: email('email', input.email), name: requiredText('name', input.name, 200), role: input.role };
  const programmeIds = [...new Set(input.programmeIds ?? [])];
  return inTransaction(ctx, async (tx) => {
    // the contract's order: an unknown (or another organisation's) programme is NOT_FOUND,
    // before the caller's role (FORBIDDEN) and the assignment rule (BAD_USER_INPUT)
    const valid = programmeIds.filter(isId);
    const found = valid.length
      ? await tx.rows<{ id: string }>(
          sql`SELECT id FROM programmes WHERE organisation_id = ${caller.organisationId} AND id = ANY(${valid}::uuid[])`,
        )
      : [];
    if (found.length !== programmeIds.length) throw notFound('programme');
    requireRole(caller, 'ADMIN');
    if (programmeIds.length && user.role !== 'PROGRAMME_MANAGER') {
      throw badInput('programmeIds', 'Only a PROGRAMME_MANAGER is assigned to programmes');
    }
    return insertUser(tx, caller, user, programmeIds);
  });
}

export async function me(ctx: Context): Promise<UserRow> {
  const caller = requireCaller(ctx);
  const user = await ctx.loaders.userById.load(caller.userId);
  if (!user) throw unauthenticated();
  return user;
}
