import http from 'node:http';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { StatementCounter } from './db/data-source';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './db/unavailable';
import { findCaller } from './auth/caller';
import { CallerCache } from './auth/caller-cache';
import { isOperatorSecret } from './auth/tokens';
import { Config } from './config';
import { Context, createContext } from './context';
import { createFormatError } from './errors';
import { Logger } from './logger';
import { armor, requestRateLimit } from './limits';
import { literalErrorsPlugin } from './scalars/literal-errors';
import { loadTypeDefs, resolvers } from './schema';
import { compiledExecution } from './execution';
import { makeExecutableSchema } from '@graphql-tools/schema';

/** Per-request facts for the access log, filled in as the request goes. */
interface RequestLog {
  operationName?: string | null;
  errors?: number;
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

const operationLogPlugin: ApolloServerPlugin<Context & { log: RequestLog }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        contextValue.log.operationName = operationName;
      },
      async willSendResponse({ contextValue, errors }) {
        if (contextValue?.log) contextValue.log.errors = errors?.length ?? 0;
      },
    };
  },
};

/** One JSON line per request: method, path, operation, status, duration. Never headers or bodies. */
function accessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const log: RequestLog = {};
    res.locals.log = log;
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        operationName: log.operationName ?? undefined,
        status: res.statusCode,
        graphqlErrors: log.errors,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  };
}

/** Body-parser refusals (too large, not JSON) answered as JSON with their HTTP status. */
function bodyErrors(err: { status?: number; type?: string; message: string }, _req: Request, res: Response, next: NextFunction) {
  if (!err.status || err.status >= 500) return next(err);
  const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message = err.status === 413 ? 'The request body is larger than 1 MiB' : 'The request body is not valid JSON';
  res.status(err.status).json({ errors: [{ message, extensions: { code } }] });
}

const HEALTH_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Authentication that cannot reach the database: 503 with a clear error, not a 500 with internals. */
function unavailable(err: unknown): never {
  if (!isDatabaseUnavailable(err)) throw err;
  throw new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, {
    extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } },
  });
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context & { log: RequestLog }>;
}

export async function createApp(db: DataSource, config: Config, logger: Logger): Promise<App> {
  const app = express();
  const callers = new CallerCache(config.authCacheSeconds * 1000);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context & { log: RequestLog }>({
    gateway: compiledExecution(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })),
    introspection: true,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    formatError: createFormatError(logger),
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // No cache hints are used: without this plugin no field is wrapped by Apollo's per-field instrumentation
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer }), operationLogPlugin, literalErrorsPlugin, ...armor.plugins],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // answers to POST are never revalidated: hashing each body for an ETag (316 KB for a large list) is waste
  app.disable('etag');
  app.use(helmet());
  app.use(accessLog(logger));
  app.get('/health', async (_req, res) => {
    try {
      await withTimeout(db.query('SELECT 1'), HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok', database: config.databaseUrl ? 'postgresql' : 'embedded' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'not answering' });
    }
  });
  if (config.benchStats) {
    const counter = db.logger as unknown as StatementCounter;
    app.get('/bench/stats', (_req, res) => res.json({ statements: counter.statements }));
  }
  app.use(
    '/graphql',
    ...(config.rateLimitPerMinute > 0 ? [requestRateLimit(config.rateLimitPerMinute)] : []),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const token = bearer(req);
        const operator = token !== undefined && isOperatorSecret(token, config.adminSecret);
        const caller = token && !operator ? await findCaller(db, token, callers).catch(unavailable) : null;
        return { ...createContext(db, callers, caller, operator), log: res.locals.log as RequestLog };
      },
    }),
  );
  app.use(bodyErrors);
  return { httpServer, apollo };
}
