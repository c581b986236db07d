import { NextFunction, Request, Response } from 'express';
import { Logger } from '../logger';

/** Body-parser refusals (too large, not JSON) answered as JSON with their HTTP status. */
export function bodyErrors(
  err: { status?: number; type?: string; message: string },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (!err.status || err.status >= 500) return next(err);
  const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message = err.status === 413 ? 'The request body is larger than 1 MiB' : 'The request body is not valid JSON';
  res.status(err.status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Anything else that reaches express as an error: logged once with its cause, answered 500
 * without internals (express' own handler would print the stack to stderr and answer HTML).
 */
export function unexpectedErrors(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err }, 'unexpected error');
    if (res.headersSent) return void res.destroy(); // an answer cut short: the client must not take it as whole
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
