import os from 'node:os';
import { ConfigError, readConfig } from './config';

const DEMO = { host: '127.0.0.1', logLevel: 'silent' } as const;

/** The one-line message readConfig refuses `env` with. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    readConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

test('nothing set: the documented defaults', () => {
  expect(readConfig({})).toEqual({
    port: 4000,
    host: '0.0.0.0',
    databaseUrl: undefined,
    dataDir: './data',
    adminSecret: undefined,
    rateLimitPerMinute: 600,
    authCacheSeconds: 2,
    databaseTimeoutSeconds: 5,
    requestTimeoutSeconds: 10,
    maxResponseObjects: 20_000,
    maxQueryCost: 10_000_000,
    logLevel: 'info',
    metricsToken: undefined,
    benchStats: false,
  });
});

test('the demo listens on loopback and logs nothing unless told otherwise', () => {
  expect(readConfig({}, DEMO)).toMatchObject({ host: '127.0.0.1', logLevel: 'silent' });
  expect(readConfig({ HOST: '0.0.0.0', LOG_LEVEL: 'debug' }, DEMO)).toMatchObject({ host: '0.0.0.0', logLevel: 'debug' });
});

test('every variable set to a good value is taken', () => {
  expect(
    readConfig({
      PORT: '8080',
      HOST: '::1',
      DATABASE_URL: 'postgresql://app:pw@db.internal:5432/register',
      DATA_DIR: os.tmpdir(),
      ADMIN_SECRET: 'a-secret-of-16-ch',
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_CACHE_SECONDS: '60',
      DATABASE_TIMEOUT_SECONDS: '30',
      REQUEST_TIMEOUT_SECONDS: '60',
      MAX_RESPONSE_OBJECTS: '1000',
      MAX_QUERY_COST: '2000000',
      LOG_LEVEL: 'warn',
      METRICS_TOKEN: 'scrape-token-0123456789',
      BENCH_STATS: '1',
    }),
  ).toEqual({
    port: 8080,
    host: '::1',
    databaseUrl: 'postgresql://app:pw@db.internal:5432/register',
    dataDir: os.tmpdir(),
    adminSecret: 'a-secret-of-16-ch',
    rateLimitPerMinute: 0,
    authCacheSeconds: 60,
    databaseTimeoutSeconds: 30,
    requestTimeoutSeconds: 60,
    maxResponseObjects: 1000,
    maxQueryCost: 2_000_000,
    logLevel: 'warn',
    metricsToken: 'scrape-token-0123456789',
    benchStats: true,
  });
});

test('an empty variable counts as unset', () => {
  expect(readConfig({ PORT: '', ADMIN_SECRET: '', DATABASE_URL: '', LOG_LEVEL: '', METRICS_TOKEN: '' })).toMatchObject({
    port: 4000,
    adminSecret: undefined,
    databaseUrl: undefined,
    logLevel: 'info',
    metricsToken: undefined,
  });
});

test.each(['trace', 'debug', 'info', 'warn', 'error', 'silent'])('LOG_LEVEL=%s is taken', (level) => {
  expect(readConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
});

test.each(['localhost', 'db-1.example.gov.uk', '0.0.0.0', '192.0.2.10', '::', 'fe80::1'])('HOST=%s is taken', (host) => {
  expect(readConfig({ HOST: host }).host).toBe(host);
});

/** Each variable's rule, with the values it refuses. */
const refused: [name: string, rule: string, values: string[]][] = [
  ['LOG_LEVEL', 'must be one of trace, debug, info, warn, error, silent', ['verbose', 'INFO']],
  ['PORT', 'must be a whole number from 0 to 65535', ['eighty', '65536', '-1', '80.5', ' 80']],
  ['HOST', 'must be an IP address or a host name', ['not a host', 'http://example.org']],
  ['RATE_LIMIT_PER_MINUTE', 'must be a whole number from 0 to 1000000', ['1e3']],
  ['AUTH_CACHE_SECONDS', 'must be a whole number from 0 to 60', ['61']],
  ['DATABASE_TIMEOUT_SECONDS', 'must be a whole number from 1 to 3600', ['0']],
  ['REQUEST_TIMEOUT_SECONDS', 'must be a whole number from 1 to 3600', ['0']],
  ['MAX_RESPONSE_OBJECTS', 'must be a whole number from 1000 to 10000000', ['999']],
  ['MAX_QUERY_COST', 'must be a whole number from 1000 to 1000000000', ['10M', '999']],
  ['BENCH_STATS', 'must be 1 or 0', ['yes']],
  ['DATA_DIR', 'must be a directory, or a path where one can be made (not a file)', [__filename]],
];

test.each(refused.flatMap(([name, rule, values]) => values.map((value) => [name, value, rule])))(
  '%s=%j is refused with one line naming the rule and the value',
  (name, value, rule) => {
    expect(refusal({ [name]: value })).toBe(`invalid configuration: ${name} ${rule} (got "${value}")`);
  },
);

test('a long value is cut short and quotes or line breaks in it stay on the one line', () => {
  const message = refusal({ LOG_LEVEL: `"${'x'.repeat(200)}\nsecond line` });
  expect(message).not.toContain('\n');
  expect(message.length).toBeLessThan(200);
  expect(message).toContain('(got "\\"xxx');
});

test.each([
  ['ADMIN_SECRET', 'short-secret', 'must be at least 16 characters without spaces, or unset'],
  ['ADMIN_SECRET', 'sixteen chars and a space', 'must be at least 16 characters without spaces, or unset'],
  ['METRICS_TOKEN', 'tok3n', 'must be at least 16 characters without spaces, or unset'],
  ['DATABASE_URL', 'mysql://root:hunter2hunter2@db/register', 'must be a postgres:// or postgresql:// URL with a host'],
  ['DATABASE_URL', 'postgres://user:hunter2hunter2@/register', 'must be a postgres:// or postgresql:// URL with a host'],
  ['DATABASE_URL', 'host=db password=hunter2hunter2', 'must be a postgres:// or postgresql:// URL with a host'],
])('a bad %s is refused without repeating it (%s)', (name, value, rule) => {
  const message = refusal({ [name]: value });
  expect(message.startsWith(`invalid configuration: ${name} ${rule}`)).toBe(true);
  expect(message).not.toContain(value);
  expect(message).not.toMatch(/hunter2|short-secret|tok3n|got/);
});

test('every bad variable is named in the one line, in a stable order', () => {
  expect(refusal({ LOG_LEVEL: 'loud', PORT: 'x', ADMIN_SECRET: 'short' })).toBe(
    'invalid configuration: PORT must be a whole number from 0 to 65535 (got "x"); ' +
      'ADMIN_SECRET must be at least 16 characters without spaces, or unset; ' +
      'LOG_LEVEL must be one of trace, debug, info, warn, error, silent (got "loud")',
  );
});
