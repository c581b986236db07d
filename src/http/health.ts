import { Request, Response } from 'express';
import { Config } from '../config';
import { Db } from '../db/db';
import { sql } from '../db/sql';

const HEALTH_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** GET /health: 200 once the database answers, 503 while it does not. */
export function health(db: Db, config: Config) {
  return async (_req: Request, res: Response) => {
    try {
      await withTimeout(db.rows(sql`SELECT 1`), HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok', database: config.databaseUrl ? 'postgresql' : 'embedded' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'not answering' });
    }
  };
}
