/** Settings read from the environment once, at start-up. */
export interface Config {
  port: number;
  /** Real PostgreSQL when set; otherwise the embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** The operator's bearer for createOrganisation; the mutation is disabled when unset. */
  adminSecret?: string;
  /** Requests a minute per token; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Seconds a valid token's user is remembered without asking the database; 0 asks every time. */
  authCacheSeconds: number;
  /** PostgreSQL only: longest a statement may run, or a connection take to answer or to open. */
  databaseTimeoutSeconds: number;
  logLevel: 'info' | 'silent';
  /** BENCH_STATS=1: GET /bench/stats answers the SQL statements sent so far (for `npm run bench`). */
  benchStats?: boolean;
}

export class ConfigError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    adminSecret: env.ADMIN_SECRET || undefined,
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600, 0, 1_000_000),
    authCacheSeconds: integer('AUTH_CACHE_SECONDS', env.AUTH_CACHE_SECONDS, 2, 0, 60),
    databaseTimeoutSeconds: integer('DATABASE_TIMEOUT_SECONDS', env.DATABASE_TIMEOUT_SECONDS, 5, 1, 3600),
    logLevel: env.LOG_LEVEL === 'silent' ? 'silent' : 'info',
    benchStats: env.BENCH_STATS === '1',
  };
}
