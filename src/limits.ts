import { createHash } from 'node:crypto';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Request } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * Refuses abusive operations during validation, before any resolver runs: deep nesting
 * (e.g. 12 levels of risks { programme { risks ... } }), many aliases (300 aliased lists),
 * huge documents and expensive shapes. Every client query we know of (README, tests, the
 * benchmark's) stays well inside. Introspection is exempt, as the contract answers it for anyone.
 */
export const armor = new ApolloArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 100_000 },
  blockFieldSuggestion: { enabled: true },
}).protect();

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
        errors: [{ message: 'Too many requests: slow down and retry after the time in Retry-After', extensions: { code: 'RATE_LIMITED' } }],
      });
    },
    validate: { keyGeneratorIpFallback: false },
  });
}
