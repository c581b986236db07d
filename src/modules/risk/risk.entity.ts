import { Caller } from '../../auth/caller';
import { seesConfidential } from '../../auth/permissions';
import { Scope } from '../../loaders';
import { DEFAULT_APPETITE } from '../organisation/organisation.entity';

/** A risk as the API reads it (risks table, columns named as the fields they feed). */
export interface RiskRow {
  id: string;
  programmeId: string;
  programmeCode: string;
  reference: string;
  title: string;
  description: string | null;
  category: string;
  owner: string | null;
  status: 'OPEN' | 'CLOSED';
  inherentLikelihood: number;
  inherentImpact: number;
  currentLikelihood: number;
  currentImpact: number;
  currentScore: number;
  /** The score of the assessment before the current one; null while there is only one. */
  previousScore: number | null;
  targetLikelihood: number | null;
  targetImpact: number | null;
  reviewDate: string | null;
  confidential: boolean;
  closedOn: string | null;
  closedReason: string | null;
  /** Against the organisation's appetite as it is now (computed on every read). */
  withinAppetite: boolean;
  version: number;
  updatedAt: Date;
}

export interface AssessmentRow {
  id: string;
  assessedOn: string;
  likelihood: number;
  impact: number;
  note: string | null;
  recordedBy: string;
}

export interface MitigationRow {
  id: string;
  riskId: string;
  action: string;
  owner: string | null;
  dueDate: string | null;
  status: 'PLANNED' | 'IN_PROGRESS' | 'COMPLETE' | 'CANCELLED';
  completedOn: string | null;
  version: number;
}

/**
 * The risks a scope may see: its organisation's ($1 of every statement), confidential ones only
 * for callers who see exempt information. Every read of risks goes through this.
 */
export function visibleRisks(r: string, scope: Pick<Scope, 'seesConfidential'>): string {
  return `${r}.organisation_id = $1${scope.seesConfidential ? '' : ` AND NOT ${r}.confidential`}`;
}

export function callerScope(caller: Caller): Scope {
  return { organisationId: caller.organisationId, seesConfidential: seesConfidential(caller) };
}

/** SQL: the current score is at or below the organisation's appetite for the category. */
export const withinAppetiteSql = (r: string) =>
  `${r}.current_score <= coalesce((SELECT a.max_score FROM risk_appetites a
     WHERE a.organisation_id = ${r}.organisation_id AND a.category = ${r}.category), ${DEFAULT_APPETITE})`;

/** reviewDate is before today and the risk is open (SQL and JS, the same rule). */
export const reviewOverdueSql = (r: string, today: string) =>
  `coalesce(${r}.status = 'OPEN' AND ${r}.review_date < ${today}::date, false)`;
export const reviewOverdue = (risk: Pick<RiskRow, 'status' | 'reviewDate'>, today: string) =>
  risk.status === 'OPEN' && risk.reviewDate !== null && risk.reviewDate < today;

/** dueDate is before today and the status is PLANNED or IN_PROGRESS. */
export const mitigationOverdue = (m: Pick<MitigationRow, 'status' | 'dueDate'>, today: string) =>
  (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') && m.dueDate !== null && m.dueDate < today;

export const riskColumns = (r: string) =>
  `${r}.id, ${r}.programme_id AS "programmeId", ${r}.programme_code AS "programmeCode", ${r}.reference, ${r}.title,
   ${r}.description, ${r}.category, ${r}.owner, ${r}.status,
   ${r}.inherent_likelihood AS "inherentLikelihood", ${r}.inherent_impact AS "inherentImpact",
   ${r}.current_likelihood AS "currentLikelihood", ${r}.current_impact AS "currentImpact",
   ${r}.current_score AS "currentScore", ${r}.previous_score AS "previousScore",
   ${r}.target_likelihood AS "targetLikelihood", ${r}.target_impact AS "targetImpact",
   ${r}.review_date AS "reviewDate", ${r}.confidential, ${r}.closed_on AS "closedOn", ${r}.closed_reason AS "closedReason",
   ${withinAppetiteSql(r)} AS "withinAppetite", ${r}.version, ${r}.updated_at AS "updatedAt"`;

/**
 * Current score, highest first, then programme code and reference: ascending on -current_score,
 * as the ix_risks_list and ix_risks_status_list indexes hold it (migration RiskListKeyset).
 */
export const riskOrder = (r: string) => `-${r}.current_score, ${r}.programme_code, ${r}.reference`;

export const assessmentColumns = (a: string) =>
  `${a}.id, ${a}.assessed_on AS "assessedOn", ${a}.likelihood, ${a}.impact, ${a}.note, ${a}.recorded_by AS "recordedBy"`;

export const mitigationColumns = (m: string) =>
  `${m}.id, ${m}.risk_id AS "riskId", ${m}.action, ${m}.owner, ${m}.due_date AS "dueDate", ${m}.status,
   ${m}.completed_on AS "completedOn", ${m}.version`;

/** By due date (undated last), then in the order added. */
export const mitigationOrder = (m: string) => `${m}.due_date NULLS LAST, ${m}.created_at, ${m}.id`;
