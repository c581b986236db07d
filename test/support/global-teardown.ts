import fs from 'node:fs';
import { adminQuery, TestRun } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const run: TestRun = JSON.parse(process.env.PR_TEST_RUN ?? '{}');
  if (run.adminUrl && run.databaseName) {
    await adminQuery(run.adminUrl, `DROP DATABASE IF EXISTS ${run.databaseName} WITH (FORCE)`);
  }
  if (run.templateDir) fs.rmSync(run.templateDir, { recursive: true, force: true });
}
