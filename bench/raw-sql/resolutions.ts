// The decision trail: the organisation's resolutions with their meeting, programmes and risks (O6).
import { list, Statement, top, visible } from './fragments';
import { RISK_ORDER } from './risks';

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

export const resolutionStatements: Record<'O6', Statement> = {
  O6: (v) => ({ sql: O6, params: [v.first ?? 50] }),
};
