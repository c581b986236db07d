import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The database a test run uses: with DATABASE_URL set, a fresh database on that PostgreSQL
 * server, created for the run and dropped after; otherwise the embedded default, each test
 * file starting from a copy of one migrated PGlite directory.
 */
export interface TestRun {
  databaseUrl?: string;
  databaseName?: string;
  adminUrl?: string;
  templateDir?: string;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function freshDataDir(templateDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-test-data-'));
  fs.cpSync(templateDir, dir, { recursive: true });
  return dir;
}
