// Savings: programmes' savings lines (O4) and the savings reconciliation (O5).
import { CALLER, list, money, Statement, top, year } from './fragments';

/** What has been delivered against savings line `l`. */
export const delivered = (l: string) =>
  `(SELECT coalesce(sum(d.amount), 0) FROM savings_deliveries d WHERE d.organisation_id = $1 AND d.savings_line_id = ${l}.id)`;

const O4 = top(
  'programmes',
  `json_build_object('nodes', ${list(
    `json_build_object('code', p.code, 'savingsLines', ${list(
      `json_build_object('financialYear', ${year('l.financial_year')},
      'planned', l.planned::text, 'forecast', l.forecast::text, 'delivered', ${money(delivered('l'))})`,
      'l.financial_year, l.description, l.id',
      'FROM savings_lines l WHERE l.organisation_id = $1 AND l.programme_id = p.id',
    )})`,
    'p.code',
    'FROM (SELECT * FROM programmes WHERE organisation_id = $1 ORDER BY code LIMIT 50) p',
  )})`,
);

const sum = (x: string, kind: string, also = 'true') => `coalesce(sum(${x}) FILTER (WHERE kind = '${kind}' AND ${also}), 0)`;
const totals = `json_build_object('planned', ${money('g.planned')}, 'forecast', ${money('g.forecast')},
  'delivered', ${money('g.delivered')}, 'variance', ${money('g.delivered - g.planned')},
  'netPlanned', ${money('g.planned - g.cost_planned')}, 'netDelivered', ${money('g.delivered - g.cost_delivered')},
  'cumulativePlanned', ${money('g.cumulative_planned')}, 'cumulativeDelivered', ${money('g.cumulative_delivered')},
  'atRisk', ${money('g.at_risk')})`;
// recurring savings carried forward year by year within the programme, as the reconciliation does
const carried = (x: string) =>
  `sum(${x}_recurring) OVER (PARTITION BY total, programme_id ORDER BY financial_year) + ${x} - ${x}_recurring`;
const O5 = `${CALLER}, lines AS (
    SELECT l.programme_id, l.financial_year, l.kind, l.recurring, l.planned, l.forecast, coalesce(d.delivered, 0) AS delivered,
           EXISTS (SELECT 1 FROM risk_savings_lines k JOIN risks r ON r.organisation_id = k.organisation_id AND r.id = k.risk_id
                    WHERE k.organisation_id = $1 AND k.savings_line_id = l.id AND r.status = 'OPEN' AND r.current_score >= 15
                      AND ((SELECT sees FROM caller) OR NOT r.confidential)) AS threatened
      FROM savings_lines l LEFT JOIN (SELECT savings_line_id, sum(amount) AS delivered FROM savings_deliveries
                                       WHERE organisation_id = $1 GROUP BY savings_line_id) d ON d.savings_line_id = l.id
     WHERE l.organisation_id = $1
  ), sums AS (
    SELECT programme_id, financial_year, GROUPING(programme_id, financial_year) <> 0 AS total,
           ${sum('planned', 'SAVING')} AS planned, ${sum('forecast', 'SAVING')} AS forecast, ${sum('delivered', 'SAVING')} AS delivered,
           ${sum('planned', 'ONE_OFF_COST')} AS cost_planned, ${sum('delivered', 'ONE_OFF_COST')} AS cost_delivered,
           ${sum('forecast', 'SAVING', 'threatened')} AS at_risk,
           ${sum('planned', 'SAVING', 'recurring')} AS planned_recurring, ${sum('delivered', 'SAVING', 'recurring')} AS delivered_recurring
      FROM lines GROUP BY GROUPING SETS ((programme_id, financial_year), ())
  ), g AS (
    SELECT sums.*, ${carried('planned')} AS cumulative_planned, ${carried('delivered')} AS cumulative_delivered FROM sums
  )
  SELECT json_build_object('savingsReconciliation', json_build_object(
    'rows', ${list(
      `json_build_object('programme', json_build_object('code', p.code), 'financialYear', ${year('g.financial_year')},
        'totals', ${totals})`,
      'p.code, g.financial_year',
      'FROM g JOIN programmes p ON p.organisation_id = $1 AND p.id = g.programme_id WHERE NOT g.total',
    )},
    'totals', (SELECT ${totals} FROM g WHERE g.total)))::text AS body FROM caller c`;

export const savingsStatements: Record<'O4' | 'O5', Statement> = {
  O4: () => ({ sql: O4, params: [] }),
  O5: () => ({ sql: O5, params: [] }),
};
