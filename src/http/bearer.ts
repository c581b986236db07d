import { Request } from 'express';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}
