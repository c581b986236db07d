// The limit: one hand-written statement per operation, the JSON answer built in PostgreSQL,
// the caller's token checked in the same statement. $1 is the organisation, $2 the token hash.
import { OpName } from './operations';

const CALLER = `WITH caller AS (
  SELECT u.role <> 'MEMBER' AS sees FROM api_tokens t JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.user_id
   WHERE t.organisation_id = $1 AND t.token_hash = $2 AND t.revoked_at IS NULL AND u.active)`;
const TODAY = `(now() AT TIME ZONE 'Europe/London')::date`;
const rating = (s: string) => `CASE WHEN ${s} <= 4 THEN 'GREEN' WHEN ${s} <= 12 THEN 'AMBER' ELSE 'RED' END`;
const year = (y: string) => `${y} || '/' || lpad(((${y} + 1) % 100)::text, 2, '0')`;
const money = (x: string) => `round(${x}, 2)::text`;
const list = (obj: string, order: string, from: string) => `(SELECT coalesce(json_agg(${obj} ORDER BY ${order}), '[]') ${from})`;
const visible = (r: string) => `${r}.organisation_id = $1 AND (c.sees OR NOT ${r}.confidential)`;
const RISK_ORDER = '-r.current_score, r.programme_code, r.reference';
const overdue = `coalesce(m.status IN ('PLANNED', 'IN_PROGRESS') AND m.due_date < ${TODAY}, false)`;
const mitigations = (fields: string) =>
  list(
    `json_build_object(${fields}, 'overdue', ${overdue})`,
    'm.due_date NULLS LAST, m.created_at, m.id',
    'FROM mitigations m WHERE m.organisation_id = $1 AND m.risk_id = r.id',
  );
const delivered = (l: string) =>
  `(SELECT coalesce(sum(d.amount), 0) FROM savings_deliveries d WHERE d.organisation_id = $1 AND d.savings_line_id = ${l}.id)`;
const top = (name: string, value: string) =>
  `${CALLER} SELECT json_build_object('${name}', ${value})::text AS body FROM caller c`;

const O1 = top(
  'programmes',
  `json_build_object('nodes', ${list(
    `json_build_object('code', p.code, 'risks', ${list(
      `json_build_object('reference', r.reference, 'title', r.title,
       'current', json_build_object('score', r.current_score, 'rating', ${rating('r.current_score')}),
       'mitigations', ${mitigations(`'action', m.action, 'owner', m.owner, 'status', m.status, 'dueDate', m.due_date`)})`,
      RISK_ORDER,
      `FROM risks r WHERE ${visible('r')} AND r.programme_id = p.id AND r.current_score >= $4`,
    )})`,
    'p.code',
    'FROM (SELECT * FROM programmes WHERE organisation_id = $1 ORDER BY code LIMIT $3) p',
  )})`,
);

const o2 = (keyset: string) =>
  top(
    'risks',
    `json_build_object(
  'totalCount', (SELECT count(*) FROM risks r WHERE ${visible('r')} AND r.status = $3),
  'nodes', ${list(
    `json_build_object('reference', r.reference, 'title', r.title,
                     'programme', json_build_object('code', r.programme_code), 'current', json_build_object('score', r.current_score))`,
    RISK_ORDER,
    `FROM (SELECT * FROM risks r WHERE ${visible('r')} AND r.status = $3 ${keyset}
                      ORDER BY ${RISK_ORDER} LIMIT $4) r`,
  )})`,
  );

const O3 = top(
  'programme',
  `(SELECT json_build_object('code', p.code, 'name', p.name, 'status', p.status,
  'risks', ${list(
    `json_build_object('reference', r.reference, 'title', r.title, 'status', r.status,
      'current', json_build_object('score', r.current_score, 'rating', ${rating('r.current_score')}),
      'mitigations', ${mitigations(`'action', m.action, 'status', m.status, 'dueDate', m.due_date, 'kind', m.kind,
        'effectiveness', m.effectiveness, 'baselineDueDate', m.baseline_due_date, 'updates', ${list(
          `json_build_object('on', u.on_date, 'note', u.note, 'recordedBy', u.recorded_by)`,
          'u.on_date DESC, u.seq DESC',
          'FROM mitigation_updates u WHERE u.organisation_id = $1 AND u.mitigation_id = m.id',
        )}`)},
      'assessments', ${list(
        `json_build_object('assessedOn', a.assessed_on, 'likelihood', a.likelihood, 'impact', a.impact,
          'score', a.likelihood * a.impact, 'rating', ${rating('a.likelihood * a.impact')}, 'note', a.note, 'recordedBy', a.recorded_by)`,
        'a.assessed_on DESC, a.seq DESC',
        'FROM risk_assessments a WHERE a.organisation_id = $1 AND a.risk_id = r.id',
      )},
      'threatensSavings', ${list(
        `json_build_object('description', l.description, 'financialYear', ${year('l.financial_year')})`,
        'l.financial_year, l.description, l.id',
        `FROM risk_savings_lines k JOIN savings_lines l ON l.organisation_id = k.organisation_id AND l.id = k.savings_line_id
          WHERE k.organisation_id = $1 AND k.risk_id = r.id`,
      )})`,
    RISK_ORDER,
    `FROM risks r WHERE ${visible('r')} AND r.programme_id = p.id`,
  )},
  'milestones', ${list(
    `json_build_object('title', m.title, 'baselineDate', m.baseline_date, 'forecastDate', m.forecast_date,
      'actualDate', m.actual_date, 'status', m.status, 'slippageDays', coalesce(m.actual_date, m.forecast_date) - m.baseline_date)`,
    'm.forecast_date, m.title, m.id',
    'FROM milestones m WHERE m.organisation_id = $1 AND m.programme_id = p.id',
  )},
  'savingsLines', ${list(
    `json_build_object('description', l.description, 'financialYear', ${year('l.financial_year')}, 'kind', l.kind,
      'planned', l.planned::text, 'forecast', l.forecast::text, 'delivered', ${money(delivered('l'))},
      'deliveries', ${list(
        `json_build_object('amount', d.amount::text, 'recordedOn', d.recorded_on, 'ledgerReference', d.ledger_reference)`,
        'd.recorded_on, d.created_at, d.id',
        'FROM savings_deliveries d WHERE d.organisation_id = $1 AND d.savings_line_id = l.id',
      )},
      'threatenedBy', ${list(
        `json_build_object('reference', r.reference, 'current', json_build_object('score', r.current_score))`,
        RISK_ORDER,
        `FROM risk_savings_lines k JOIN risks r ON r.organisation_id = k.organisation_id AND r.id = k.risk_id
          WHERE ${visible('r')} AND k.savings_line_id = l.id`,
      )})`,
    'l.financial_year, l.description, l.id',
    'FROM savings_lines l WHERE l.organisation_id = $1 AND l.programme_id = p.id',
  )},
  'resolutions', ${list(
    `json_build_object('agendaItem', s.agenda_item, 'number', NULLIF(s.number, ''), 'text', s.text,
      'meeting', json_build_object('date', s.meeting_date))`,
    's.meeting_date DESC, s.agenda_item, s.number_key, s.id',
    `FROM resolution_programmes k JOIN resolutions s ON s.organisation_id = k.organisation_id AND s.id = k.resolution_id
      WHERE k.organisation_id = $1 AND k.programme_id = p.id`,
  )})
  FROM programmes p WHERE p.organisation_id = $1 AND p.id = $3)`,
);

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

const O6 = top(
  'resolutions',
  `json_build_object('nodes', ${list(
    `json_build_object('text', s.text, 'meeting', json_build_object('date', s.meeting_date, 'committee',
       (SELECT json_build_object('name', cm.name) FROM committees cm WHERE cm.organisation_id = $1 AND cm.id = s.committee_id)),
     'programmes', ${list(
       `json_build_object('code', p.code)`,
       'p.code',
       `FROM resolution_programmes k JOIN programmes p ON p.organisation_id = k.organisation_id AND p.id = k.programme_id
         WHERE k.organisation_id = $1 AND k.resolution_id = s.id`,
     )},
     'risks', ${list(
       `json_build_object('reference', r.reference)`,
       RISK_ORDER,
       `FROM resolution_risks k JOIN risks r ON r.organisation_id = k.organisation_id AND r.id = k.risk_id
         WHERE ${visible('r')} AND k.resolution_id = s.id`,
     )})`,
    's.meeting_date DESC, s.agenda_item, s.number_key, s.id',
    `FROM (SELECT * FROM resolutions WHERE organisation_id = $1
          ORDER BY meeting_date DESC, agenda_item, number_key, id LIMIT $3) s`,
  )})`,
);

// the overdue mitigations of visible risks, by due date, programme code, risk reference, action
const OVERDUE_MITIGATIONS = `FROM mitigations m JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id
  WHERE m.organisation_id = $1 AND ${visible('r')} AND ${overdue}`;
const O7 = top(
  'mitigations',
  `json_build_object(
  'totalCount', (SELECT count(*) ${OVERDUE_MITIGATIONS}),
  'nodes', ${list(
    `json_build_object('action', x.action, 'owner', x.owner, 'dueDate', x.due_date, 'status', x.status, 'overdue', true,
      'createdOn', x.created_on, 'risk', json_build_object('reference', x.reference, 'title', x.title,
      'programme', json_build_object('code', x.programme_code)))`,
    'x.n',
    `FROM (SELECT m.action, m.owner, m.due_date, m.status, (m.created_at AT TIME ZONE 'Europe/London')::date AS created_on,
                  r.reference, r.title, r.programme_code,
                  row_number() OVER (ORDER BY coalesce(m.due_date, date '9999-12-31'), r.programme_code, r.reference, m.action, m.id) AS n
             ${OVERDUE_MITIGATIONS}
            ORDER BY n LIMIT $3) x`,
  )})`,
);

// the open committee actions, by due date (none last), meeting date, then the order recorded
const OPEN_ACTIONS = `FROM committee_actions a JOIN meetings mt ON mt.organisation_id = a.organisation_id AND mt.id = a.meeting_id
  WHERE a.organisation_id = $1 AND a.status = 'OPEN'`;
const O8 = top(
  'committeeActions',
  `json_build_object(
  'totalCount', (SELECT count(*) ${OPEN_ACTIONS}),
  'nodes', ${list(
    `json_build_object('text', x.text, 'owner', x.owner, 'dueDate', x.due_date,
      'overdue', coalesce(x.due_date < ${TODAY}, false),
      'meeting', json_build_object('date', x.date, 'committee',
        (SELECT json_build_object('name', cm.name) FROM committees cm WHERE cm.organisation_id = $1 AND cm.id = x.committee_id)),
      'programme', (SELECT json_build_object('code', p.code) FROM programmes p WHERE p.organisation_id = $1 AND p.id = x.programme_id))`,
    'x.n',
    `FROM (SELECT a.text, a.owner, a.due_date, a.programme_id, mt.date, mt.committee_id,
                  row_number() OVER (ORDER BY coalesce(a.due_date, date '9999-12-31'), mt.date, a.seq) AS n
             ${OPEN_ACTIONS}
            ORDER BY n LIMIT $3) x`,
  )})`,
);

// changesSince($3 programme, $4 since): moves count by the audit events recorded after since
const SINCE = '$4::date';
const moved = (alias: string, moves: string) =>
  `FROM audit_events e WHERE e.organisation_id = $1 AND e.entity_id = ${alias}.id
     AND e.at >= ((${SINCE} + 1)::timestamp AT TIME ZONE 'Europe/London') AND (${moves})`;
const firstBefore = (field: string, whenNull = 'NULL') =>
  `(array_agg(coalesce(e.changes -> '${field}' ->> 0, ${whenNull}) ORDER BY e.seq) FILTER (WHERE e.changes -> '${field}' IS NOT NULL))[1]`;
const ofRisks = `FROM mitigations m JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id
  WHERE ${visible('r')} AND r.programme_id = p.id`;
const MITIGATION_ORDER = 'm.due_date NULLS LAST, r.reference, m.action, m.id';
const riskList = (where: string, fields: string) =>
  list(
    `json_build_object(${fields})`,
    'r.reference, r.id',
    `FROM risks r WHERE ${visible('r')} AND r.programme_id = p.id AND ${where}`,
  );
const linkedTo = ['programme_id', 'risk_id', 'milestone_id', 'savings_line_id']
  .map((column) => {
    const [table, links] = {
      programme_id: ['programmes', 'resolution_programmes'],
      risk_id: ['risks', 'resolution_risks'],
      milestone_id: ['milestones', 'resolution_milestones'],
      savings_line_id: ['savings_lines', 'resolution_savings_lines'],
    }[column]!;
    const target = column === 'programme_id' ? 'x.id' : 'x.programme_id';
    const seen = table === 'risks' ? ' AND (c.sees OR NOT x.confidential)' : '';
    return `SELECT k.resolution_id FROM ${links} k JOIN ${table} x ON x.organisation_id = k.organisation_id AND x.id = k.${column}
      WHERE k.organisation_id = $1 AND ${target} = p.id${seen}`;
  })
  .join(' UNION ');
const O9 = top(
  'changesSince',
  `(SELECT json_build_object('since', ${SINCE},
  'riskMoves', ${list(
    `json_build_object('risk', json_build_object('reference', r.reference),
      'before', json_build_object('score', b.s, 'rating', ${rating('b.s')}),
      'after', json_build_object('score', r.current_score, 'rating', ${rating('r.current_score')}),
      'assessments', ${list(
        `json_build_object('assessedOn', a.assessed_on, 'score', a.likelihood * a.impact, 'note', a.note)`,
        'a.assessed_on DESC, a.seq DESC',
        `FROM risk_assessments a WHERE a.organisation_id = $1 AND a.risk_id = r.id AND a.assessed_on > ${SINCE}`,
      )})`,
    'r.current_score DESC, r.reference, r.id',
    `FROM risks r CROSS JOIN LATERAL (SELECT a.likelihood * a.impact AS s FROM risk_assessments a
        WHERE a.organisation_id = $1 AND a.risk_id = r.id AND a.assessed_on <= ${SINCE} ORDER BY a.assessed_on DESC, a.seq DESC LIMIT 1) b
      WHERE ${visible('r')} AND r.programme_id = p.id AND r.identified_on <= ${SINCE} AND b.s <> r.current_score`,
  )},
  'newRisks', ${riskList(`r.identified_on > ${SINCE}`, `'reference', r.reference, 'title', r.title`)},
  'closedRisks', ${riskList(`r.closed_on > ${SINCE}`, `'reference', r.reference, 'closedOn', r.closed_on`)},
  'mitigationsCompleted', ${list(
    `json_build_object('action', m.action, 'completedOn', m.completed_on)`,
    MITIGATION_ORDER,
    `${ofRisks} AND m.completed_on > ${SINCE}`,
  )},
  'mitigationsNowOverdue', ${list(
    `json_build_object('action', m.action, 'dueDate', m.due_date)`,
    MITIGATION_ORDER,
    `${ofRisks} AND ${overdue} AND m.due_date > ${SINCE}`,
  )},
  'mitigationsRescheduled', ${list(
    `json_build_object('mitigation', json_build_object('action', m.action), 'dueDateBefore', h.before, 'dueDateAfter', m.due_date)`,
    MITIGATION_ORDER,
    `FROM mitigations m JOIN risks r ON r.organisation_id = m.organisation_id AND r.id = m.risk_id
       JOIN LATERAL (SELECT (array_agg(e.changes -> 'dueDate' ->> 0 ORDER BY e.seq))[1] AS before, count(*) AS n
          ${moved('m', `e.action = 'mitigation.updated' AND e.changes -> 'dueDate' IS NOT NULL`)}) h ON h.n > 0
      WHERE ${visible('r')} AND r.programme_id = p.id`,
  )},
  'milestonesMoved', ${list(
    `json_build_object('milestone', json_build_object('title', m.title), 'forecastDateBefore', h.fb,
      'forecastDateAfter', m.forecast_date, 'slippageChange', (coalesce(m.actual_date, m.forecast_date) - m.baseline_date)
        - (coalesce(CASE WHEN m.actual_date <= ${SINCE} THEN m.actual_date END, h.fb) - h.bb))`,
    'm.forecast_date, m.title, m.id',
    `FROM milestones m JOIN LATERAL (SELECT coalesce(${firstBefore('forecastDate')}::date, m.forecast_date) AS fb,
          coalesce(${firstBefore('baselineDate')}::date, m.baseline_date) AS bb, count(*) AS n
          ${moved(
            'm',
            `(e.action = 'milestone.updated' AND e.changes -> 'forecastDate' IS NOT NULL)
            OR (e.action = 'milestone.rebaselined' AND e.changes -> 'baselineDate' IS NOT NULL)`,
          )}) h
        ON h.n > 0 OR m.actual_date > ${SINCE}
      WHERE m.organisation_id = $1 AND m.programme_id = p.id`,
  )},
  'savingsChanged', ${list(
    `json_build_object('savingsLine', json_build_object('description', l.description, 'financialYear', ${year('l.financial_year')}),
      'forecastBefore', coalesce(h.f, l.forecast)::text, 'forecastAfter', l.forecast::text,
      'plannedBefore', coalesce(h.p, l.planned)::text, 'plannedAfter', l.planned::text)`,
    'l.financial_year, l.description, l.id',
    `FROM savings_lines l JOIN LATERAL (SELECT ${firstBefore('forecast', "'0'")}::numeric(15,2) AS f,
          ${firstBefore('planned', "'0'")}::numeric(15,2) AS p, count(*) AS n
          ${moved(
            'l',
            `e.action IN ('savingsLine.rephased', 'savingsLine.writtenOff') OR (e.action = 'savingsLine.updated'
            AND (e.changes -> 'forecast' IS NOT NULL OR e.changes -> 'deliveryConfidence' IS NOT NULL))`,
          )}) h ON h.n > 0
      WHERE l.organisation_id = $1 AND l.programme_id = p.id`,
  )},
  'deliveries', ${list(
    `json_build_object('amount', d.amount::text, 'recordedOn', d.recorded_on)`,
    'd.recorded_on, d.created_at, d.id',
    `FROM savings_lines l JOIN savings_deliveries d ON d.organisation_id = l.organisation_id AND d.savings_line_id = l.id
      WHERE l.organisation_id = $1 AND l.programme_id = p.id AND d.recorded_on > ${SINCE}`,
  )},
  'resolutions', ${list(
    `json_build_object('text', s.text, 'agendaItem', s.agenda_item, 'number', NULLIF(s.number, ''))`,
    's.meeting_date DESC, s.agenda_item, s.number_key, s.id',
    `FROM resolutions s WHERE s.organisation_id = $1 AND s.meeting_date > ${SINCE} AND s.id IN (${linkedTo})`,
  )},
  'openActions', ${list(
    `json_build_object('text', a.text, 'dueDate', a.due_date, 'overdue', coalesce(a.due_date < ${TODAY}, false))`,
    `coalesce(a.due_date, date '9999-12-31'), mt.date, a.seq`,
    `${OPEN_ACTIONS} AND a.programme_id = p.id`,
  )})
  FROM programmes p WHERE p.organisation_id = $1 AND p.id = $3)`,
);

/** The statement for an operation and its parameters after $1 and $2; null for what raw SQL does not serve. */
export function rawStatement(op: OpName, v: Record<string, any>): { sql: string; params: unknown[] } | null {
  switch (op) {
    case 'O1':
      return { sql: O1, params: [v.first ?? 50, v.minScore] };
    case 'O2':
    case 'O2deep': {
      // the benchmark's O2 filters one status; the keyset is one row comparison on ix_risks_status_list
      if (v.after == null) return { sql: o2(''), params: [v.status[0], v.first ?? 50] };
      const [, score, code, reference] = JSON.parse(Buffer.from(v.after, 'base64url').toString('utf8'));
      const keyset = `AND (-r.current_score, r.programme_code, r.reference) > ($5::int, $6::text, $7::text)`;
      return { sql: o2(keyset), params: [v.status[0], v.first ?? 50, -score, code, reference] };
    }
    case 'O3':
      return { sql: O3, params: [v.id] };
    case 'O4':
      return { sql: O4, params: [] };
    case 'O5':
      return { sql: O5, params: [] };
    case 'O6':
      return { sql: O6, params: [v.first ?? 50] };
    case 'O7':
      return { sql: O7, params: [v.first ?? 50] };
    case 'O8':
      return { sql: O8, params: [v.first ?? 50] };
    case 'O9':
      return { sql: O9, params: [v.id, v.since] };
    default:
      return null;
  }
}
