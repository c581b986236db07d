import { Caller } from '../../auth/caller';
import { Scope } from '../../auth/scope';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { param, sql } from '../../db/sql';
import { findVisible } from '../../db/table';
import { badInput, conflict } from '../../errors';
import { londonToday } from '../../values/calendar-date';
import { notInFuture, optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { updateAudited } from '../audit/versioned-writes';
import { programmes } from '../programme/programme.entity';
import { assessmentOrder, riskColumns, RiskRow, risks } from './risk.entity';
import { checkScore, Score } from './score';
import { entryTexts } from './register-entry';
import { CreateRiskInput, MutationAssessRiskArgs, UpdateRiskInput } from '../../generated/types';

const notNull = (field: string, value: unknown) => {
  if (value === null) throw badInput(field, `${field} cannot be null`);
};

/**
 * A risk to change: visible to the caller (NOT_FOUND), in a programme it edits (FORBIDDEN), open
 * (BAD_USER_INPUT), in the contract's order; its version is compared when it is written.
 */
export async function riskToChange(tx: Tx, caller: Caller, scope: Scope, id: string, field: string) {
  const risk = await findVisible(tx, risks, scope, id);
  requireProgrammeEditor(caller, risk.programmeId);
  if (risk.status === 'CLOSED') throw badInput(field, 'The risk is closed: it takes no assessment, update or new mitigation');
  return risk;
}

async function insertAssessment(tx: Tx, caller: Caller, riskId: string, a: Score & { assessedOn: string; note: string | null }) {
  const [row] = await tx.rows<{ id: string }>(
    sql`INSERT INTO risk_assessments (organisation_id, risk_id, assessed_on, likelihood, impact, note, recorded_by)
     VALUES (${caller.organisationId}, ${riskId}, ${a.assessedOn}, ${a.likelihood}, ${a.impact}, ${a.note}, ${caller.email}) RETURNING id`,
  );
  return row.id;
}

const AUDITED = [
  'title',
  'description',
  'category',
  'owner',
  'cause',
  'effect',
  'treatment',
  'proximity',
  'targetLikelihood',
  'targetImpact',
  'reviewDate',
  'confidential',
];

export async function createRisk(ctx: Context, input: CreateRiskInput): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const { reference, title, description, owner } = entryTexts(input);
  const cause = optionalText('cause', input.cause, 2000) ?? null;
  const effect = optionalText('effect', input.effect, 2000) ?? null;
  const inherent = checkScore(input.inherent);
  const target = input.target ? checkScore(input.target) : null;
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, input.programmeId);
    requireProgrammeEditor(caller, programme.id);
    const identifiedOn = notInFuture('identifiedOn', input.identifiedOn ?? londonToday());
    // the first assessment is the inherent score: current starts there
    const [likelihood, impact] = [param(inherent.likelihood), param(inherent.impact)];
    const row = await tx.one<RiskRow>(
      sql`INSERT INTO risks (organisation_id, programme_id, programme_code, reference, title, description, category, owner,
                          inherent_likelihood, inherent_impact, current_likelihood, current_impact,
                          target_likelihood, target_impact, review_date, confidential, identified_on,
                          cause, effect, treatment, proximity)
       VALUES (${caller.organisationId}, ${programme.id}, ${programme.code}, ${reference}, ${title}, ${description},
               ${input.category}, ${owner}, ${likelihood}, ${impact}, ${likelihood}, ${impact},
               ${target?.likelihood ?? null}, ${target?.impact ?? null}, ${input.reviewDate ?? null}, coalesce(${input.confidential ?? null}, false), ${identifiedOn},
               ${cause}, ${effect}, ${input.treatment ?? null}, ${input.proximity ?? null}::date)
       ON CONFLICT DO NOTHING
       RETURNING ${riskColumns('risks')}`,
    );
    if (!row) throw conflict(`${programme.code} already has a risk ${reference}`, 'reference');
    await insertAssessment(tx, caller, row.id, { ...inherent, assessedOn: identifiedOn, note: null });
    await recordAudit(
      tx,
      caller,
      'risk.created',
      'Risk',
      row.id,
      diff({}, row, ['programmeId', 'reference', 'identifiedOn', 'inherentLikelihood', 'inherentImpact', ...AUDITED]),
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
    cause: optionalText('cause', input.cause, 2000),
    effect: optionalText('effect', input.effect, 2000),
    treatment: input.treatment,
    proximity: input.proximity,
    review_date: input.reviewDate,
    confidential: input.confidential,
  };
  if (input.target !== undefined) {
    const target = input.target === null ? null : checkScore(input.target);
    values.target_likelihood = target?.likelihood ?? null;
    values.target_impact = target?.impact ?? null;
  }
  return inTransaction(ctx, async (tx) => {
    const before = await riskToChange(tx, caller, ctx.scope, id, 'id');
    const sets = Object.fromEntries(presentKeys(values).map((column) => [column, values[column]]));
    return updateAudited(tx, caller, ctx.scope, risks, before, expectedVersion, sets, {
      action: 'risk.updated',
      entityType: 'Risk',
      fields: AUDITED,
    });
  });
}

/**
 * The current assessment and the one before it, by assessedOn (on the same day, the one recorded
 * later first): an assessment dated before the current one becomes history, not the current score.
 */
async function latestTwo(tx: Tx, scope: Scope, riskId: string) {
  const rows = await tx.rows<Score>(
    sql`SELECT a.likelihood, a.impact FROM risk_assessments a WHERE a.organisation_id = ${scope.org} AND a.risk_id = ${riskId}
      ORDER BY ${assessmentOrder('a')} LIMIT 2`,
  );
  return { current: rows[0], previousScore: rows[1] ? rows[1].likelihood * rows[1].impact : null };
}

/** assessRisk: a new assessment; the latest by assessedOn is current, the one before it the trend's reference. */
export async function assessRisk(ctx: Context, { riskId, expectedVersion, input }: MutationAssessRiskArgs): Promise<RiskRow> {
  const caller = requireCaller(ctx);
  const score = checkScore(input);
  const note = optionalText('note', input.note) ?? null;
  return inTransaction(ctx, async (tx) => {
    const before = await riskToChange(tx, caller, ctx.scope, riskId, 'riskId');
    const assessedOn = notInFuture('assessedOn', input.assessedOn ?? londonToday());
    if (assessedOn < before.identifiedOn)
      throw badInput('assessedOn', `assessedOn cannot be before the risk was identified (${before.identifiedOn})`);
    const assessmentId = await insertAssessment(tx, caller, before.id, { ...score, assessedOn, note });
    const { current, previousScore } = await latestTwo(tx, ctx.scope, before.id);
    const sets = {
      current_likelihood: current.likelihood,
      current_impact: current.impact,
      previous_score: previousScore,
      ...(input.reviewDate ? { review_date: input.reviewDate } : {}),
    };
    return updateAudited(tx, caller, ctx.scope, risks, before, expectedVersion, sets, {
      action: 'risk.assessed',
      entityType: 'Risk',
      fields: ['currentLikelihood', 'currentImpact', 'currentScore', 'reviewDate'],
      also: created({ assessmentId, assessedOn, likelihood: score.likelihood, impact: score.impact, note }),
    });
  });
}
