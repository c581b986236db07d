// Mitigations: a risk's list of them (O1, O3) and the overdue ones across the organisation (O7).
import { list, Statement, TODAY, top, visible } from './fragments';

export const overdue = `coalesce(m.status IN ('PLANNED', 'IN_PROGRESS') AND m.due_date < ${TODAY}, false)`;

/** The mitigations of risk `r`, in the order Risk.mitigations gives them. */
export const mitigations = (fields: string) =>
  list(
    `json_build_object(${fields}, 'overdue', ${overdue})`,
    'm.due_date NULLS LAST, m.created_at, m.id',
    'FROM mitigations m WHERE m.organisation_id = $1 AND m.risk_id = r.id',
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

export const mitigationStatements: Record<'O7', Statement> = {
  O7: (v) => ({ sql: O7, params: [v.first ?? 50] }),
};
