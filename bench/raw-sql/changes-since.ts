// What changed in a programme since a date (O9), from its rows and the audit trail.
import { OPEN_ACTIONS } from './committee-actions';
import { list, rating, Statement, TODAY, top, visible, year } from './fragments';
import { overdue } from './mitigations';

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
const linkedTo = ['programme_id', 'risk_id', 'milestone_id', 'savings_line_id', 'issue_id']
  .map((column) => {
    const [table, links] = {
      programme_id: ['programmes', 'resolution_programmes'],
      risk_id: ['risks', 'resolution_risks'],
      milestone_id: ['milestones', 'resolution_milestones'],
      savings_line_id: ['savings_lines', 'resolution_savings_lines'],
      issue_id: ['issues', 'resolution_issues'],
    }[column]!;
    const target = column === 'programme_id' ? 'x.id' : 'x.programme_id';
    const seen = table === 'risks' || table === 'issues' ? ' AND (c.sees OR NOT x.confidential)' : '';
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
    'd.recorded_on, d.seq',
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

export const changesSinceStatements: Record<'O9', Statement> = {
  O9: (v) => ({ sql: O9, params: [v.id, v.since] }),
};
