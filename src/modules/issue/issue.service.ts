import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { sql } from '../../db/sql';
import { findVisible, listFiltered, updateVersioned } from '../../db/table';
import { claimingUnique } from '../../db/unique';
import { badInput, conflict } from '../../errors';
import {
  IssueInput,
  MutationRaiseIssueFromRiskArgs,
  MutationResolveIssueArgs,
  MutationUpdateIssueArgs,
  QueryIssuesArgs,
} from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { notInFuture, optionalText, presentKeys, requiredText } from '../../validation';
import { diff, recordAudit } from '../audit/audit.service';
import { programmes } from '../programme/programme.entity';
import { closeInTransaction } from '../risk/risk-lifecycle.service';
import { risks } from '../risk/risk.entity';
import { entryTexts } from '../risk/register-entry';
import { rating } from '../risk/score';
import { issueColumns, IssueRow, issues } from './issue.entity';

/** `issues`: filtered, by status, priority, programme code and reference, keyset-paginated. */
export async function listIssues(ctx: Context, args: QueryIssuesArgs) {
  requireCaller(ctx);
  const f = args.filter ?? {};
  return listFiltered(ctx, issues, args, [f.programmeId], () => [
    f.programmeId != null && sql`i.programme_id = ${f.programmeId}::uuid`,
    f.status != null && sql`i.status = ANY(${f.status}::text[])`,
    f.priority != null && sql`i.priority = ANY(${f.priority}::text[])`,
  ]);
}

export function getIssue(ctx: Context, id: string): Promise<IssueRow | null> {
  requireCaller(ctx);
  return ctx.loaders.issueById.load(id);
}

const AUDITED = [
  'programmeId',
  'reference',
  'title',
  'description',
  'owner',
  'priority',
  'raisedOn',
  'fromRiskId',
  'confidential',
];

interface NewIssue {
  programme: { id: string; code: string };
  reference: string;
  title: string;
  description: string | null;
  owner: string | null;
  priority: string;
  raisedOn: string;
  fromRiskId: string | null;
  confidential: boolean;
}

/** Writes a new issue and its audit event; a reference its programme already has (ignoring case) is CONFLICT. */
async function insertIssue(tx: Tx, caller: Caller, issue: NewIssue): Promise<IssueRow> {
  const taken = () => conflict(`${issue.programme.code} already has an issue ${issue.reference}`, 'reference');
  const row = await claimingUnique('uq_issues_reference_ci', taken, () =>
    tx.one<IssueRow>(
      sql`INSERT INTO issues (organisation_id, programme_id, programme_code, reference, title, description, owner, priority,
                            raised_on, from_risk_id, confidential)
       VALUES (${caller.organisationId}, ${issue.programme.id}, ${issue.programme.code}, ${issue.reference}, ${issue.title},
               ${issue.description}, ${issue.owner}, ${issue.priority}, ${issue.raisedOn}, ${issue.fromRiskId}, ${issue.confidential})
       RETURNING ${issueColumns('issues')}`,
    ),
  );
  await recordAudit(tx, caller, 'issue.raised', 'Issue', row!.id, diff({}, row!, AUDITED));
  return row!;
}

/** raiseIssue: an issue that did not come from a risk (or whose risk was never recorded). */
export async function raiseIssue(ctx: Context, input: IssueInput): Promise<IssueRow> {
  const caller = requireCaller(ctx);
  const { reference, title, description, owner } = entryTexts(input);
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, input.programmeId, { holdKey: true });
    requireProgrammeEditor(caller, programme.id);
    const raisedOn = notInFuture('raisedOn', input.raisedOn ?? londonToday());
    return insertIssue(tx, caller, {
      programme,
      reference,
      title,
      description,
      owner,
      priority: input.priority,
      raisedOn,
      fromRiskId: null,
      confidential: input.confidential ?? false,
    });
  });
}

/**
 * raiseIssueFromRisk: the risk has happened. The issue takes the risk's title, description, owner,
 * confidentiality and current rating; the risk closes (closeRisk's rules, its version compared)
 * on the day the issue is raised, in the same transaction.
 */
export async function raiseIssueFromRisk(ctx: Context, args: MutationRaiseIssueFromRiskArgs): Promise<IssueRow> {
  const caller = requireCaller(ctx);
  const reference = requiredText('reference', args.reference, 20);
  return inTransaction(ctx, async (tx) => {
    const risk = await findVisible(tx, risks, ctx.scope, args.riskId);
    requireProgrammeEditor(caller, risk.programmeId);
    if (risk.status === 'CLOSED') throw badInput('riskId', 'The risk is closed: only an open risk becomes an issue');
    const raisedOn = args.raisedOn ?? londonToday();
    await closeInTransaction(tx, caller, ctx.scope, risk, args.expectedVersion, `Became issue ${reference}`, {
      field: 'raisedOn',
      on: raisedOn,
    });
    return insertIssue(tx, caller, {
      programme: { id: risk.programmeId, code: risk.programmeCode },
      reference,
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      priority: rating(risk.currentScore),
      raisedOn,
      fromRiskId: risk.id,
      confidential: risk.confidential,
    });
  });
}

/** An issue the caller may change: visible (NOT_FOUND), in a programme whose risks it edits (FORBIDDEN). */
async function issueToChange(tx: Tx, caller: Caller, ctx: Context, id: string) {
  const issue = await findVisible(tx, issues, ctx.scope, id);
  requireProgrammeEditor(caller, issue.programmeId);
  return issue;
}

const EDITABLE = ['title', 'description', 'owner', 'priority'] as const;

export async function updateIssue(ctx: Context, { id, expectedVersion, input }: MutationUpdateIssueArgs): Promise<IssueRow> {
  const caller = requireCaller(ctx);
  if (input.title === null) throw badInput('title', 'title cannot be null');
  if (input.priority === null) throw badInput('priority', 'priority cannot be null');
  const values: Record<(typeof EDITABLE)[number], unknown> = {
    title: input.title === undefined ? undefined : requiredText('title', input.title, 500),
    description: optionalText('description', input.description),
    owner: optionalText('owner', input.owner, 200),
    priority: input.priority,
  };
  return inTransaction(ctx, async (tx) => {
    const before = await issueToChange(tx, caller, ctx, id);
    const sets = Object.fromEntries(presentKeys(values).map((column) => [column, values[column]]));
    const after = await updateVersioned(tx, issues, ctx.scope, before, expectedVersion, sets);
    await recordAudit(tx, caller, 'issue.updated', 'Issue', before.id, diff(before, after, [...EDITABLE]));
    return after;
  });
}

/** resolveIssue: an OPEN issue is RESOLVED on a day from its raisedOn to today, with how it was resolved. */
export async function resolveIssue(ctx: Context, args: MutationResolveIssueArgs): Promise<IssueRow> {
  const caller = requireCaller(ctx);
  const note = requiredText('resolutionNote', args.resolutionNote, 10_000);
  return inTransaction(ctx, async (tx) => {
    const before = await issueToChange(tx, caller, ctx, args.id);
    if (before.status === 'RESOLVED') throw badInput('id', `The issue was resolved on ${before.resolvedOn}`);
    const resolvedOn = notInFuture('resolvedOn', args.resolvedOn ?? londonToday());
    if (resolvedOn < before.raisedOn)
      throw badInput('resolvedOn', `resolvedOn cannot be before the issue was raised (${before.raisedOn})`);
    const after = await updateVersioned(tx, issues, ctx.scope, before, args.expectedVersion, {
      status: 'RESOLVED',
      resolved_on: resolvedOn,
      resolution_note: note,
    });
    await recordAudit(
      tx,
      caller,
      'issue.resolved',
      'Issue',
      before.id,
      diff(before, after, ['status', 'resolvedOn', 'resolutionNote']),
    );
    return after;
  });
}
