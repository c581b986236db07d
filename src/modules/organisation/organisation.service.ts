import { Context, inTransaction } from '../../context';
import { sql } from '../../db/sql';
import { requireCaller, requireRole } from '../../auth/permissions';
import { unauthenticated } from '../../errors';
import { email, intInRange, requiredText } from '../../validation';
import { Actor, created, diff, recordAudit } from '../audit/audit.service';
import { DEFAULT_APPETITE, organisationColumns, OrganisationRow, RISK_CATEGORIES } from './organisation.entity';
import { insertUser } from './user.service';
import { MutationCreateOrganisationArgs } from '../../generated/types';

/** createOrganisation: the operator's bootstrap of a council with its first ADMIN. */
export async function createOrganisation(ctx: Context, args: MutationCreateOrganisationArgs) {
  if (!ctx.operator)
    throw unauthenticated('createOrganisation needs the operator secret (ADMIN_SECRET), and is disabled without one');
  const name = requiredText('name', args.name, 200);
  const adminEmail = email('adminEmail', args.adminEmail);
  const adminName = requiredText('adminName', args.adminName, 200);
  return inTransaction(ctx, async (tx) => {
    const [organisation] = await tx.rows<OrganisationRow>(
      sql`INSERT INTO organisations (name) VALUES (${name}) RETURNING ${organisationColumns}`,
    );
    const operator: Actor = { organisationId: organisation.id, userId: null, email: 'operator' };
    await recordAudit(tx, operator, 'organisation.created', 'Organisation', organisation.id, created({ name }));
    const { user, token } = await insertUser(tx, operator, { email: adminEmail, name: adminName, role: 'ADMIN' }, []);
    return { organisation, adminToken: token, admin: user };
  });
}

export async function getOrganisation(ctx: Context): Promise<OrganisationRow> {
  const caller = requireCaller(ctx);
  const organisation = await ctx.loaders.organisationById.load(caller.organisationId);
  if (!organisation) throw unauthenticated();
  return organisation;
}

/** Organisation.riskAppetite: one entry per category, in the enum's order. */
export async function riskAppetite(ctx: Context, organisationId: string) {
  const appetite = await ctx.loaders.appetite.load(organisationId);
  return RISK_CATEGORIES.map((category) => ({ category, maxScore: appetite.get(category)! }));
}

export async function setRiskAppetite(ctx: Context, category: string, maxScore: number) {
  const caller = requireCaller(ctx);
  intInRange('maxScore', maxScore, 1, 25);
  requireRole(caller, 'ADMIN');
  return inTransaction(ctx, async (tx) => {
    const before = await tx.one<{ max_score: number }>(
      sql`SELECT max_score FROM risk_appetites WHERE organisation_id = ${caller.organisationId} AND category = ${category}`,
    );
    await tx.execute(
      sql`INSERT INTO risk_appetites (organisation_id, category, max_score) VALUES (${caller.organisationId}, ${category}, ${maxScore})
       ON CONFLICT ON CONSTRAINT pk_risk_appetites DO UPDATE SET max_score = EXCLUDED.max_score`,
    );
    await recordAudit(
      tx,
      caller,
      'organisation.riskAppetiteSet',
      'Organisation',
      caller.organisationId,
      diff({ [category]: before?.max_score ?? DEFAULT_APPETITE }, { [category]: maxScore }, [category]),
    );
    const [organisation] = await tx.rows<OrganisationRow>(
      sql`SELECT ${organisationColumns} FROM organisations WHERE id = ${caller.organisationId}`,
    );
    ctx.loaders.appetite.clearAll();
    return organisation;
  });
}

/** setEscalationThreshold: ADMIN only; open risks scoring at least this are on the corporate register. */
export async function setEscalationThreshold(ctx: Context, score: number): Promise<OrganisationRow> {
  const caller = requireCaller(ctx);
  intInRange('score', score, 1, 25);
  requireRole(caller, 'ADMIN');
  return inTransaction(ctx, async (tx) => {
    const before = await tx.one<OrganisationRow>(
      sql`SELECT ${organisationColumns} FROM organisations WHERE id = ${caller.organisationId} FOR UPDATE`,
    );
    const after = await tx.one<OrganisationRow>(
      sql`UPDATE organisations SET escalation_threshold = ${score}, updated_at = now() WHERE id = ${caller.organisationId}
       RETURNING ${organisationColumns}`,
    );
    if (!before || !after) throw unauthenticated();
    await recordAudit(
      tx,
      caller,
      'organisation.escalationThresholdSet',
      'Organisation',
      caller.organisationId,
      diff(before, after, ['escalationThreshold']),
    );
    ctx.loaders.organisationById.clearAll();
    return after;
  });
}
