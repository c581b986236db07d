import { Scope } from '../../auth/scope';
import { columns, Projection } from '../../db/projection';
import { ident, raw, Sql, sql } from '../../db/sql';
import { ListOf, TableOf, visibleTo } from '../../db/table';
import { DEFAULT_APPETITE } from '../organisation/organisation.entity';
import { RegisterEntry } from './register-entry';

/** A risk as the API reads it (risks table, columns named as the fields they feed). */
export interface RiskRow extends RegisterEntry {
  category: string;
  status: 'OPEN' | 'CLOSED';
  /** The inherent assessment's assessedOn. */
  identifiedOn: string;
  cause: string | null;
  effect: string | null;
  treatment: 'TOLERATE' | 'TREAT' | 'TRANSFER' | 'TERMINATE' | null;
  proximity: string | null;
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
  closedOn: string | null;
  closedReason: string | null;
  /** Against the organisation's appetite as it is now (computed on every read). */
  withinAppetite: boolean;
  /** Against the organisation's escalation threshold as it is now (computed on every read). */
  escalated: boolean;
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
  /** The day it was added (Europe/London). */
  createdOn: string;
  kind: 'ACTION' | 'CONTROL';
  /** A CONTROL's rating (NOT_ASSESSED until assessed); null for an ACTION. */
  effectiveness: 'NOT_ASSESSED' | 'EFFECTIVE' | 'PARTLY_EFFECTIVE' | 'INEFFECTIVE' | null;
  /** The first dueDate it was given; kept when dueDate moves. */
  baselineDueDate: string | null;
  version: number;
}

/** A progress note on a mitigation. */
export interface MitigationUpdateRow {
  on: string;
  note: string;
  recordedBy: string;
}

/**
 * The risks a scope may see: its organisation's ($1 of every statement), confidential ones only
 * for callers who see exempt information. Every read of risks goes through this.
 */
export const visibleRisks = (r: string, scope: Scope): Sql => visibleTo(risks, scope, r);

/** SQL: the current score is at or below the organisation's appetite for the category. */
export const withinAppetiteSql = (r: string) =>
  `${r}.current_score <= coalesce((SELECT a.max_score FROM risk_appetites a
     WHERE a.organisation_id = ${r}.organisation_id AND a.category = ${r}.category), ${DEFAULT_APPETITE})`;

/** SQL: open, and the current score at or above the organisation's escalation threshold (the corporate register). */
export const escalatedSql = (r: string) =>
  `(${r}.status = 'OPEN' AND ${r}.current_score >= (SELECT o.escalation_threshold FROM organisations o WHERE o.id = ${r}.organisation_id))`;

/** reviewDate is before today and the risk is open (SQL and JS, the same rule). */
export const reviewOverdueSql = (r: string, today: string) =>
  sql`coalesce(${ident(r)}.status = 'OPEN' AND ${ident(r)}.review_date < ${today}::date, false)`;
export const reviewOverdue = (risk: Pick<RiskRow, 'status' | 'reviewDate'>, today: string) =>
  risk.status === 'OPEN' && risk.reviewDate !== null && risk.reviewDate < today;

/** dueDate is before today and the status is PLANNED or IN_PROGRESS. */
export const mitigationOverdue = (m: Pick<MitigationRow, 'status' | 'dueDate'>, today: string) =>
  (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') && m.dueDate !== null && m.dueDate < today;

/** A risk's columns, named as the row's fields. */
export const riskProjection = new Projection<RiskRow>({
  ...columns(
    'id programme_id programme_code reference title description category owner status identified_on cause effect treatment proximity inherent_likelihood inherent_impact current_likelihood current_impact current_score previous_score target_likelihood target_impact review_date confidential closed_on closed_reason',
  ),
  withinAppetite: (r) => `${withinAppetiteSql(r)} AS "withinAppetite"`,
  escalated: (r) => `${escalatedSql(r)} AS "escalated"`,
  ...columns('version updated_at'),
});

export const riskColumns = (r: string) => riskProjection.selectAll(r);

/**
 * Current score, highest first, then programme code and reference: ascending on -current_score,
 * as the ix_risks_list and ix_risks_status_list indexes hold it (migration RiskListKeyset).
 */
export const riskOrder = (r: string) => raw(`-${r}.current_score, ${r}.programme_code, ${r}.reference`);

/** The risks table, as the caller may see it, listed by riskOrder. */
export const risks: ListOf<RiskRow> = {
  ...riskProjection.table('risks', 'r', 'risk'),
  confidential: 'confidential',
  list: 'risks',
  order: riskOrder('r'),
  cursor: {
    shape: ['number', 'string', 'string'],
    of: (row) => [row.currentScore, row.programmeCode, row.reference],
    // one row comparison in the list's order: the index seeks straight to the cursor
    after: ([score, code, reference]) =>
      sql`(-r.current_score, r.programme_code, r.reference) > (${-Number(score)}::int, ${code}::text, ${reference}::text)`,
  },
};

/** Newest assessedOn first; on the same day, the one recorded later first (current is the first). */
export const assessmentOrder = (a: string) => raw(`${a}.assessed_on DESC, ${a}.seq DESC`);

export const assessmentColumns = (a: string) =>
  raw(`${a}.id, ${a}.assessed_on AS "assessedOn", ${a}.likelihood, ${a}.impact, ${a}.note, ${a}.recorded_by AS "recordedBy"`);

/** A mitigation's columns, named as the row's fields. */
export const mitigationProjection = new Projection<MitigationRow>({
  ...columns('id risk_id action owner due_date status completed_on'),
  createdOn: (m) => `(${m}.created_at AT TIME ZONE 'Europe/London')::date AS "createdOn"`,
  ...columns('kind effectiveness baseline_due_date version'),
});

export const mitigationColumns = (m: string) => mitigationProjection.selectAll(m);

export const mitigations = mitigationProjection.table('mitigations', 'm', 'mitigation');

/** Mitigations with their risk's programme (whose editors may change them), visible as their risk is. */
export const mitigationsOfRisks: TableOf<MitigationRow & { programmeId: string }> = {
  table: 'mitigations',
  alias: 'm',
  noun: 'mitigation',
  columns: (m) => sql`${mitigationColumns(m)}, r.programme_id AS "programmeId"`,
  from: raw('mitigations m JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id'),
  visible: (scope) => visibleRisks('r', scope),
  writes: mitigations,
};

/** A progress note's columns, named as the row's fields. */
export const mitigationUpdateColumns = (u: string) => raw(`${u}.on_date AS "on", ${u}.note, ${u}.recorded_by AS "recordedBy"`);

/** Newest first; on the same day, the one recorded later first. */
export const mitigationUpdateOrder = (u: string) => raw(`${u}.on_date DESC, ${u}.seq DESC`);

/** By due date (undated last), then in the order added. */
export const mitigationOrder = (m: string) => raw(`${m}.due_date NULLS LAST, ${m}.created_at, ${m}.id`);

/** A mitigation as the `mitigations` list reads it: with the programme code and risk reference it is ordered by. */
export type ListedMitigationRow = MitigationRow & { programmeCode: string; riskReference: string };

/** The day that stands for "no due date" in the list's order and cursor: after every real one. */
const UNDATED = '9999-12-31';
const dueKey = (m: string) => `coalesce(${m}.due_date, date '${UNDATED}')`;

/** Every visible mitigation, by dueDate (none last), then programme code, risk reference and action; id settles ties. */
export const mitigationList: ListOf<ListedMitigationRow> = {
  table: mitigationsOfRisks.table,
  alias: mitigationsOfRisks.alias,
  noun: mitigationsOfRisks.noun,
  from: mitigationsOfRisks.from,
  visible: mitigationsOfRisks.visible,
  columns: (m) => sql`${mitigationColumns(m)}, r.programme_code AS "programmeCode", r.reference AS "riskReference"`,
  list: 'mitigations',
  order: raw(`${dueKey('m')}, r.programme_code, r.reference, m.action, m.id`),
  cursor: {
    shape: ['date', 'string', 'string', 'string', 'id'],
    of: (row) => [row.dueDate ?? UNDATED, row.programmeCode, row.riskReference, row.action, row.id],
    after: ([due, code, reference, action, id]) =>
      sql`(${raw(dueKey('m'))}, r.programme_code, r.reference, m.action, m.id) > (${due}::date, ${code}::text, ${reference}::text, ${action}::text, ${id}::uuid)`,
  },
};
