import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database';
import { adminQuery, TestRun, withDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  const run: TestRun = {};
  if (process.env.DATABASE_URL) {
    run.adminUrl = process.env.DATABASE_URL;
    run.databaseName = `pr_test_${Date.now()}_${process.pid}`;
    await adminQuery(run.adminUrl, `CREATE DATABASE ${run.databaseName}`);
    run.databaseUrl = withDatabase(run.adminUrl, run.databaseName);
    const db = await openDatabase({ databaseUrl: run.databaseUrl, dataDir: '' });
    await db.close();
  } else {
    run.templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-test-template-'));
    const db = await openDatabase({ dataDir: run.templateDir });
    await db.close();
  }
  process.env.PR_TEST_RUN = JSON.stringify(run);
  console.log(`\ntests run on ${run.databaseUrl ? `PostgreSQL (${run.databaseName})` : 'the embedded default (PGlite)'}`);
}
