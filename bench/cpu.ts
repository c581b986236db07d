// `npm run bench:cpu`: where a request's CPU goes, one operation at a time, on the Small data.
// For each read and each server: Node CPU and PostgreSQL CPU per request, one request at a time
// (read from /proc, the steadiest figure on a shared 2-core machine), then requests/s at
// concurrency 8 and the project/raw ratio. A quick loop for trying a change (about a minute);
// `npm run bench` is the measurement of record.
//   npm run bench:cpu -- --ops O1,O3 --n 100 --profile   (--profile: where the project's CPU went)
// The database bench_cpu is kept between runs (--fresh makes it again).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { BenchDatabase, createDatabase, fill, fixtures } from './database';
import { SIZES, tokenOf } from './generate';
import { body, OpName, READS } from './operations';
import { compile, ServerProcess, startServer } from './processes';
import { summarise } from './profile-summary';
import { withDatabase } from '../test/support/test-database';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'bench_cpu';
const N = Number(option('n', '60'));
const OPS = option('ops', READS.filter((o) => o !== 'O2deep').join(',')).split(',') as OpName[];
const PROFILE_DIR = path.join(os.tmpdir(), `bench-cpu-profile-${process.pid}`);

/** CPU time a process has used (user + system), in ms; 0 for a process that has gone. */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return 0;
  }
}

/** CPU of every PostgreSQL process of the machine (the benchmark is alone on it). */
function postgresCpuMs(): number {
  const pids = execSync('pgrep postgres || true', { encoding: 'utf8' }).split('\n').filter(Boolean);
  return pids.reduce((sum, pid) => sum + cpuMs(Number(pid)), 0);
}

async function database(): Promise<BenchDatabase> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount;
  await admin.end();
  if (!exists || argv.includes('--fresh')) {
    const db = await createDatabase(ADMIN_URL, DB);
    await fill(db, SIZES.small, 0, 1);
    return db;
  }
  const url = withDatabase(ADMIN_URL, DB);
  const client = new Client({ connectionString: url });
  await client.connect();
  return { url, client, drop: async () => {} };
}

async function main() {
  const db = await database();
  const { fixtures: f } = await fixtures(db, 0);
  await db.client.end();
  compile();
  const profile = argv.includes('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const servers: ServerProcess[] = [await startServer('project', db.url, profile), await startServer('raw', db.url)];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(0)}` };
  try {
    console.log(
      '| op | server | Node CPU ms | PostgreSQL CPU ms | wall ms (c1) | req/s (c8) | ratio |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const op of OPS) {
      const request = body(op, f);
      const rps: number[] = [];
      for (const server of servers) {
        const send = () => fetch(server.url, { method: 'POST', headers, body: request }).then((r) => r.text());
        for (let i = 0; i < 10; i++) await send();
        const [node, pg, started] = [cpuMs(server.child.pid!), postgresCpuMs(), process.hrtime.bigint()];
        for (let i = 0; i < N; i++) await send();
        const wall = Number(process.hrtime.bigint() - started) / 1e6 / N;
        const [nodeMs, pgMs] = [(cpuMs(server.child.pid!) - node) / N, (postgresCpuMs() - pg) / N];
        const c8 = await autocannon({ url: server.url, method: 'POST', headers, body: request, connections: 8, duration: 3 });
        rps.push(c8.requests.average);
        const ratio = rps.length === 2 ? (rps[0] / rps[1]).toFixed(2) : '';
        console.log(
          `| ${op} | ${server.name} | ${nodeMs.toFixed(1)} | ${pgMs.toFixed(1)} | ${wall.toFixed(1)} | ${c8.requests.average.toFixed(0)} | ${ratio} |`,
        );
      }
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  for (const file of profile.length ? fs.readdirSync(PROFILE_DIR) : []) {
    console.log(
      `\nProfile of the project (${path.join(PROFILE_DIR, file)}), every operation above:\n${summarise(path.join(PROFILE_DIR, file))}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
