import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { raw, sql } from '../../db/sql';
import { findVisible, listFiltered, setsOf } from '../../db/table';
import { badInput } from '../../errors';
import { notInFuture, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { updateVisible } from '../audit/versioned-writes';
import { programmes } from '../programme/programme.entity';
import { milestoneColumns, milestoneDueDate, milestoneOverdueSql, MilestoneRow, milestones } from './milestone.entity';
import { londonToday } from '../../values/calendar-date';
import { MilestoneInput, MutationUpdateMilestoneArgs, QueryMilestonesArgs, UpdateMilestoneInput } from '../../generated/types';

/** `milestones`: filtered, ordered by forecast date then title, keyset-paginated. */
export async function listMilestones(ctx: Context, args: QueryMilestonesArgs) {
  requireCaller(ctx);
  const f = args.filter ?? {};
  return listFiltered(ctx, milestones, args, [f.programmeId], () => [
    f.programmeId != null && sql`m.programme_id = ${f.programmeId}`,
    f.status != null && sql`m.status = ANY(${f.status}::text[])`,
    // slippageDays > 0 exactly when the due date is after the baseline (see slippage.ts)
    f.slipped != null && sql`${milestoneDueDate('m')} ${raw(f.slipped ? '>' : '<=')} m.baseline_date`,
    f.dueBefore != null && sql`${milestoneDueDate('m')} < ${f.dueBefore}::date`,
    f.overdue != null && sql`${raw(f.overdue ? '' : 'NOT ')}${milestoneOverdueSql('m', londonToday())}`,
  ]);
}

export async function createMilestone(ctx: Context, input: MilestoneInput): Promise<MilestoneRow> {
  const caller = requireCaller(ctx);
  const title = requiredText('title', input.title, 500);
  // forecastDate defaults to the baseline: absent and null alike (the field is optional here)
  const forecastDate = input.forecastDate ?? input.baselineDate;
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, input.programmeId);
    requireProgrammeEditor(caller, programme.id);
    const [row] = await tx.rows<MilestoneRow>(
      sql`INSERT INTO milestones (organisation_id, programme_id, title, baseline_date, original_baseline_date, forecast_date)
       VALUES (${caller.organisationId}, ${programme.id}, ${title}, ${input.baselineDate}, ${input.baselineDate}, ${forecastDate})
       RETURNING ${milestoneColumns('milestones')}`,
    );
    const { id, version, ...values } = row;
    await recordAudit(tx, caller, 'milestone.created', 'Milestone', id, created(values));
    return row;
  });
}

/** The fields updateMilestone sets. */
const EDITABLE = ['title', 'forecastDate', 'actualDate', 'status'] as const;

/** Malformed values: only actualDate may be cleared; the other fields are non-null once set. */
function cleanUpdate(input: UpdateMilestoneInput): UpdateMilestoneInput {
  const clean: UpdateMilestoneInput = { ...input };
  if (input.title !== undefined) clean.title = requiredText('title', input.title ?? '', 500);
  if (input.forecastDate === null)
    throw badInput('forecastDate', 'forecastDate cannot be null; it defaults to baselineDate only on creation');
  if (input.status === null) throw badInput('status', 'status cannot be null');
  return clean;
}

/**
 * An actualDate goes with COMPLETE and nothing else: COMPLETE needs one (blame whichever field the
 * caller set to break the rule), one is given only to a milestone COMPLETE in the same input or
 * before, never in the future; leaving COMPLETE clears it. Answers the input to write.
 */
function checkComplete(before: MilestoneRow, input: UpdateMilestoneInput): UpdateMilestoneInput {
  const status = input.status ?? before.status;
  if (input.actualDate) {
    if (status !== 'COMPLETE') throw badInput('actualDate', 'Only a COMPLETE milestone has an actualDate');
    notInFuture('actualDate', input.actualDate);
  }
  if (status !== 'COMPLETE') return before.actualDate === null ? input : { ...input, actualDate: null };
  const actualDate = input.actualDate === undefined ? before.actualDate : input.actualDate;
  if (actualDate) return input;
  if (input.status === 'COMPLETE') throw badInput('status', 'A milestone is COMPLETE only with an actualDate');
  throw badInput('actualDate', 'A COMPLETE milestone keeps its actualDate; change its status first');
}

const UPDATED = { action: 'milestone.updated', entityType: 'Milestone', fields: EDITABLE };

export async function updateMilestone(ctx: Context, { input, ...args }: MutationUpdateMilestoneArgs): Promise<MilestoneRow> {
  const caller = requireCaller(ctx);
  const clean = cleanUpdate(input);
  return updateVisible(ctx, caller, milestones, args, UPDATED, (before) => {
    requireProgrammeEditor(caller, before.programmeId);
    return setsOf(checkComplete(before, clean), EDITABLE);
  });
}
