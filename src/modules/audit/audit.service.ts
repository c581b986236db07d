import { Caller } from '../../auth/caller';
import { Context } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { raw, sql } from '../../db/sql';
import { filtered, ListOf, listPage, pageArgs } from '../../db/table';
import { QueryAuditTrailArgs } from '../../generated/types';

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

/** What a delete answers (the contract's Deletion). */
export interface Deletion {
  id: string;
  entityType: string;
  reason: string;
}

/**
 * Records the deletion of a record entered in error, inside the transaction that deletes it: an
 * event `<type>.deleted` whose changes hold every field of its last state (as [value, null]) and
 * the reason (as [null, reason]), so that auditTrail(entityId) still tells its whole story.
 */
export async function recordDeletion(
  tx: Tx,
  actor: Actor,
  entityType: string,
  lastState: { id: string },
  reason: string,
): Promise<Deletion> {
  const { id, ...fields } = lastState as { id: string } & Record<string, unknown>;
  const changes: Changes = {};
  for (const [field, value] of Object.entries(fields)) changes[field] = [comparable(value), null];
  changes.reason = [null, reason];
  const action = `${entityType[0].toLowerCase()}${entityType.slice(1)}.deleted`;
  await recordAudit(tx, actor, action, entityType, id, changes);
  return { id, entityType, reason };
}

/** Appends an audit event inside the transaction that makes the change. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  changes: Changes,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO audit_events (organisation_id, actor_user_id, actor, action, entity_type, entity_id, changes)
     VALUES (${actor.organisationId}, ${actor.userId}, ${actor.email}, ${action}, ${entityType}, ${entityId}, ${JSON.stringify(changes)})`,
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

/**
 * The audit trail, newest first. The cursor names the event, not its seq: seq counts every
 * organisation's events, so it would show a caller how busy the others are.
 */
const auditEvents: ListOf<AuditRow> = {
  table: 'audit_events',
  alias: 'audit_events',
  noun: 'audit event',
  // the line break keeps the statement's text, and so its prepared name, as it was
  columns: () =>
    raw(`id, seq, at, actor, action, entity_type AS "entityType", entity_id AS "entityId", changes::text AS changes
      `),
  from: raw('audit_events'),
  visible: (scope) => sql`organisation_id = ${scope.org}`,
  list: 'audit',
  order: raw('seq DESC'),
  cursor: {
    shape: ['id'],
    of: (row) => [row.id],
    after: ([id], scope) =>
      sql`seq < (SELECT c.seq FROM audit_events c WHERE c.organisation_id = ${scope.org} AND c.id = ${id}::uuid)`,
  },
};

/** auditTrail: newest first, for every role but MEMBER. */
export async function listAuditEvents(ctx: Context, args: QueryAuditTrailArgs) {
  const caller = requireCaller(ctx);
  const page = pageArgs(auditEvents, args);
  requireRole(caller, 'ADMIN', 'PROGRAMME_MANAGER', 'FINANCE');
  const where = filtered(auditEvents, ctx.scope, [args.entityId], () => [
    args.entityId != null && sql`entity_id = ${args.entityId}`,
    args.since != null && sql`at >= ${args.since}`,
  ]);
  return listPage(ctx, auditEvents, page, where);
}
