import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';
import { ApolloServerPlugin } from '@apollo/server';
import { Context } from '../context';
import { inRequest, Logger, RequestFields } from '../logger';
import { Metrics } from '../metrics';

/** Per-request facts for the access log and the metrics, filled in as the request goes. */
export interface RequestLog extends RequestFields {
  operator?: boolean;
  /** undefined until Apollo resolves the operation; null for an anonymous one. */
  operationName?: string | null;
  /** extensions.code of each error answered. */
  errorCodes: string[];
}

export const operationLogPlugin: ApolloServerPlugin<Context & { log: RequestLog }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        contextValue.log.operationName = operationName;
      },
      async willSendResponse({ contextValue, response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (contextValue?.log && errors) contextValue.log.errorCodes.push(...errors.map((e) => String(e.extensions?.code)));
      },
    };
  },
};

/** A client's X-Request-Id is kept when it is a plain token of sensible length; else one is made. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The code of an error answered before Apollo saw the request (rate limit, body parser, CSRF
 * check), where no GraphQL error passed through the operation plugin.
 */
function codeOfStatus(status: number): string {
  if (status === 429) return 'RATE_LIMITED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

/** Probes and scrapes, logged at debug so that they do not drown the requests that matter. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

/**
 * One JSON line per request (reqId, method, path, operation, status, duration, caller's
 * organisation and user, error codes), and the request's metrics. Never headers, the query
 * document, variables or any body. The request id is echoed in X-Request-Id and carried by every
 * line logged while the request runs.
 */
export function accessLog(logger: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const sent = req.get('x-request-id');
    const log: RequestLog = { reqId: sent && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID(), errorCodes: [] };
    res.locals.log = log;
    res.setHeader('X-Request-Id', log.reqId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.originalUrl.split('?')[0];
      if (path === '/graphql') {
        if (res.statusCode >= 400 && !log.errorCodes.length) log.errorCodes.push(codeOfStatus(res.statusCode));
        metrics.graphqlRequest(log, res.statusCode, seconds);
      }
      logger[QUIET_PATHS.has(path) ? 'debug' : 'info'](
        {
          reqId: log.reqId,
          method: req.method,
          path,
          operationName: log.operationName ?? undefined,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          organisationId: log.organisationId,
          userId: log.userId,
          operator: log.operator,
          errorCodes: log.errorCodes.length ? log.errorCodes : undefined,
        },
        'request',
      );
    });
    inRequest(log, next);
  };
}
