// Deterministic data for the benchmark, written straight into the project's tables with SQL
// (generate_series; no API, no randomness): the same size gives the same rows, ids included.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { rating } from './raw-sql/fragments';

/** Rows per organisation. Small is the issue's; Large is ten times as many programmes and resolutions. */
export interface Size {
  name: string;
  programmes: number;
  risksPerProgramme: number;
  mitigationsPerRisk: number;
  assessmentsPerRisk: number;
  linesPerProgramme: number;
  deliveriesPerLine: number;
  milestonesPerProgramme: number;
  resolutions: number;
  /** Issues raised directly, a programme; those raised from its risks come on top. */
  issuesPerProgramme: number;
  /** Health reports a programme (one programme in five has none yet). */
  healthReportsPerProgramme: number;
}

const SMALL: Size = {
  name: 'small',
  programmes: 50,
  risksPerProgramme: 40,
  mitigationsPerRisk: 5,
  assessmentsPerRisk: 4,
  linesPerProgramme: 12,
  deliveriesPerLine: 2,
  milestonesPerProgramme: 10,
  resolutions: 200,
  issuesPerProgramme: 3,
  healthReportsPerProgramme: 6,
};
export const SIZES: Record<string, Size> = {
  tiny: { ...SMALL, name: 'tiny', programmes: 8, risksPerProgramme: 10, resolutions: 40 },
  small: SMALL,
  large: { ...SMALL, name: 'large', programmes: 500, resolutions: 2000 },
};

/** Deterministic ids: md5 of a path, e.g. `r:0:12:3` for risk 3 of programme 12 of organisation 0. */
export const orgId = (o: number) => uuidOf(`org:${o}`);
export const programmeId = (o: number, p: number) => uuidOf(`p:${o}:${p}`);
function uuidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const id = (...parts: string[]) => `md5(${parts.join(` || ':' || `)})::uuid`;

/** The ADMIN token of an organisation (the format of src/auth/tokens.ts); only its hash is stored. */
export function tokenOf(o: number): string {
  const random = createHash('sha256').update(`bench-token:${o}`).digest('base64url').slice(0, 43);
  return `pr_${orgId(o).replace(/-/g, '')}_${random}`;
}

/**
 * Organisations first..first+count-1, each of `size`. One INSERT ... SELECT per table; pseudo-random
 * values come from arithmetic on the row numbers, so every run writes the same data.
 */
export async function generate(client: Client, size: Size, first: number, count: number): Promise<void> {
  const s = size;
  const orgs = `generate_series(${first}, ${first + count - 1}) o`;
  const P = `generate_series(0, ${s.programmes - 1}) p`;
  const R = `generate_series(0, ${s.risksPerProgramme - 1}) r`;
  const org = id(`'org'`, 'o');
  const prog = id(`'p'`, 'o', 'p');
  const risk = id(`'r'`, 'o', 'p', 'r');
  const line = id(`'l'`, 'o', 'p', 'l');
  const last = s.assessmentsPerRisk - 1;
  // likelihood and impact of assessment k of a risk (k = 0 is the inherent one)
  const lik = (k: string) => `(1 + (o * 3 + p * 7 + r * 11 + ${k} * 5) % 5)`;
  const imp = (k: string) => `(1 + (o + p * 3 + r * 13 + ${k} * 3 + (p * r) % 4) % 5)`;
  // a third of the closed risks happened: each became issue I<r + 1> on the day it closed
  const becameIssue = '(p + r) % 3 = 0';
  const statements = [
    `INSERT INTO organisations (id, name) SELECT ${org}, 'Council ' || o FROM ${orgs}`,
    `INSERT INTO users (organisation_id, id, email, name, role)
       SELECT ${org}, ${id(`'u'`, 'o')}, 'admin@council' || o || '.gov.uk', 'Admin ' || o, 'ADMIN' FROM ${orgs}`,
    `INSERT INTO programmes (organisation_id, id, code, name, description, status, owner, start_date, end_date)
       SELECT ${org}, ${prog}, 'P-' || lpad(p::text, 4, '0'), 'Programme ' || p, 'Reorganisation programme ' || p,
              (ARRAY['PROPOSED','CONSULTATION','APPROVED','IMPLEMENTATION','CLOSED'])[1 + p % 5], 'Director ' || (p % 7),
              date '2018-04-01' + (p % 365), date '2021-03-31' + (p % 365)
         FROM ${orgs}, ${P}`,
    `INSERT INTO risks (organisation_id, id, programme_id, programme_code, reference, title, description, category, owner, status,
                        inherent_likelihood, inherent_impact, current_likelihood, current_impact, previous_score,
                        target_likelihood, target_impact, review_date, confidential, closed_on, closed_reason, identified_on)
       SELECT ${org}, ${risk}, ${prog}, 'P-' || lpad(p::text, 4, '0'), 'R' || lpad((r + 1)::text, 2, '0'),
              'Risk ' || r || ' of programme ' || p, 'What could go wrong, number ' || r,
              (ARRAY['SAFEGUARDING','SERVICE_DELIVERY','FINANCIAL','WORKFORCE','EQUALITIES','LEGAL','PARTNERSHIP',
                     'REPUTATIONAL','DATA_AND_SYSTEMS'])[1 + (p + r) % 9], 'Owner ' || (r % 6),
              CASE WHEN r % 10 = 9 THEN 'CLOSED' ELSE 'OPEN' END,
              ${lik('0')}, ${imp('0')}, ${lik(String(last))}, ${imp(String(last))},
              ${last > 0 ? `${lik(String(last - 1))} * ${imp(String(last - 1))}` : 'NULL'},
              CASE WHEN r % 3 = 0 THEN 1 + r % 2 END, CASE WHEN r % 3 = 0 THEN 1 + p % 3 END,
              date '2026-06-01' + ((p * 37 + r * 17) % 400), r % 8 = 7,
              CASE WHEN r % 10 = 9 THEN date '2025-01-01' + p % 90 END,
              CASE WHEN r % 10 = 9 THEN CASE WHEN ${becameIssue} THEN 'Became issue I' || (r + 1) ELSE 'Mitigated' END END,
              date '2019-01-01' + (p + r) % 30
         FROM ${orgs}, ${P}, ${R}`,
    `INSERT INTO risk_assessments (organisation_id, id, risk_id, assessed_on, likelihood, impact, note, recorded_by)
       SELECT ${org}, ${id(`'a'`, 'o', 'p', 'r', 'k')}, ${risk}, date '2019-01-01' + k * 91 + (p + r) % 30,
              ${lik('k')}, ${imp('k')}, CASE WHEN k > 0 THEN 'Review ' || k END, 'admin@council' || o || '.gov.uk'
         FROM ${orgs}, ${P}, ${R}, generate_series(0, ${last}) k ORDER BY o, p, r, k`,
    // every fifth mitigation a CONTROL (rated in turn); every seventh dated one slipped 60 days from its baseline
    `INSERT INTO mitigations (organisation_id, id, risk_id, action, owner, due_date, baseline_due_date, status, completed_on,
                              kind, effectiveness)
       SELECT ${org}, ${id(`'m'`, 'o', 'p', 'r', 'm')}, ${risk}, 'Action ' || m || ' on risk ' || r, 'Lead ' || (m % 4),
              due, due - CASE WHEN (p + r + m) % 7 = 0 THEN 60 ELSE 0 END,
              (ARRAY['PLANNED','IN_PROGRESS','COMPLETE','CANCELLED'])[1 + (r + m) % 4],
              CASE WHEN (r + m) % 4 = 2 THEN date '2025-08-01' + m END,
              CASE WHEN m % 5 = 4 THEN 'CONTROL' ELSE 'ACTION' END,
              CASE WHEN m % 5 = 4 THEN (ARRAY['NOT_ASSESSED','EFFECTIVE','PARTLY_EFFECTIVE','INEFFECTIVE'])[1 + (p + r) % 4] END
         FROM ${orgs}, ${P}, ${R}, generate_series(0, ${s.mitigationsPerRisk - 1}) m,
              LATERAL (SELECT CASE WHEN (p + r + m) % 11 <> 0 THEN date '2025-09-01' + ((p * 13 + r * 7 + m * 29) % 500) END AS due) d`,
    // progress notes: none, one or two a mitigation
    `INSERT INTO mitigation_updates (organisation_id, id, mitigation_id, on_date, note, recorded_by)
       SELECT ${org}, ${id(`'mu'`, 'o', 'p', 'r', 'm', 'u')}, ${id(`'m'`, 'o', 'p', 'r', 'm')},
              date '2025-06-01' + u * 45 + (p + r + m) % 30, 'Progress note ' || u || ' on action ' || m,
              'admin@council' || o || '.gov.uk'
         FROM ${orgs}, ${P}, ${R}, generate_series(0, ${s.mitigationsPerRisk - 1}) m, generate_series(0, 1) u
        WHERE u < (p + r + m) % 3 ORDER BY o, p, r, m, u`,
    `INSERT INTO savings_lines (organisation_id, id, programme_id, description, kind, category, financial_year, recurring,
                                reference, planned, original_planned, forecast, delivery_confidence)
       SELECT ${org}, ${line}, ${prog}, 'Savings line ' || l, CASE WHEN l % 6 = 5 THEN 'ONE_OFF_COST' ELSE 'SAVING' END,
              (ARRAY['STAFFING','PREMISES','COMMISSIONING','INCOME','OTHER'])[1 + (p + l) % 5], 2018 + l % 4, l % 2 = 0,
              'SL-' || (l / 4),
              ((p * 7919 + l * 104729) % 900000 + 1000) / 4.0, ((p * 7919 + l * 104729) % 900000 + 1000) / 4.0,
              ((p * 7919 + l * 104729) % 900000 + 1000) / 4.0 - (l % 3) * 1250.5,
              (ARRAY['GREEN','AMBER','RED'])[1 + (p + l) % 3]
         FROM ${orgs}, ${P}, generate_series(0, ${s.linesPerProgramme - 1}) l`,
    `INSERT INTO savings_deliveries (organisation_id, id, savings_line_id, amount, recorded_on, ledger_reference)
       SELECT ${org}, ${id(`'d'`, 'o', 'p', 'l', 'd')}, ${line}, ((p * 31 + l * 17 + d * 7) % 50000) * 1.25 + 0.01 * d,
              date '2018-05-01' + (l % 4) * 365 + d * 60, 'GL-' || p || '-' || l || '-' || d
         FROM ${orgs}, ${P}, generate_series(0, ${s.linesPerProgramme - 1}) l, generate_series(0, ${s.deliveriesPerLine - 1}) d`,
    // every fourth risk threatens two of its programme's savings lines
    `INSERT INTO risk_savings_lines (organisation_id, risk_id, savings_line_id)
       SELECT ${org}, ${risk}, ${id(`'l'`, 'o', 'p', `((r + p + x) % ${s.linesPerProgramme})`)}
         FROM ${orgs}, ${P}, ${R}, generate_series(0, 1) x WHERE r % 4 = 0`,
    `INSERT INTO milestones (organisation_id, id, programme_id, title, baseline_date, forecast_date, actual_date, status,
                             original_baseline_date)
       SELECT ${org}, ${id(`'ms'`, 'o', 'p', 'i')}, ${prog}, 'Milestone ' || i, date '2019-01-01' + i * 60,
              date '2019-01-01' + i * 60 + (p + i) % 45 - 10, CASE WHEN i < 3 THEN date '2019-01-01' + i * 60 + (p + i) % 20 END,
              CASE WHEN i < 3 THEN 'COMPLETE' ELSE (ARRAY['NOT_STARTED','ON_TRACK','AT_RISK','MISSED'])[1 + (p + i) % 4] END,
              date '2019-01-01' + i * 60
         FROM ${orgs}, ${P}, generate_series(0, ${s.milestonesPerProgramme - 1}) i`,
    `INSERT INTO committees (organisation_id, id, name)
       SELECT ${org}, ${id(`'c'`, 'o', 'c')}, (ARRAY['Cabinet','Children''s Scrutiny','Audit Committee','Full Council','Health Board'])[1 + c]
         FROM ${orgs}, generate_series(0, 4) c`,
    // four resolutions a meeting; meeting j belongs to committee j % 5
    `INSERT INTO meetings (organisation_id, id, committee_id, date)
       SELECT ${org}, ${id(`'mt'`, 'o', 'j')}, ${id(`'c'`, 'o', '(j % 5)')}, date '2018-01-10' + j * 9
         FROM ${orgs}, generate_series(0, ${Math.ceil(s.resolutions / 4) - 1}) j`,
    `INSERT INTO resolutions (organisation_id, id, meeting_id, meeting_date, committee_id, agenda_item, number, text)
       SELECT ${org}, ${id(`'res'`, 'o', 'i')}, ${id(`'mt'`, 'o', '(i / 4)')}, date '2018-01-10' + (i / 4) * 9,
              ${id(`'c'`, 'o', '((i / 4) % 5)')}, 'ITEM ' || ((i / 2) % 2 + 1) || ': PROGRAMME UPDATE',
              CASE WHEN i % 4 = 3 THEN '' ELSE (1 + i % 2)::text END, 'That the committee notes report ' || i || '.'
         FROM ${orgs}, generate_series(0, ${s.resolutions - 1}) i`,
    `INSERT INTO resolution_programmes (organisation_id, resolution_id, programme_id)
       SELECT DISTINCT ${org}, ${id(`'res'`, 'o', 'i')}, ${id(`'p'`, 'o', `((i + x * ${Math.floor(s.programmes / 2)}) % ${s.programmes})`)}
         FROM ${orgs}, generate_series(0, ${s.resolutions - 1}) i, generate_series(0, 1) x`,
    // two actions a meeting, from its first two resolutions: every third about no programme, the second
    // reporting to the next committee; OPEN, OPEN, DONE, DROPPED in turn; one in five undated; due dates
    // from the past (overdue when OPEN) to years ahead
    `INSERT INTO committee_actions (organisation_id, id, meeting_id, resolution_id, programme_id, text, owner, due_date,
                                    report_to_committee_id, status, completed_on)
       SELECT ${org}, ${id(`'ca'`, 'o', 'j', 'a')}, ${id(`'mt'`, 'o', 'j')}, ${id(`'res'`, 'o', '(j * 4 + a)')},
              CASE WHEN (j + a) % 3 <> 2 THEN ${id(`'p'`, 'o', `((j + a * 7) % ${s.programmes})`)} END,
              'Action ' || a || ' of meeting ' || j, 'Officer ' || (j + a) % 3,
              CASE WHEN (j + a) % 5 <> 4 THEN date '2018-02-01' + j * 9 + ((j * 7 + a * 11) % 4) * 1000 END,
              CASE WHEN a = 1 THEN ${id(`'c'`, 'o', '((j + 1) % 5)')} END,
              (ARRAY['OPEN','OPEN','DONE','DROPPED'])[1 + (j + a) % 4],
              CASE WHEN (j + a) % 4 = 2 THEN date '2018-03-01' + j * 9 END
         FROM ${orgs}, generate_series(0, ${Math.ceil(s.resolutions / 4) - 1}) j, generate_series(0, 1) a
        WHERE j * 4 + a < ${s.resolutions} ORDER BY o, j, a`,
    // issues raised directly (I01, I02...: one in three resolved, one in seven confidential) and from the
    // risks that happened, taking the risk's title, owner, confidentiality and rating (resolved in odd programmes)
    `INSERT INTO issues (organisation_id, id, programme_id, programme_code, reference, title, description, owner, priority,
                         status, raised_on, resolved_on, resolution_note, from_risk_id, confidential)
       SELECT i.org, i.id, i.programme_id, i.code, i.reference, i.title, i.description, i.owner, i.priority,
              CASE WHEN i.resolved THEN 'RESOLVED' ELSE 'OPEN' END, i.raised_on, CASE WHEN i.resolved THEN i.raised_on + 21 END,
              CASE WHEN i.resolved THEN 'Dealt with by the programme board' END, i.from_risk, i.confidential
         FROM (SELECT ${org} AS org, ${id(`'i'`, 'o', 'p', 'k')} AS id, ${prog} AS programme_id, 'P-' || lpad(p::text, 4, '0') AS code,
                      'I' || lpad((k + 1)::text, 2, '0') AS reference, 'Issue ' || k || ' of programme ' || p AS title,
                      'What has happened, number ' || k AS description, CASE WHEN k < 2 THEN 'Owner ' || (p + k) % 6 END AS owner,
                      (ARRAY['RED','AMBER','GREEN'])[1 + (p + 2 * k) % 3] AS priority,
                      date '2025-03-01' + (p * 11 + k * 37) % 200 AS raised_on, (p + k) % 3 = 1 AS resolved,
                      NULL::uuid AS from_risk, (p + k) % 7 = 3 AS confidential
                 FROM ${orgs}, ${P}, generate_series(0, ${s.issuesPerProgramme - 1}) k
               UNION ALL
               SELECT x.organisation_id, ${id(`'ir'`, 'o', 'p', 'r')}, x.programme_id, x.programme_code, 'I' || (r + 1), x.title,
                      x.description, x.owner, ${rating('x.current_score')}, x.closed_on, p % 2 = 1, x.id, x.confidential
                 FROM ${orgs}, ${P}, ${R}, risks x
                WHERE r % 10 = 9 AND ${becameIssue} AND x.organisation_id = ${org} AND x.id = ${risk}) i`,
    // one resolution in four dealt with one of a programme's issues raised directly
    `INSERT INTO resolution_issues (organisation_id, resolution_id, issue_id)
       SELECT ${org}, ${id(`'res'`, 'o', 'i')}, ${id(`'i'`, 'o', `((i / 4) % ${s.programmes})`, `(i % ${s.issuesPerProgramme})`)}
         FROM ${orgs}, generate_series(0, ${s.resolutions - 1}) i WHERE i % 4 = 1`,
    // a programme's health reported monthly, the latest two on the same day (their order is the order
    // recorded); none yet for one programme in five
    `INSERT INTO programme_health_reports (organisation_id, id, programme_id, rating, commentary, as_of, recorded_by)
       SELECT ${org}, ${id(`'h'`, 'o', 'p', 'h')}, ${prog}, (ARRAY['GREEN','AMBER','RED'])[1 + (p + h * h) % 3],
              'Health report ' || h || ' on programme ' || p || ': ' || (ARRAY['on track','consultation slipped','staffing short'])[1 + (p + h) % 3],
              date '2025-04-01' + least(h, ${s.healthReportsPerProgramme - 2}) * 30 + p % 10, 'admin@council' || o || '.gov.uk'
         FROM ${orgs}, ${P}, generate_series(0, ${s.healthReportsPerProgramme - 1}) h
        WHERE p % 5 <> 4 ORDER BY o, p, h`,
    `INSERT INTO resolution_risks (organisation_id, resolution_id, risk_id)
       SELECT DISTINCT ${org}, ${id(`'res'`, 'o', 'i')},
              ${id(`'r'`, 'o', `(i % ${s.programmes})`, `((i + x) % ${s.risksPerProgramme})`)}
         FROM ${orgs}, generate_series(0, ${s.resolutions - 1}) i, generate_series(0, 1) x`,
    // moves recorded by updates in October 2025 (changesSince reads them from the audit trail): every
    // seventh mitigation's due date, every fourth savings line's forecast, every third milestone's forecast
    `INSERT INTO audit_events (organisation_id, at, actor, action, entity_type, entity_id, changes)
       SELECT x.organisation_id, timestamptz '2025-10-01 12:00+00', 'bench', x.action, x.type, x.id, x.changes
         FROM (SELECT m.organisation_id, 'mitigation.updated' AS action, 'Mitigation' AS type, m.id,
                      jsonb_build_object('dueDate', jsonb_build_array((m.due_date - 30)::text, m.due_date::text)) AS changes
                 FROM mitigations m WHERE m.due_date IS NOT NULL AND get_byte(decode(md5(m.id::text), 'hex'), 0) % 7 = 3
               UNION ALL
               SELECT l.organisation_id, 'savingsLine.updated', 'SavingsLine', l.id,
                      jsonb_build_object('forecast', jsonb_build_array(l.planned::text, l.forecast::text))
                 FROM savings_lines l WHERE l.description LIKE '%1' OR l.description LIKE '%5' OR l.description LIKE '%9'
               UNION ALL
               SELECT ms.organisation_id, 'milestone.updated', 'Milestone', ms.id,
                      jsonb_build_object('forecastDate', jsonb_build_array(ms.baseline_date::text, ms.forecast_date::text))
                 FROM milestones ms WHERE ms.title IN ('Milestone 1', 'Milestone 4', 'Milestone 7')) x
        WHERE x.organisation_id IN (SELECT ${org} FROM ${orgs})`,
  ];
  for (const sql of statements) await client.query(sql);
  const tokens = Array.from({ length: count }, (_, i) => first + i);
  await client.query(
    `INSERT INTO api_tokens (organisation_id, user_id, token_hash)
       SELECT o.id, md5('u' || ':' || o.n)::uuid, o.hash FROM unnest($1::uuid[], $2::int[], $3::text[]) AS o(id, n, hash)`,
    [tokens.map(orgId), tokens, tokens.map((o) => createHash('sha256').update(tokenOf(o)).digest('hex'))],
  );
}
