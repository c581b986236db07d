import { NextFunction, Request, Response } from 'express';
import { Caller } from '../auth/caller';
import { findCaller } from '../auth/find-caller';
import { CallerCache } from '../auth/caller-cache';
import { matchesSecret } from '../auth/tokens';
import { Db } from '../db/db';
import { bearer } from './bearer';

/** Who a request comes from, found once per request: the rate limit counts by it, the routes act on it. */
export interface Identity {
  /** The bearer is the operator's ADMIN_SECRET. */
  operator: boolean;
  /** The user of a valid token; null without one, or for a token that fails. */
  caller: Caller | null;
  /** Why the token could not be checked (the database did not answer): the route answers it. */
  failure?: unknown;
}

export function identify(db: Db, callers: CallerCache, adminSecret: string | undefined) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    const identity: Identity = { operator: token !== undefined && matchesSecret(token, adminSecret), caller: null };
    if (token && !identity.operator) {
      try {
        identity.caller = await findCaller(db, token, callers);
      } catch (failure) {
        identity.failure = failure;
      }
    }
    res.locals.identity = identity;
    next();
  };
}

export function identityOf(res: Response): Identity {
  return res.locals.identity as Identity;
}
