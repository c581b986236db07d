// The two servers as child processes, one Node process each (so the pid measured is the server
// itself), loopback only, stopped by the bench. Both run compiled (bench/tsconfig.json, into
// dist/), or both on the tsx loader, as `npm run demo` runs the project (--tsx).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..');

export interface ServerProcess {
  name: 'project' | 'raw';
  url: string;
  base: string;
  child: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), in bytes. */
  peakRss(): number;
  /** SQL statements the server has sent so far. */
  statements(): Promise<number>;
  stop(): Promise<void>;
}

/** Compiles the project and the raw server into dist/ (about 10 s). */
export function compile(): void {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(ROOT, 'bench', 'tsconfig.json')], {
    stdio: 'inherit',
  });
}

export async function startServer(
  name: 'project' | 'raw',
  databaseUrl: string,
  nodeArgs: string[] = [],
  tsx = false,
): Promise<ServerProcess> {
  const port = await freePort();
  const file = name === 'project' ? path.join('src', 'main') : path.join('bench', 'raw-server');
  const args = tsx ? ['--import', 'tsx', path.join(ROOT, `${file}.ts`)] : [path.join(ROOT, 'dist', `${file}.js`)];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      BENCH_STATS: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        name,
        url: `${base}/graphql`,
        base,
        child,
        peakRss: () => memoryOf(child.pid!, 'VmHWM'),
        statements: async () => ((await (await fetch(`${base}/bench/stats`)).json()) as { statements: number }).statements,
        async stop() {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the ${name} server did not start`);
}

/** A process's memory from /proc, in bytes: VmRSS now, or VmHWM its peak; 0 once it has gone. */
export function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
