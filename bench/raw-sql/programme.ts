// A programme's page (O3): its risks with their mitigations, assessments and the savings they
// threaten; its milestones; its savings lines with deliveries and threatening risks; its resolutions.
import { list, money, rating, Statement, top, visible, year } from './fragments';
import { mitigations } from './mitigations';
import { RISK_ORDER } from './risks';
import { delivered } from './savings';

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
        'd.recorded_on, d.seq',
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

export const programmeStatements: Record<'O3', Statement> = {
  O3: (v) => ({ sql: O3, params: [v.id] }),
};
