// Risks: the programmes' risks above a score (O1) and the keyset-paginated risk list (O2, O2deep).
import { list, rating, Statement, top, visible } from './fragments';
import { mitigations } from './mitigations';

/** The risk list's order, as ix_risks_list and ix_risks_status_list hold it. */
export const RISK_ORDER = '-r.current_score, r.programme_code, r.reference';

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

// the benchmark's O2 filters one status; the keyset is one row comparison on ix_risks_status_list
const O2: Statement = (v) => {
  if (v.after == null) return { sql: o2(''), params: [v.status[0], v.first ?? 50] };
  const [, score, code, reference] = JSON.parse(Buffer.from(v.after, 'base64url').toString('utf8'));
  const keyset = `AND (-r.current_score, r.programme_code, r.reference) > ($5::int, $6::text, $7::text)`;
  return { sql: o2(keyset), params: [v.status[0], v.first ?? 50, -score, code, reference] };
};

export const riskStatements: Record<'O1' | 'O2' | 'O2deep', Statement> = {
  O1: (v) => ({ sql: O1, params: [v.first ?? 50, v.minScore] }),
  O2,
  O2deep: O2,
};
