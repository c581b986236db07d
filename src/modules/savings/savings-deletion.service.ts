import { Context, inTransaction } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { notFound } from '../../errors';
import { requiredText } from '../../validation';
import { Deletion, recordDeletion } from '../audit/audit.service';
import { deleteVisible } from '../audit/versioned-writes';
import { unlinkDeletedTarget } from '../decision-trail/resolution-link.service';
import { savingsDeliveries, savingsDeliveryColumns, SavingsDeliveryRow, savingsLines } from './savings.entity';
import { requireSavingsWriter } from './savings.service';
import { unlinkRisksOfDeletedLine } from './risk-savings-links';

/**
 * deleteSavingsLine: a line entered in error goes with its deliveries (each recorded as deleted,
 * so their ledger references are free again) and its links to resolutions and to the risks that threatened it; it then counts in no
 * read, total or reconciliation. FINANCE and ADMIN, as for editing it.
 */
export async function deleteSavingsLine(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const write = () => requireSavingsWriter(caller);
  return deleteVisible(
    ctx,
    caller,
    savingsLines,
    'SavingsLine',
    { id, expectedVersion, reason },
    write,
    async (tx, line, why) => {
      const deliveries = await tx.rows<SavingsDeliveryRow>(
        sql`DELETE FROM savings_deliveries WHERE organisation_id = ${ctx.scope.org} AND savings_line_id = ${line.id}
            RETURNING ${savingsDeliveryColumns('savings_deliveries')}`,
      );
      for (const delivery of deliveries) await recordDeletion(tx, caller, 'SavingsDelivery', delivery, why);
      const resolutionIds = await unlinkDeletedTarget(tx, caller, ctx.scope, 'savingsLineId', line.id);
      const threatenedByIds = await unlinkRisksOfDeletedLine(tx, caller, ctx.scope, line.id);
      return { resolutionIds, threatenedByIds };
    },
  );
}

/** deleteSavingsDelivery: a delivery entered in error; its ledger reference is free again. ADMIN and FINANCE. */
export async function deleteSavingsDelivery(ctx: Context, id: string, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const why = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const delivery = await findVisible(tx, savingsDeliveries, ctx.scope, id);
    requireSavingsWriter(caller);
    // no version to compare: of two concurrent deletes, the second finds nothing
    const gone = await tx.execute(
      sql`DELETE FROM savings_deliveries WHERE organisation_id = ${ctx.scope.org} AND id = ${delivery.id}`,
    );
    if (!gone) throw notFound(savingsDeliveries.noun);
    return recordDeletion(tx, caller, 'SavingsDelivery', delivery, why);
  });
}
