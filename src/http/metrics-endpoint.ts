import { NextFunction, Request, Response } from 'express';
import { Registry } from 'prom-client';
import { matchesSecret } from '../auth/tokens';
import { bearer } from './bearer';

/**
 * Whether a socket's remote address is this machine's loopback (127.0.0.0/8, ::1, or 127.x
 * mapped into IPv6). Judged by the socket alone: X-Forwarded-For and the like are whatever the
 * client wrote.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * GET /metrics in Prometheus' text format. Without a token, only callers on this machine are
 * answered, and others get the 404 of a path that does not exist (nothing to probe for); with
 * one, every caller must send it as a bearer (401 otherwise), loopback included.
 */
export function metricsEndpoint(registry: Registry, token: string | undefined) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (token === undefined) {
      if (!isLoopback(req.socket.remoteAddress)) return next();
    } else {
      const sent = bearer(req);
      if (sent === undefined || !matchesSecret(sent, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('A valid bearer token is required\n');
        return;
      }
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
