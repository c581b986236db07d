// Every versioned update (and deletion) is the same steps in the contract's order of errors: the caller (already
// UNAUTHENTICATED-checked and its input cleaned), the row it may see (NOT_FOUND), the service's
// own checks (FORBIDDEN, then its rules), compare-and-set (CONFLICT) and the audit event, in one
// transaction. Services write only their own checks and what they set.
import { Caller } from '../../auth/caller';
import { Scope } from '../../auth/scope';
import { Context, inTransaction } from '../../context';
import { Tx } from '../../db/db';
import { deleteVersioned, findVisible, TableOf, updateVersioned } from '../../db/table';
import { requiredText } from '../../validation';
import { Actor, Changes, Deletion, diff, recordAudit, recordDeletion } from './audit.service';

/** The audit event of an update: its action and entity type, the fields whose changes it lists, and any more it says. */
export interface UpdateEvent {
  action: string;
  entityType: string;
  fields: readonly string[];
  also?: Changes;
}

/**
 * Compare-and-set (`updateVersioned`: CONFLICT on a stale version), then the event listing the
 * fields that changed, in the caller's transaction. Answers the row as updated.
 */
export async function updateAudited<Row>(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  t: TableOf<Row>,
  before: { id: string; version: number },
  expectedVersion: number,
  sets: Record<string, unknown>,
  event: UpdateEvent,
): Promise<Row> {
  const after = await updateVersioned(tx, t, scope, before, expectedVersion, sets);
  const changes = { ...diff(before, after as object, [...event.fields]), ...event.also };
  await recordAudit(tx, actor, event.action, event.entityType, before.id, changes);
  return after;
}

/**
 * The whole of an update of the row `id` names: in one transaction, the row the caller may see
 * (NOT_FOUND), `check` (the service's permission and rules, which answers the columns to set), then
 * updateAudited (of `t.writes` when reads of `t` join more), then `follow` (what the update brings
 * with it, such as a savings line's changes).
 */
export function updateVisible<Row extends { id: string; version: number }>(
  ctx: Context,
  caller: Caller,
  t: TableOf<Row>,
  { id, expectedVersion }: { id: string; expectedVersion: number },
  event: UpdateEvent,
  check: (before: Row) => Record<string, unknown>,
  follow: (tx: Tx, before: Row, after: Row) => Promise<void> = async () => {},
): Promise<Row> {
  return inTransaction(ctx, async (tx) => {
    const before = await findVisible(tx, t, ctx.scope, id);
    const sets = check(before);
    const written = await updateAudited(tx, caller, ctx.scope, t.writes ?? t, before, expectedVersion, sets, event);
    const after = { ...before, ...written };
    await follow(tx, before, after);
    return after;
  });
}

/** The fields of a row that its table itself holds: those of `t.writes` when reads of `t` join more. */
function writtenOf<Row extends { id: string }>(t: TableOf<Row>, row: Row): { id: string } {
  const fields = t.writes?.fields;
  if (!fields) return row;
  return { id: row.id, ...Object.fromEntries(Object.entries(row).filter(([field]) => fields.includes(field))) };
}

/**
 * The whole deletion of a record entered in error: the reason (BAD_USER_INPUT), then in one
 * transaction the row the caller may see (NOT_FOUND), `check` (the service's permission),
 * compare-and-delete (deleteVersioned: CONFLICT) with `dependents` removing and recording what
 * hangs from the row, and the deletion event: the row's last state (the fields of `t.writes` when
 * reads of `t` join more) with what `dependents` answers.
 */
export function deleteVisible<Row extends { id: string; version: number }>(
  ctx: Context,
  caller: Caller,
  t: TableOf<Row>,
  entityType: string,
  { id, expectedVersion, reason }: { id: string; expectedVersion: number; reason: string },
  check: (row: Row) => void,
  dependents: (tx: Tx, row: Row, why: string) => Promise<object> = async () => ({}),
): Promise<Deletion> {
  const why = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const row = await findVisible(tx, t, ctx.scope, id);
    check(row);
    let kept = {};
    await deleteVersioned(tx, t, ctx.scope, row, expectedVersion, async () => {
      kept = await dependents(tx, row, why);
    });
    return recordDeletion(tx, caller, entityType, { ...writtenOf(t, row), ...kept }, why);
  });
}
