import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError } from 'graphql';
import { Database } from '../db/database';
import { observePool } from '../db/pool-metrics';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable';
import { CallerCache } from '../auth/caller-cache';
import { Config } from '../config';
import { Context, createContext } from '../context';
import { Logger } from '../logger';
import { createMetrics } from '../metrics';
import { armor, MAX_TOKENS } from '../graphql/armor';
import { costLimitPlugin } from '../graphql/cost';
import { compiledExecution } from '../graphql/execution';
import { limitExecution } from '../graphql/execution-limits';
import { createFormatError } from '../graphql/format-error';
import { literalErrorsPlugin } from '../graphql/literal-errors';
import { operationChoicePlugin } from '../graphql/operation-choice';
import { loadTypeDefs, resolvers } from '../graphql/schema';
import { accessLog, operationLogPlugin, RequestLog } from './access-log';
import { bodyErrors, unexpectedErrors } from './body-errors';
import { explorer } from './explorer';
import { exportRoutes } from './exports';
import { health } from './health';
import { identify, identityOf } from './identity';
import { metricsEndpoint } from './metrics-endpoint';
import { requestRateLimit } from './rate-limit';
import { webPage } from './web-page';

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

export async function createApp(database: Database, config: Config, logger: Logger): Promise<App> {
  const { db } = database;
  const app = express();
  const callers = new CallerCache(config.authCacheSeconds * 1000);
  const metrics = createMetrics();
  observePool(database.dataSource, metrics.registry);
  const httpServer = http.createServer(app);
  const schema = limitExecution(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }));
  const apollo = new ApolloServer<Context & { log: RequestLog }>({
    gateway: compiledExecution(schema, { maxObjects: config.maxResponseObjects, timeoutSeconds: config.requestTimeoutSeconds }),
    introspection: true,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    logger: logger.child({ component: 'apollo' }),
    formatError: createFormatError(logger),
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // No cache hints are used: without this plugin no field is wrapped by Apollo's per-field instrumentation
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // GET /graphql from a browser is our own explorer (src/http/explorer.ts); Apollo's loads from a CDN
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationLogPlugin,
      literalErrorsPlugin,
      operationChoicePlugin,
      costLimitPlugin(schema, config.maxQueryCost),
      ...armor.plugins,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // answers to POST are never revalidated: hashing each body for an ETag (316 KB for a large list) is waste
  app.disable('etag');
  app.use(helmet());
  app.use(accessLog(logger, metrics));
  app.get('/health', health(db, config));
  app.get('/metrics', metricsEndpoint(metrics.registry, config.metricsToken));
  app.use(webPage());
  app.use(explorer());
  if (config.benchStats) {
    app.get('/bench/stats', (_req, res) => res.json({ statements: database.counter.statements }));
  }
  app.use(exportRoutes({ schema, db, callers, config, logger }));
  app.use(
    '/graphql',
    identify(db, callers, config.adminSecret),
    ...(config.rateLimitPerMinute > 0 ? [requestRateLimit(config.rateLimitPerMinute)] : []),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const { operator, caller, failure } = identityOf(res);
        if (failure) unavailable(failure);
        const log = res.locals.log as RequestLog;
        Object.assign(log, { organisationId: caller?.organisationId, userId: caller?.userId, operator: operator || undefined });
        return { ...createContext(db, callers, caller, operator), log };
      },
    }),
  );
  app.use(bodyErrors);
  app.use(unexpectedErrors(logger));
  return { httpServer, apollo };
}
