import { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { identityOf } from './identity';

/**
 * Requests a minute per user (whichever of its tokens, however the header is spaced), for the
 * operator's secret, or per client address for requests without a token or whose token fails
 * (so random bearers do not each get a limit of their own); answered 429 with Retry-After when
 * exceeded. Runs after `identify`. Counted per server instance: behind N instances a user may
 * make up to N times the limit (documented in the README).
 */
export function requestRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => {
      const { caller, operator } = identityOf(res);
      if (caller) return `user:${caller.userId}`;
      return operator ? 'operator' : `address:${ipKeyGenerator(req.ip ?? '')}`;
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
  });
}
