// The issue log: a page of the organisation's issues (O10), each with its programme, the risk it
// came from (null when that risk is hidden from the caller) and the resolutions linked to it.
import { list, rating, Statement, top, visible } from './fragments';

const ISSUE_ORDER = 'i.status, i.priority_rank, i.programme_code, i.reference, i.id';

const O10 = top(
  'issues',
  `json_build_object(
  'totalCount', (SELECT count(*) FROM issues i WHERE ${visible('i')}),
  'nodes', ${list(
    `json_build_object('reference', i.reference, 'title', i.title, 'owner', i.owner, 'priority', i.priority,
      'status', i.status, 'raisedOn', i.raised_on, 'resolvedOn', i.resolved_on, 'confidential', i.confidential,
      'programme', (SELECT json_build_object('code', p.code, 'name', p.name) FROM programmes p
                     WHERE p.organisation_id = $1 AND p.id = i.programme_id),
      'fromRisk', (SELECT json_build_object('reference', r.reference, 'status', r.status,
                     'current', json_build_object('score', r.current_score, 'rating', ${rating('r.current_score')}))
                     FROM risks r WHERE ${visible('r')} AND r.id = i.from_risk_id),
      'resolutions', ${list(
        `json_build_object('text', s.text, 'meeting', json_build_object('date', s.meeting_date))`,
        's.meeting_date DESC, s.agenda_item, s.number_key, s.id',
        `FROM resolution_issues k JOIN resolutions s ON s.organisation_id = k.organisation_id AND s.id = k.resolution_id
          WHERE k.organisation_id = $1 AND k.issue_id = i.id`,
      )})`,
    ISSUE_ORDER,
    `FROM (SELECT * FROM issues i WHERE ${visible('i')} ORDER BY ${ISSUE_ORDER} LIMIT $3) i`,
  )})`,
);

export const issueStatements: Record<'O10', Statement> = {
  O10: (v) => ({ sql: O10, params: [v.first ?? 50] }),
};
