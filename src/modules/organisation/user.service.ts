import { EntityManager } from 'typeorm';
import { Role } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { hashToken, newToken } from '../../auth/tokens';
import { badInput, conflict, notFound, unauthenticated } from '../../errors';
import { email, isId, requiredText } from '../../validation';
import { Actor, created, recordAudit } from '../audit/audit.service';
import { userColumns, UserRow } from './organisation.entity';

interface NewUser {
  email: string;
  name: string;
  role: Role;
}

/** Inserts a user with its first token; the token is returned this once, only its hash kept. */
export async function insertUser(em: EntityManager, actor: Actor, user: NewUser, programmeIds: string[]) {
  const [row]: UserRow[] = await em.query(
    `INSERT INTO users (organisation_id, email, name, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id, email, name, role, active, NULL::timestamptz AS "lastUsedAt"`,
    [actor.organisationId, user.email, user.name, user.role],
  );
  if (!row) throw conflict(`A user with e-mail ${user.email} already exists`, 'email');
  if (programmeIds.length) {
    await em.query(`INSERT INTO user_programmes (organisation_id, user_id, programme_id) SELECT $1, $2, unnest($3::uuid[])`, [
      actor.organisationId,
      row.id,
      programmeIds,
    ]);
  }
  const token = await insertToken(em, actor.organisationId, row.id);
  await recordAudit(em, actor, 'user.created', 'User', row.id, created({ ...user, programmeIds }));
  return { user: row, token };
}

async function insertToken(em: EntityManager, organisationId: string, userId: string): Promise<string> {
  const token = newToken(organisationId);
  await em.query(`INSERT INTO api_tokens (organisation_id, user_id, token_hash) VALUES ($1, $2, $3)`, [
    organisationId,
    userId,
    hashToken(token),
  ]);
  return token;
}

async function findUser(em: EntityManager, organisationId: string, id: string): Promise<UserRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(`SELECT ${userColumns('u')} FROM users u WHERE u.organisation_id = $1 AND u.id = $2`, [
    organisationId,
    id,
  ]);
  return row ?? null;
}

export async function listUsers(ctx: Context): Promise<UserRow[]> {
  const caller = requireCaller(ctx);
  requireRole(caller, 'ADMIN');
  return ctx.db.query(`SELECT ${userColumns('u')} FROM users u WHERE u.organisation_id = $1 ORDER BY lower(u.email)`, [
    caller.organisationId,
  ]);
}

/**
 * Deactivating a user stops its tokens: at once on this server, which forgets the tokens it
 * remembers, and within AUTH_CACHE_SECONDS on other instances (see CallerCache).
 */
export async function deactivateUser(ctx: Context, id: string): Promise<UserRow> {
  const caller = requireCaller(ctx);
  const user = await inTransaction(ctx, async (em) => {
    const user = await findUser(em, caller.organisationId, id);
    if (!user) throw notFound('user');
    requireRole(caller, 'ADMIN');
    if (user.id === caller.userId) throw badInput('id', 'An ADMIN cannot deactivate itself');
    if (!user.active) return user;
    await em.query(`UPDATE users SET active = false, updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
      caller.organisationId,
      id,
    ]);
    await em.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE organisation_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [caller.organisationId, id],
    );
    await recordAudit(em, caller, 'user.deactivated', 'User', id, { active: [true, false] });
    return { ...user, active: false };
  });
  ctx.callers.forgetUser(caller.organisationId, user.id);
  return user;
}

export async function issueToken(ctx: Context, userId: string) {
  const caller = requireCaller(ctx);
  return inTransaction(ctx, async (em) => {
    const user = await findUser(em, caller.organisationId, userId);
    if (!user) throw notFound('user');
    requireRole(caller, 'ADMIN');
    if (!user.active) throw badInput('userId', 'A deactivated user gets no new token');
    const token = await insertToken(em, caller.organisationId, user.id);
    await recordAudit(em, caller, 'user.tokenIssued', 'User', user.id, {});
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
  return inTransaction(ctx, async (em) => {
    // the contract's order: an unknown (or another organisation's) programme is NOT_FOUND,
    // before the caller's role (FORBIDDEN) and the assignment rule (BAD_USER_INPUT)
    const valid = programmeIds.filter(isId);
    const found: { id: string }[] = valid.length
      ? await em.query(`SELECT id FROM programmes WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [
          caller.organisationId,
          valid,
        ])
      : [];
    if (found.length !== programmeIds.length) throw notFound('programme');
    requireRole(caller, 'ADMIN');
    if (programmeIds.length && user.role !== 'PROGRAMME_MANAGER') {
      throw badInput('programmeIds', 'Only a PROGRAMME_MANAGER is assigned to programmes');
    }
    return insertUser(em, caller, user, programmeIds);
  });
}

export async function me(ctx: Context): Promise<UserRow> {
  const caller = requireCaller(ctx);
  const user = await ctx.loaders.userById.load(caller.userId);
  if (!user) throw unauthenticated();
  return user;
}
