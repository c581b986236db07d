import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { freePort, memoryOf } from '../../bench/processes';
import { adminQuery, withDatabase } from '../support/test-database';
import path from 'node:path';

/** The server as its own process (as `npm start` runs it), on DATABASE_URL or a fresh embedded database. */
export interface ServerProcess {
  url: string;
  adminSecret: string;
  child: ChildProcess;
  rssBytes(): number;
  stop(): Promise<number | null>;
}

/**
 * With DATABASE_URL set, the run gets a database of its own on that server, dropped after;
 * otherwise a fresh embedded one.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const root = path.join(__dirname, '..', '..');
  const adminUrl = process.env.DATABASE_URL;
  const database = `pr_load_${Date.now()}_${process.pid}`;
  if (adminUrl) {
    await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
    env = { DATABASE_URL: withDatabase(adminUrl, database), ...env };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-load-'));
  const adminSecret = randomBytes(24).toString('base64url');
  const port = await freePort();
  // one process, compiled, as `npm start` runs it: signals reach the server itself
  execFileSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_SECRET: adminSecret,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 600 && !up && child.exitCode === null; i++) {
    up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (!up) {
    child.kill('SIGKILL');
    throw new Error('the server did not start');
  }
  return {
    url: `${base}/graphql`,
    adminSecret,
    child,
    rssBytes() {
      return memoryOf(child.pid!, 'VmRSS');
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const code = await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (adminUrl) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      return code;
    },
  };
}
