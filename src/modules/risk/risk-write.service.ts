import { EntityManager } from 'typeorm';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { badInput, conflict, notFound } from '../../errors';
import { londonToday } from '../../values/calendar-date';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { findProgramme } from '../programme/programme.service';
import { callerScope, riskColumns, RiskRow } from './risk.entity';
import { findRisk } from './risk.service';
import { checkScore, Score } from './score';

interface CreateRiskInput {
  programmeId: string;
  reference: string;
  title: string;
  description?: string | null;
  category: string;
  owner?: string | null;
  inherent: Score;
  target?: Score | null;
  reviewDate?: string | null;
  confidential?: boolean | null;
}

interface UpdateRiskInput {
  title?: string | null;
  description?: string | null;
  category?: string | null;
  owner?: string | null;
  target?: Score | null;
  reviewDate?: string | null;
  confidential?: boolean | null;
}

interface AssessmentInput extends Score {
  assessedOn?: string | null;
  note?: string | null;
  reviewDate?: string | null;
}

const notNull = (field: string, value: unknown) => {
  if (value === null) throw badInput(field, `${field} cannot be null`);
};

/**
 * A risk to change: visible to the caller (NOT_FOUND), in a programme it edits (FORBIDDEN),
 * open (BAD_USER_INPUT), at the version the caller last saw (CONFLICT), in the contract's order.
 */
export async function riskToChange(em: EntityManager, caller: Caller, id: string, field: string, expectedVersion: number | null) {
  const risk = await findRisk(em, callerScope(caller), id);
  if (!risk) throw notFound('risk');
  requireProgrammeEditor(caller, risk.programmeId);
  if (risk.status === 'CLOSED') throw badInput(field, 'The risk is closed: it takes no assessment, update or new mitigation');
  if (expectedVersion !== null && risk.version !== expectedVersion) {
    throw conflict(`The risk is at version ${risk.version}, not ${expectedVersion}`);
  }
  return risk;
}

/**
 * Compare-and-set in one statement: of concurrent writers with one version exactly one
 * matches; the others get CONFLICT and nothing is written.
 */
async function casUpdate(em: EntityManager, sets: string[], params: unknown[]): Promise<RiskRow> {
  const [[after]]: [RiskRow[], number] = await em.query(
    `UPDATE risks SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE organisation_id = $1 AND id = $2 AND version = $3 RETURNING ${riskColumns('risks')}`,
    params,
  );
  if (!after) throw conflict('The risk was changed by someone else; reload it and try again');
  return after;
}

async function insertAssessment(
  em: EntityManager,
  caller: Caller,
  riskId: string,
  a: Score & { assessedOn: string; note: string | null },
) {
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO risk_assessments (organisation_id, risk_id, assessed_on, likelihood, impact, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [caller.organisationId, riskId, a.assessedOn, a.likelihood, a.impact, a.note, caller.email],
  );
  return id;
}

const AUDITED = ['title', 'description', 'category', 'owner', 'targetLikelihood', 'targetImpact', 'reviewDate', 'confidential'];

export async function createRisk(ctx: Context, input: CreateRiskInput): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const reference = requiredText('reference', input.reference, 20);
  const title = requiredText('title', input.title, 500);
  const description = optionalText('description', input.description) ?? null;
  const owner = optionalText('owner', input.owner, 200) ?? null;
  const inherent = checkScore(input.inherent);
  const target = input.target ? checkScore(input.target) : null;
  return inTransaction(ctx, async (em) => {
    const programme = await findProgramme(em, caller.organisationId, input.programmeId);
    if (!programme) throw notFound('programme');
    requireProgrammeEditor(caller, programme.id);
    const [row]: RiskRow[] = await em.query(
      `INSERT INTO risks (organisation_id, programme_id, programme_code, reference, title, description, category, owner,
                          inherent_likelihood, inherent_impact, current_likelihood, current_impact,
                          target_likelihood, target_impact, review_date, confidential)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10, $11, $12, $13, coalesce($14, false))
       ON CONFLICT ON CONSTRAINT uq_risks_reference DO NOTHING
       RETURNING ${riskColumns('risks')}`,
      [
        caller.organisationId,
        programme.id,
        programme.code,
        reference,
        title,
        description,
        input.category,
        owner,
        inherent.likelihood,
        inherent.impact,
        target?.likelihood ?? null,
        target?.impact ?? null,
        input.reviewDate ?? null,
        input.confidential ?? null,
      ],
    );
    if (!row) throw conflict(`${programme.code} already has a risk ${reference}`, 'reference');
    await insertAssessment(em, caller, row.id, { ...inherent, assessedOn: londonToday(), note: null });
    await recordAudit(
      em,
      caller,
      'risk.created',
      'Risk',
      row.id,
      diff({}, row, ['programmeId', 'reference', 'inherentLikelihood', 'inherentImpact', ...AUDITED]),
    );
    return row;
  });
}

export async function updateRisk(ctx: Context, id: string, expectedVersion: number, input: UpdateRiskInput): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  for (const field of ['title', 'category', 'confidential'] as const) notNull(field, input[field]);
  const values: Record<string, unknown> = {
    title: input.title == null ? undefined : requiredText('title', input.title, 500),
    description: optionalText('description', input.description),
    category: input.category,
    owner: optionalText('owner', input.owner, 200),
    review_date: input.reviewDate,
    confidential: input.confidential,
  };
  if (input.target !== undefined) {
    const target = input.target === null ? null : checkScore(input.target);
    values.target_likelihood = target?.likelihood ?? null;
    values.target_impact = target?.impact ?? null;
  }
  return inTransaction(ctx, async (em) => {
    const before = await riskToChange(em, caller, id, 'id', expectedVersion);
    const params: unknown[] = [caller.organisationId, before.id, expectedVersion];
    const sets = presentKeys(values).map((column) => `${column} = $${params.push(values[column])}`);
    const after = await casUpdate(em, sets, params);
    await recordAudit(em, caller, 'risk.updated', 'Risk', before.id, diff(before, after, AUDITED));
    return after;
  });
}

/** assessRisk: the new assessment becomes current; the one before it is kept as the trend's reference. */
export async function assessRisk(
  ctx: Context,
  riskId: string,
  expectedVersion: number,
  input: AssessmentInput,
): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const score = checkScore(input);
  const note = optionalText('note', input.note) ?? null;
  const assessedOn = input.assessedOn ?? londonToday();
  return inTransaction(ctx, async (em) => {
    const before = await riskToChange(em, caller, riskId, 'riskId', expectedVersion);
    const params: unknown[] = [caller.organisationId, before.id, expectedVersion];
    const sets = [
      // SET reads the row as it was: the score being replaced becomes the previous one
      'previous_score = current_score',
      `current_likelihood = $${params.push(score.likelihood)}`,
      `current_impact = $${params.push(score.impact)}`,
      ...(input.reviewDate ? [`review_date = $${params.push(input.reviewDate)}`] : []),
    ];
    const after = await casUpdate(em, sets, params);
    const assessmentId = await insertAssessment(em, caller, before.id, { ...score, assessedOn, note });
    await recordAudit(em, caller, 'risk.assessed', 'Risk', before.id, {
      ...diff(before, after, ['currentLikelihood', 'currentImpact', 'currentScore', 'reviewDate']),
      ...created({ assessmentId, assessedOn, note }),
    });
    return after;
  });
}

export async function closeRisk(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const closedReason = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (em) => {
    const before = await riskToChange(em, caller, id, 'id', expectedVersion);
    const params: unknown[] = [caller.organisationId, before.id, expectedVersion];
    const sets = [
      "status = 'CLOSED'",
      `closed_on = $${params.push(londonToday())}`,
      `closed_reason = $${params.push(closedReason)}`,
    ];
    const after = await casUpdate(em, sets, params);
    await recordAudit(em, caller, 'risk.closed', 'Risk', before.id, diff(before, after, ['status', 'closedOn', 'closedReason']));
    return after;
  });
}
