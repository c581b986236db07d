import { NextFunction, Request, Response } from 'express';

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
