// Programme health across the portfolio (O11): each programme's latest report and its history.
import { list, Statement, top } from './fragments';

const REPORT = `json_build_object('rating', h.rating, 'commentary', h.commentary, 'asOf', h.as_of, 'recordedBy', h.recorded_by)`;
const HEALTH_ORDER = 'h.as_of DESC, h.seq DESC';
const OF_PROGRAMME = 'FROM programme_health_reports h WHERE h.organisation_id = $1 AND h.programme_id = p.id';

const O11 = top(
  'programmes',
  `json_build_object('nodes', ${list(
    `json_build_object('code', p.code, 'health', (SELECT ${REPORT} ${OF_PROGRAMME} ORDER BY ${HEALTH_ORDER} LIMIT 1),
      'healthHistory', ${list(REPORT, HEALTH_ORDER, OF_PROGRAMME)})`,
    'p.code',
    'FROM (SELECT * FROM programmes WHERE organisation_id = $1 ORDER BY code LIMIT $3) p',
  )})`,
);

export const programmeHealthStatements: Record<'O11', Statement> = {
  O11: (v) => ({ sql: O11, params: [v.first ?? 50] }),
};
