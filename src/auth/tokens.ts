import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens are `pr_<organisation>_<256 random bits>`: the organisation part routes the
 * look-up to one organisation's rows (and shard); only a SHA-256 hash is ever stored.
 */
export function newToken(organisationId: string): string {
  return `pr_${organisationId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN = /^pr_([0-9a-f]{32})_[A-Za-z0-9_-]{43}$/;

/** The organisation a well-formed token names, or undefined for anything else. */
export function tokenOrganisation(token: string): string | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const h = m[1];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Compares a bearer with a configured secret (ADMIN_SECRET, METRICS_TOKEN) without leaking its length through timing. */
export function matchesSecret(bearer: string, secret: string | undefined): boolean {
  if (!secret) return false;
  return timingSafeEqual(createHash('sha256').update(bearer).digest(), createHash('sha256').update(secret).digest());
}
