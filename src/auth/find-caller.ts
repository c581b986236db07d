import { Db } from '../db/db';
import { sql } from '../db/sql';
import { Caller, Role } from './caller';
import { CallerCache } from './caller-cache';
import { hashToken, tokenOrganisation } from './tokens';

interface CallerRow {
  token_id: string;
  stale: boolean;
  user_id: string;
  email: string;
  role: Role;
  programme_ids: string[];
}

/**
 * The caller a bearer token stands for, or null when it is unknown, revoked or deactivated.
 * A valid token is remembered for a few seconds (CallerCache).
 */
export async function findCaller(db: Db, token: string, callers: CallerCache): Promise<Caller | null> {
  const organisationId = tokenOrganisation(token);
  if (!organisationId) return null;
  const tokenHash = hashToken(token);
  return callers.find(tokenHash, () => lookUpCaller(db, organisationId, tokenHash));
}

async function lookUpCaller(db: Db, organisationId: string, tokenHash: string): Promise<Caller | null> {
  const row = await db.one<CallerRow>(
    sql`SELECT t.id AS token_id, u.id AS user_id, u.email, u.role,
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale,
            ARRAY(SELECT up.programme_id FROM user_programmes up
                   WHERE up.organisation_id = u.organisation_id AND up.user_id = u.id) AS programme_ids
       FROM api_tokens t
       JOIN users u ON u.organisation_id = t.organisation_id AND u.id = t.user_id
      WHERE t.organisation_id = ${organisationId} AND t.token_hash = ${tokenHash} AND t.revoked_at IS NULL AND u.active`,
  );
  if (!row) return null;
  // last use is kept to the minute: one write a minute per token, not one per request
  if (row.stale) {
    await db.execute(
      sql`UPDATE api_tokens SET last_used_at = now() WHERE organisation_id = ${organisationId} AND id = ${row.token_id}`,
    );
  }
  return {
    userId: row.user_id,
    organisationId,
    email: row.email,
    role: row.role,
    programmeIds: new Set(row.programme_ids),
  };
}
