import { NextFunction, Request, Response } from 'express';
import { ApolloServerPlugin } from '@apollo/server';
import { Context } from '../context';
import { Logger } from '../logger';

/** Per-request facts for the access log, filled in as the request goes. */
export interface RequestLog {
  operationName?: string | null;
  errors?: number;
}

export const operationLogPlugin: ApolloServerPlugin<Context & { log: RequestLog }> = {
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
export function accessLog(logger: Logger) {
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
