// Committee actions: the open ones across committees and programmes (O8).
import { list, Statement, TODAY, top } from './fragments';

// the open committee actions, by due date (none last), meeting date, then the order recorded
export const OPEN_ACTIONS = `FROM committee_actions a JOIN meetings mt ON mt.organisation_id = a.organisation_id AND mt.id = a.meeting_id
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

export const committeeActionStatements: Record<'O8', Statement> = {
  O8: (v) => ({ sql: O8, params: [v.first ?? 50] }),
};
