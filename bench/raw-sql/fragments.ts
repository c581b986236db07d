// What every raw statement is made of: $1 is the organisation, $2 the token hash; the caller's
// token is checked in the same statement, and the answer's JSON is built by PostgreSQL.

/** An operation's statement and its parameters after $1 and $2. */
export type Statement = (variables: Record<string, any>) => { sql: string; params: unknown[] };

export const CALLER = `WITH caller AS (
  SELECT u.role <> 'MEMBER' AS sees FROM api_tokens t JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.user_id
   WHERE t.organisation_id = $1 AND t.token_hash = $2 AND t.revoked_at IS NULL AND u.active)`;
export const TODAY = `(now() AT TIME ZONE 'Europe/London')::date`;
export const rating = (s: string) => `CASE WHEN ${s} <= 4 THEN 'GREEN' WHEN ${s} <= 12 THEN 'AMBER' ELSE 'RED' END`;
export const year = (y: string) => `${y} || '/' || lpad(((${y} + 1) % 100)::text, 2, '0')`;
export const money = (x: string) => `round(${x}, 2)::text`;
export const list = (obj: string, order: string, from: string) =>
  `(SELECT coalesce(json_agg(${obj} ORDER BY ${order}), '[]') ${from})`;
/** The row is the organisation's, and not confidential unless the caller sees exempt information. */
export const visible = (r: string) => `${r}.organisation_id = $1 AND (c.sees OR NOT ${r}.confidential)`;
/** The answer `{"<name>": <value>}`, no answer at all for a token that is not valid. */
export const top = (name: string, value: string) =>
  `${CALLER} SELECT json_build_object('${name}', ${value})::text AS body FROM caller c`;
