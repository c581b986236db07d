import fs from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings read from the environment once, at start-up. */
export interface Config {
  port: number;
  /** The address to listen on: 0.0.0.0 for the server, 127.0.0.1 for `npm run demo`. */
  host: string;
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
  /** Longest a query may run before it is answered TIMEOUT. */
  requestTimeoutSeconds: number;
  /** Objects one answer may hold before it is answered RESPONSE_TOO_LARGE. */
  maxResponseObjects: number;
  /** Largest estimated answer, in fields, of an operation that is run (cost.ts). */
  maxQueryCost: number;
  logLevel: LogLevel;
  /** Bearer for GET /metrics; unset, only loopback callers get an answer. */
  metricsToken?: string;
  /** BENCH_STATS=1: GET /bench/stats answers the SQL statements sent so far (for `npm run bench`). */
  benchStats?: boolean;
}

/** A setting the server cannot start with; its message is one line that never holds a secret. */
export class ConfigError extends Error {}

const wholeNumber = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().min(min).max(max));

// a bearer token is one run of non-space characters (src/http/bearer.ts): a secret with a space could never match
const secret = z.string().regex(/^\S{16,}$/);

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An empty variable counts as unset, as `VAR=` in a compose file or unit means. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const ENVIRONMENT = z.object({
  PORT: optional(wholeNumber(0, 65535)),
  HOST: optional(z.string().refine((v) => isIP(v) !== 0 || HOST_NAME.test(v))),
  DATABASE_URL: optional(z.string().refine(isPostgresUrl)),
  DATA_DIR: optional(z.string().refine((v) => !fs.existsSync(v) || fs.statSync(v).isDirectory())),
  ADMIN_SECRET: optional(secret),
  RATE_LIMIT_PER_MINUTE: optional(wholeNumber(0, 1_000_000)),
  AUTH_CACHE_SECONDS: optional(wholeNumber(0, 60)),
  DATABASE_TIMEOUT_SECONDS: optional(wholeNumber(1, 3600)),
  REQUEST_TIMEOUT_SECONDS: optional(wholeNumber(1, 3600)),
  MAX_RESPONSE_OBJECTS: optional(wholeNumber(1000, 10_000_000)),
  MAX_QUERY_COST: optional(wholeNumber(1000, 1_000_000_000)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  METRICS_TOKEN: optional(secret),
  BENCH_STATS: optional(z.enum(['0', '1'])),
});

type Variable = keyof z.input<typeof ENVIRONMENT>;

/** What each variable must be, as the start-up error says it. */
const RULES: Record<Variable, string> = {
  PORT: 'must be a whole number from 0 to 65535',
  HOST: 'must be an IP address or a host name',
  DATABASE_URL: 'must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user@127.0.0.1:5432/register',
  DATA_DIR: 'must be a directory, or a path where one can be made (not a file)',
  ADMIN_SECRET: 'must be at least 16 characters without spaces, or unset',
  RATE_LIMIT_PER_MINUTE: 'must be a whole number from 0 to 1000000',
  AUTH_CACHE_SECONDS: 'must be a whole number from 0 to 60',
  DATABASE_TIMEOUT_SECONDS: 'must be a whole number from 1 to 3600',
  REQUEST_TIMEOUT_SECONDS: 'must be a whole number from 1 to 3600',
  MAX_RESPONSE_OBJECTS: 'must be a whole number from 1000 to 10000000',
  MAX_QUERY_COST: 'must be a whole number from 1000 to 1000000000',
  LOG_LEVEL: `must be one of ${LOG_LEVELS.join(', ')}`,
  METRICS_TOKEN: 'must be at least 16 characters without spaces, or unset',
  BENCH_STATS: 'must be 1 or 0',
};

/** Never repeated in an error: a secret, or a URL that may carry a password. */
const SECRETS = new Set<Variable>(['DATABASE_URL', 'ADMIN_SECRET', 'METRICS_TOKEN']);

function problem(name: Variable, raw: unknown): string {
  if (SECRETS.has(name)) return `${name} ${RULES[name]}`;
  const text = String(raw);
  return `${name} ${RULES[name]} (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
}

/** Defaults that differ by entry point: `npm run demo` listens on loopback and logs nothing. */
export interface ConfigDefaults {
  host: string;
  logLevel: LogLevel;
}

const SERVER_DEFAULTS: ConfigDefaults = { host: '0.0.0.0', logLevel: 'info' };

/** Reads and checks every variable; throws one ConfigError naming each bad one. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = SERVER_DEFAULTS): Config {
  const parsed = ENVIRONMENT.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => issue.path[0] as Variable))];
    throw new ConfigError(`invalid configuration: ${names.map((name) => problem(name, env[name])).join('; ')}`);
  }
  const v = parsed.data;
  return {
    port: v.PORT ?? 4000,
    host: v.HOST ?? defaults.host,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR ?? './data',
    adminSecret: v.ADMIN_SECRET,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE ?? 600,
    authCacheSeconds: v.AUTH_CACHE_SECONDS ?? 2,
    databaseTimeoutSeconds: v.DATABASE_TIMEOUT_SECONDS ?? 5,
    requestTimeoutSeconds: v.REQUEST_TIMEOUT_SECONDS ?? 10,
    maxResponseObjects: v.MAX_RESPONSE_OBJECTS ?? 20_000,
    maxQueryCost: v.MAX_QUERY_COST ?? 10_000_000,
    logLevel: v.LOG_LEVEL ?? defaults.logLevel,
    metricsToken: v.METRICS_TOKEN,
    benchStats: v.BENCH_STATS === '1',
  };
}
