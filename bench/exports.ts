// `npm run bench:exports`: the GET exports on 20,000 risks (the Large data: 500 programmes x 40
// risks x 5 mitigations, one organisation), on PostgreSQL, each format on a fresh server process:
// time, bytes, the server's idle RSS and its peak (VmHWM) during the export, and the latency of
// GraphQL requests sent every 250 ms while the export runs. It fails when the CSV raises the peak
// by more than 150 MB over idle, or a GraphQL request meanwhile takes 2 s or more (the issue's
// limits). --reader-kbps N reads the download at most N KB/s (a slow client: memory must still hold);
// --profile prints where the server's CPU went during each export.
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, fill } from './database';
import { SIZES, tokenOf } from './generate';
import { compile, memoryOf, startServer } from './processes';
import { summarise } from './profile-summary';

const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const argv = process.argv.slice(2);
const readerKbps = argv.includes('--reader-kbps') ? Number(argv[argv.indexOf('--reader-kbps') + 1]) : 0;
const PROFILE_DIR = argv.includes('--profile') ? path.join(os.tmpdir(), `bench-exports-profile-${process.pid}`) : '';
const MB = 1024 * 1024;
const CSV_PEAK_LIMIT_MB = 150;
const GRAPHQL_LIMIT_MS = 2000;
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** A GraphQL read a member of staff might make while someone exports: a page of risks with mitigations. */
const QUERY = JSON.stringify({
  query: '{ risks(first: 50) { totalCount nodes { reference title current { score } mitigations { action overdue } } } }',
});

async function graphqlMs(url: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: QUERY,
  });
  const body = (await res.json()) as { errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`GraphQL request failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Downloads `path`, reading at most readerKbps when set; resolves with the bytes read. */
function downloadBytes(base: string, path: string, token: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      const started = Date.now();
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (!readerKbps) return;
        const due = (bytes / 1024 / readerKbps) * 1000 - (Date.now() - started);
        if (due > 0) {
          res.pause();
          setTimeout(() => res.resume(), due);
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Result {
  format: string;
  seconds: number;
  bytes: number;
  idleMb: number;
  peakMb: number;
  graphql: number[];
}

async function measure(dbUrl: string, format: 'csv' | 'xlsx'): Promise<Result> {
  const profileDir = PROFILE_DIR && path.join(PROFILE_DIR, format);
  const server = await startServer('project', dbUrl, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  try {
    const token = tokenOf(0);
    for (let i = 0; i < 5; i++) await graphqlMs(server.url, token);
    await new Promise((r) => setTimeout(r, 1000));
    const pid = server.child.pid!;
    const idle = memoryOf(pid, 'VmRSS');
    const peakBefore = memoryOf(pid, 'VmHWM');
    const graphql: number[] = [];
    let exporting = true;
    const probes = (async () => {
      while (exporting) {
        await new Promise((r) => setTimeout(r, 250));
        if (exporting) graphql.push(await graphqlMs(server.url, token));
      }
    })();
    const started = process.hrtime.bigint();
    const { status, bytes } = await downloadBytes(server.base, `/exports/risks.${format}`, token).finally(() => {
      exporting = false;
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await probes;
    if (status !== 200) throw new Error(`export answered ${status}`);
    const peak = memoryOf(pid, 'VmHWM');
    log(
      `${format}: ${seconds.toFixed(1)} s, ${(bytes / MB).toFixed(1)} MB, idle ${(idle / MB).toFixed(0)} MB, ` +
        `peak ${(peak / MB).toFixed(0)} MB (before the export ${(peakBefore / MB).toFixed(0)} MB)`,
    );
    return { format, seconds, bytes, idleMb: idle / MB, peakMb: peak / MB, graphql };
  } finally {
    await server.stop();
    if (profileDir) for (const f of fs.readdirSync(profileDir)) log(`${format} profile:\n${summarise(path.join(profileDir, f))}`);
  }
}

async function main() {
  log('compiling the project into dist/');
  compile();
  const db = await createDatabase(ADMIN_URL, 'bench_exports');
  let failed = false;
  try {
    await fill(db, SIZES.large, 0, 1);
    const { rows } = await db.client.query(
      `SELECT (SELECT count(*) FROM risks)::int AS risks, (SELECT count(*) FROM mitigations)::int AS mitigations`,
    );
    log(
      `data: ${rows[0].risks} risks, ${rows[0].mitigations} mitigations${readerKbps ? `; reader limited to ${readerKbps} KB/s` : ''}`,
    );
    console.log(
      '\n| export | time | size | server RSS idle | peak during export | rise | GraphQL meanwhile: requests, p50 / max |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await measure(db.url, format);
      const sorted = [...r.graphql].sort((a, b) => a - b);
      const p50 = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      const max = sorted.at(-1) ?? NaN;
      const rise = r.peakMb - r.idleMb;
      console.log(
        `| risks.${format} | ${r.seconds.toFixed(1)} s | ${(r.bytes / MB).toFixed(1)} MB | ${r.idleMb.toFixed(0)} MB | ` +
          `${r.peakMb.toFixed(0)} MB | ${rise.toFixed(0)} MB | ${r.graphql.length}, ${p50.toFixed(0)} / ${max.toFixed(0)} ms |`,
      );
      if (max >= GRAPHQL_LIMIT_MS || (format === 'csv' && rise > CSV_PEAK_LIMIT_MB)) failed = true;
    }
    console.log();
  } finally {
    await db.drop();
  }
  log(failed ? 'FAILED: over the issue’s limits' : 'within the issue’s limits');
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
