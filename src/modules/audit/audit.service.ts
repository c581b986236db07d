import { EntityManager } from 'typeorm';
import { Caller } from '../../auth/caller';
import { Context } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../paging';
import { isId } from '../../validation';

export type Changes = Record<string, [unknown, unknown]>;

/** Who acted: a user, or the operator (createOrganisation) with no user of its own. */
export type Actor = Pick<Caller, 'organisationId' | 'email'> & { userId: string | null };

function comparable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && 'toFixed' in value)
    return (value as { toFixed(n: number): string }).toFixed(2);
  return value;
}

/** The fields whose values differ, as { field: [before, after] }. */
export function diff(before: object, after: object, fields: string[]): Changes {
  const changes: Changes = {};
  const [was, is] = [before as Record<string, unknown>, after as Record<string, unknown>];
  for (const field of fields) {
    const [b, a] = [comparable(was[field]), comparable(is[field])];
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[field] = [b, a];
  }
  return changes;
}

/** A new object's fields, as changes from nothing. */
export function created(values: object): Changes {
  return diff({}, values, Object.keys(values));
}

/** Appends an audit event inside the transaction that makes the change. */
export async function recordAudit(
  em: EntityManager,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  changes: Changes,
): Promise<void> {
  await em.query(
    `INSERT INTO audit_events (organisation_id, actor_user_id, actor, action, entity_type, entity_id, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.organisationId, actor.userId, actor.email, action, entityType, entityId, JSON.stringify(changes)],
  );
}

export interface AuditRow {
  id: string;
  /** bigint: pg returns it as a string. */
  seq: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: string;
}

/** auditTrail: newest first, for every role but MEMBER. */
export async function listAuditEvents(
  ctx: Context,
  args: { entityId?: string | null; since?: Date | null; first?: number | null; after?: string | null },
) {
  const caller = requireCaller(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor('audit', args.after, ['id']);
  requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER', 'FINANCE');
  if (args.entityId != null && !isId(args.entityId)) {
    return connection<AuditRow>(
      [],
      first,
      () => '',
      async () => 0,
    );
  }
  const params: unknown[] = [caller.organisationId];
  const where = ['organisation_id = $1'];
  if (args.entityId != null) where.push(`entity_id = $${params.push(args.entityId)}`);
  if (args.since != null) where.push(`at >= $${params.push(args.since)}`);
  const filter = where.join(' AND ');
  // the cursor names the event, not its seq: seq counts every organisation's events, so it
  // would show a caller how busy the others are
  const keyset = cursor
    ? ` AND seq < (SELECT c.seq FROM audit_events c WHERE c.organisation_id = $1 AND c.id = $${params.push(cursor[0])}::uuid)`
    : '';
  const rows: AuditRow[] = await ctx.db.query(
    `SELECT id, seq, at, actor, action, entity_type AS "entityType", entity_id AS "entityId", changes::text AS changes
       FROM audit_events WHERE ${filter}${keyset} ORDER BY seq DESC LIMIT ${first + 1}`,
    params,
  );
  const countParams = params.slice(0, cursor ? -1 : undefined);
  return connection(
    rows,
    first,
    (row) => encodeCursor('audit', [row.id]),
    async () =>
      (await ctx.loaders.reads.rows<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE ${filter}`, countParams))[0]
        .n,
  );
}
