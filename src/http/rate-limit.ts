import { createHash } from 'node:crypto';
import { Request } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * Requests a minute per bearer token (or per address without one), answered 429 with
 * Retry-After when exceeded. Counted per server instance: behind N instances a token may make
 * up to N times the limit (documented in the README).
 */
export function requestRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request) => {
      const auth = req.headers.authorization;
      return auth ? createHash('sha256').update(auth).digest('hex') : `ip:${req.ip}`;
    },
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [
          {
            message: 'Too many requests: slow down and retry after the time in Retry-After',
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    },
    validate: { keyGeneratorIpFallback: false },
  });
}
