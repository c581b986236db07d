import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, memoryOf } from '../../bench/processes';
import { TestRun } from '../support/test-database';
import { ROOT } from '../support/server-process';

const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);

/** The processes of a process group (Linux), with their command lines. */
function processGroup(pgid: number): { pid: number; command: string }[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the fields after the command name, which may hold spaces: state, ppid, pgrp, ...
      const [, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) !== pgid) return [];
      return [{ pid: Number(entry), command: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() }];
    } catch {
      return []; // ended since the listing
    }
  });
}

// what an operator runs: `npm start` (compiling first), its own process group, a new DATA_DIR
test('`npm start` stays under 400 MB, and a SIGTERM to npm stops the server cleanly, leaving nothing running', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-npm-start-'));
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: run.databaseUrl ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  npm.stdout!.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => npm.on('exit', resolve));
  try {
    let up = false;
    for (let i = 0; i < 1800 && !up && npm.exitCode === null; i++) {
      up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up).toBe(true);
    await new Promise((r) => setTimeout(r, 5000));
    const group = processGroup(npm.pid!);
    const rss = group.reduce((sum, p) => sum + memoryOf(p.pid, 'VmRSS'), 0);
    console.log(
      `npm start: ${Math.round(rss / 1e6)} MB RSS 5 s after /health answered (${group.map((p) => p.command).join('; ')})`,
    );
    expect(rss).toBeLessThan(400e6);

    npm.kill('SIGTERM');
    await exited;
    for (let i = 0; i < 100 && processGroup(npm.pid!).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processGroup(npm.pid!)).toEqual([]);
    // stopped by its own handler: it drained and closed the database, freeing DATA_DIR
    expect(stdout).toContain('SIGTERM: finishing in-flight requests and closing the database');
    if (!run.databaseUrl) expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false);
  } finally {
    for (const p of processGroup(npm.pid!)) process.kill(p.pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 300_000);
