import fs from 'node:fs';
import { Config } from '../../src/config';
import { createLogger, Logger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';
import { adminQuery, freshDataDir, TestRun, withDatabase } from './test-database';

export const OPERATOR_SECRET = 'test-operator-secret';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    path?: string[];
    locations?: { line: number; column: number }[];
    extensions?: { code?: string; field?: string };
  }[];
}

export interface TestServer {
  server: RunningServer;
  /** Sends one GraphQL operation over HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** SQL statements sent so far. */
  statements(): number;
  close(): Promise<void>;
}

/** A client of the GraphQL endpoint at `url`: TestServer's gql, for a server in another process too. */
export function gqlAt(url: string): TestServer['gql'] {
  return async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
}

/** A server for one test file, on the run's database (see global-setup); `logger` to read its logs. */
export async function startTestServer(overrides: Partial<Config> = {}, logger?: Logger): Promise<TestServer> {
  const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
  const dataDir = run.templateDir ? freshDataDir(run.templateDir) : '';
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: run.databaseUrl,
    dataDir,
    adminSecret: OPERATOR_SECRET,
    rateLimitPerMinute: 0,
    // long enough that a test never sees a token's user expire between two requests it compares
    // (statement counts); token-cache.test.ts sets its own
    authCacheSeconds: 60,
    databaseTimeoutSeconds: 5,
    requestTimeoutSeconds: 10,
    maxResponseObjects: 20_000,
    maxQueryCost: 10_000_000,
    logLevel: 'silent',
    ...overrides,
  };
  const server = await startServer(config, logger ?? createLogger(process.env.TEST_LOG ? 'info' : 'silent'));
  return {
    server,
    gql: gqlAt(server.url),
    statements: () => server.database.counter.statements,
    async close() {
      await server.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A server on a database of its own, for a test that undoes and redoes a migration: on PostgreSQL
 * one created for it (dropped by close), on the embedded database its file's own copy.
 */
export async function startTestServerOnOwnDatabase(prefix: string): Promise<TestServer> {
  const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
  if (!run.databaseUrl) return startTestServer();
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await adminQuery(run.adminUrl!, `CREATE DATABASE ${name}`);
  const t = await startTestServer({ databaseUrl: withDatabase(run.adminUrl!, name) });
  return {
    ...t,
    async close() {
      await t.close();
      await adminQuery(run.adminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The data of a response that must have succeeded. */
export function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** The error code (and field) of a response that must have failed. */
export function errorOf(res: GraphQLResponse): { code?: string; field?: string; message: string } {
  if (!res.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`);
  const [e] = res.errors;
  return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
}
