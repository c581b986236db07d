import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { join, raw, sql } from '../../db/sql';
import { isId } from '../../validation';
import { visibleRisks } from '../risk/risk.entity';
import { ratingSql } from '../risk/score';
import { programmeColumns, ProgrammeRow } from '../programme/programme.entity';
import { SAVINGS_CATEGORIES, SAVINGS_KINDS, deliveredOf } from './savings.entity';
import { QuerySavingsReconciliationArgs, SavingsGrouping } from '../../generated/types';

/** Money as pg's exact numeric strings; the Money scalar writes them with two decimals. */
export interface SavingsTotalsRow {
  planned: string;
  forecast: string;
  delivered: string;
  variance: string;
  netPlanned: string;
  netDelivered: string;
  forecastVariance: string;
  oneOffCosts: string;
  oneOffCostsIncurred: string;
  writtenOff: string;
  atRisk: string;
  cumulativePlanned: string;
  cumulativeDelivered: string;
}

export interface ReconciliationRow {
  programme: ProgrammeRow | null;
  financialYear: number | null;
  category: string | null;
  kind: string | null;
  reference: string | null;
  totals: SavingsTotalsRow;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
  totals: SavingsTotalsRow;
}

/** Each grouping: the column it groups by and the key it sorts by (the contract's order). */
const GROUPINGS: Record<SavingsGrouping, { column: string; order: string }> = {
  PROGRAMME: { column: 'programme_id', order: 'p.code' },
  FINANCIAL_YEAR: { column: 'financial_year', order: 'g.financial_year' },
  CATEGORY: { column: 'category', order: `array_position(ARRAY['${SAVINGS_CATEGORIES.join("','")}'], g.category)` },
  KIND: { column: 'kind', order: `array_position(ARRAY['${SAVINGS_KINDS.join("','")}'], g.kind)` },
  REFERENCE: { column: 'reference', order: 'g.reference COLLATE "C" NULLS LAST' },
};
const COLUMN_TYPES = { programme_id: 'uuid', financial_year: 'smallint', category: 'text', kind: 'text', reference: 'text' };
const SORT: SavingsGrouping[] = ['PROGRAMME', 'FINANCIAL_YEAR', 'CATEGORY', 'KIND', 'REFERENCE'];

const ZERO: SavingsTotalsRow = {
  planned: '0',
  forecast: '0',
  delivered: '0',
  variance: '0',
  netPlanned: '0',
  netDelivered: '0',
  forecastVariance: '0',
  oneOffCosts: '0',
  oneOffCostsIncurred: '0',
  writtenOff: '0',
  atRisk: '0',
  cumulativePlanned: '0',
  cumulativeDelivered: '0',
};

interface SqlRow extends Partial<ProgrammeRow> {
  total: boolean;
  programme_id: string | null;
  financial_year: number | null;
  category: string | null;
  kind: string | null;
  reference: string | null;
  planned: string;
  forecast: string;
  delivered: string;
  variance: string;
  net_planned: string;
  net_delivered: string;
  forecast_variance: string;
  one_off_costs: string;
  one_off_costs_incurred: string;
  written_off: string;
  at_risk: string;
  cumulative_planned: string;
  cumulative_delivered: string;
}

/**
 * `savingsReconciliation`: one SQL statement computes the rows (one grouping set) and the grand
 * totals (the empty grouping set) together, deliveries summed per line first so a line with
 * several deliveries counts its planned figure once. Programmes come back in the same row.
 * atRisk sums the forecast of lines that an open RED risk the caller may see threatens (a line
 * threatened by several counts once).
 * The cumulative figures are a running sum over the grouped rows: each row's recurring savings
 * add up year by year within its other groupings (every earlier year with recurring lines has a
 * row of its own there), and the row's non-recurring savings count in its year only.
 */
export async function savingsReconciliation(ctx: Context, args: QuerySavingsReconciliationArgs): Promise<Reconciliation> {
  requireCaller(ctx);
  const f = args.filter ?? {};
  if (f.programmeId != null && !isId(f.programmeId)) return { rows: [], totals: ZERO };
  const groups = SORT.filter((g) => args.groupBy?.includes(g));
  const org = ctx.scope.org;
  const where = [sql`l.organisation_id = ${org}`];
  if (f.programmeId != null) where.push(sql`l.programme_id = ${f.programmeId}`);
  if (f.financialYear != null) where.push(sql`l.financial_year = ${f.financialYear}`);
  if (f.kind != null) where.push(sql`l.kind = ${f.kind}`);
  const columns = groups.map((g) => GROUPINGS[g].column);
  const groupBy = columns.length ? `GROUP BY GROUPING SETS ((${columns.join(', ')}), ())` : '';
  const select = Object.entries(COLUMN_TYPES).map(([c, type]) => (columns.includes(c) ? c : `NULL::${type} AS ${c}`));
  // rows not grouped by year (and the grand totals) are alone in their partition: every year counts
  const carried = `PARTITION BY ${['g.total', ...columns.filter((c) => c !== 'financial_year').map((c) => `g.${c}`)].join(', ')}
                   ORDER BY g.financial_year`;
  const cumulative = (column: string) => `sum(g.recurring_${column}) OVER (${carried}) + g.${column} - g.recurring_${column}`;
  // round(..., 2): the text pg sends is then already the contract's Money
  const sum = (column: string, kind: string, also = 'true') =>
    `round(coalesce(sum(${column}) FILTER (WHERE kind = '${kind}' AND ${also}), 0), 2)`;
  // the groupings, sums and orders are text of the code (raw); only the filter's values are parameters
  const result = await ctx.db.rows<SqlRow>(sql`
    WITH lines AS (
      SELECT l.programme_id, l.financial_year, l.category, l.kind, l.reference, l.recurring, l.planned, l.forecast, l.written_off,
             ${raw(deliveredOf('l'))} AS delivered,
             EXISTS (SELECT 1 FROM risk_savings_lines t JOIN risks r ON r.organisation_id = t.organisation_id AND r.id = t.risk_id
                      WHERE t.organisation_id = l.organisation_id AND t.savings_line_id = l.id
                        AND r.status = 'OPEN' AND ${raw(ratingSql('r.current_score', ['RED']))} AND ${visibleRisks('r', ctx.scope)}) AS threatened
        FROM savings_lines l WHERE ${join(where, ' AND ')}
    ), g AS (
      SELECT ${raw(columns.length ? `GROUPING(${columns.join(', ')}) <> 0` : 'true')} AS total, ${raw(select.join(', '))},
             ${raw(sum('planned', 'SAVING'))} AS planned,
             ${raw(sum('forecast', 'SAVING'))} AS forecast,
             ${raw(sum('delivered', 'SAVING'))} AS delivered,
             ${raw(sum('delivered', 'SAVING'))} - ${raw(sum('planned', 'SAVING'))} AS variance,
             ${raw(sum('planned', 'SAVING'))} - ${raw(sum('planned', 'ONE_OFF_COST'))} AS net_planned,
             ${raw(sum('delivered', 'SAVING'))} - ${raw(sum('delivered', 'ONE_OFF_COST'))} AS net_delivered,
             ${raw(sum('forecast', 'SAVING'))} - ${raw(sum('planned', 'SAVING'))} AS forecast_variance,
             ${raw(sum('planned', 'ONE_OFF_COST'))} AS one_off_costs,
             ${raw(sum('delivered', 'ONE_OFF_COST'))} AS one_off_costs_incurred,
             ${raw(sum('written_off', 'SAVING'))} AS written_off,
             ${raw(sum('forecast', 'SAVING', 'threatened'))} AS at_risk,
             ${raw(sum('planned', 'SAVING', 'recurring'))} AS recurring_planned,
             ${raw(sum('delivered', 'SAVING', 'recurring'))} AS recurring_delivered
        FROM lines ${raw(groupBy)}
    )
    SELECT g.*, ${raw(cumulative('planned'))} AS cumulative_planned, ${raw(cumulative('delivered'))} AS cumulative_delivered,
           ${programmeColumns('p')}
      FROM g LEFT JOIN programmes p ON p.organisation_id = ${org} AND p.id = g.programme_id
     ORDER BY ${raw(['g.total', ...groups.map((g) => GROUPINGS[g].order)].join(', '))}`);
  const rows: ReconciliationRow[] = [];
  let totals = ZERO;
  for (const r of result) {
    if (r.total) {
      totals = totalsOf(r);
      continue;
    }
    const programme = r.programme_id ? programmeOf(r) : null;
    if (programme) ctx.loaders.programmeById.prime(programme.id, programme);
    const { financial_year: financialYear, category, kind, reference } = r;
    rows.push({ programme, financialYear, category, kind, reference, totals: totalsOf(r) });
  }
  return { rows, totals };
}

function totalsOf(r: SqlRow): SavingsTotalsRow {
  return {
    planned: r.planned,
    forecast: r.forecast,
    delivered: r.delivered,
    variance: r.variance,
    netPlanned: r.net_planned,
    netDelivered: r.net_delivered,
    forecastVariance: r.forecast_variance,
    oneOffCosts: r.one_off_costs,
    oneOffCostsIncurred: r.one_off_costs_incurred,
    writtenOff: r.written_off,
    atRisk: r.at_risk,
    cumulativePlanned: r.cumulative_planned,
    cumulativeDelivered: r.cumulative_delivered,
  };
}

function programmeOf(r: SqlRow): ProgrammeRow {
  return {
    id: r.id!,
    code: r.code!,
    name: r.name!,
    description: r.description ?? null,
    status: r.status!,
    owner: r.owner ?? null,
    startDate: r.startDate ?? null,
    endDate: r.endDate ?? null,
    version: r.version!,
    updatedAt: r.updatedAt!,
  };
}
