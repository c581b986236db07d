import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freshDataDir, TestRun } from './test-database';

export const ROOT = path.join(__dirname, '..', '..');

export interface ChildServer {
  child: ReturnType<typeof spawn>;
  /** The exit code, once it exits. */
  exited: Promise<number | null>;
  /** The URL it logs once listening. */
  listening(): Promise<string>;
  /** Resolves when stdout holds a line matching `pattern`, with that line. */
  printed(pattern: RegExp): Promise<string>;
  output(): { stdout: string; stderr: string };
}

/**
 * A script of the server (`src/main.ts`, `src/demo/main.ts`) as a child process, for what only a
 * real process shows: signals, exit codes, logs, locks. One process, as `npm start` runs it, so
 * signals reach the server itself.
 */
export function startProcess(env: Record<string, string | undefined>, script = 'src/main.ts'): ChildServer {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = async (pattern: RegExp): Promise<string> => {
    for (let i = 0; i < 600; i++) {
      const line = stdout.split('\n').find((l) => pattern.test(l));
      if (line) return line;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no line matching ${pattern}: ${stdout}\n${stderr}`);
  };
  const listening = async () => JSON.parse(await printed(/"listening"/)).url as string;
  return { child, exited, listening, printed, output: () => ({ stdout, stderr }) };
}

/** The exit code of a process, or 'running' if it has not exited within `seconds`. */
export function exitWithin(server: ChildServer, seconds: number): Promise<number | null | 'running'> {
  return Promise.race([server.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), seconds * 1000))]);
}

/**
 * The environment that points a server process at this test run's database: on PostgreSQL the
 * run's database, on the embedded default a data directory of its own (removed by cleanup).
 */
export function processDatabase(): { env: Record<string, string | undefined>; cleanup(): void } {
  const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
  if (run.databaseUrl) return { env: { DATABASE_URL: run.databaseUrl }, cleanup() {} };
  const dir = freshDataDir(run.templateDir!);
  return { env: { DATABASE_URL: undefined, DATA_DIR: dir }, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
