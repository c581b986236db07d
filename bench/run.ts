// `npm run bench`: the project against a raw-SQL server on the same data, in one run.
//   npm run bench                  Small, Small beside 299 organisations, Large; writes BENCHMARKS.md
//   npm run bench:ci               tiny data, short timings: checks answers and statement counts only
//   npm run bench -- --only small  one phase (small | tenancy | large); --rounds N --seconds S --profile
//   --tsx: run both servers on the tsx loader (as `npm run demo` does) instead of compiled
// PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchDatabase, createDatabase, facts, fill, fixtures, refreshVersions } from './database';
import { SIZES, Size, tokenOf } from './generate';
import { runPhase, Timing } from './measure';
import { compile, ROOT } from './processes';
import { PhaseReport, phaseTable, statementDrift, tenancyTable } from './report';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const CI = flag('ci');
const TSX = flag('tsx');
const ONLY = option('only', '');
const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(option('seconds', CI ? '1' : '3'));
const TIMING: Timing = {
  seconds8: seconds,
  seconds1: CI ? 0.5 : Math.max(1, seconds - 1),
  rounds: Number(option('rounds', CI ? '1' : '3')),
  warmupSeconds: CI ? 0.5 : 1.5,
};
const OTHERS = Number(option('orgs', CI ? '3' : '299'));
const PROFILE_DIR = path.join(os.tmpdir(), `bench-profile-${process.pid}`);
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
// this run's databases are its own: runs from other worktrees, or CI, may share the PostgreSQL server
const RUN = randomBytes(4).toString('hex');
const dbName = (name: string) => `bench_${name}_${RUN}`;

interface Plan {
  db: string;
  size: Size;
  /** Each phase adds `others` organisations of the same size, then measures organisation 0 again. */
  phases: { label: string; others: number; rounds?: number }[];
}

function plan(): Plan[] {
  if (CI) {
    return [
      {
        db: dbName('ci_a'),
        size: SIZES.tiny,
        phases: [
          { label: 'Tiny', others: 0 },
          { label: `Tiny beside ${OTHERS} organisations`, others: OTHERS },
        ],
      },
      {
        db: dbName('ci_b'),
        size: { ...SIZES.tiny, name: 'tiny x5', programmes: 40, resolutions: 200 },
        phases: [{ label: 'Tiny x5', others: 0 }],
      },
    ];
  }
  const small: Plan = { db: dbName('small'), size: SIZES.small, phases: [{ label: 'Small', others: 0 }] };
  // the tenancy phase takes fewer rounds: generating 299 organisations already takes minutes
  if (ONLY !== 'small')
    small.phases.push({ label: `Small beside ${OTHERS} organisations`, others: OTHERS, rounds: Math.min(2, TIMING.rounds) });
  const large: Plan = { db: dbName('large'), size: SIZES.large, phases: [{ label: 'Large', others: 0 }] };
  return ONLY === 'large' ? [large] : ONLY === 'small' || ONLY === 'tenancy' ? [small] : [small, large];
}

function machine(): string {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  };
  const pg = sh(`psql "${ADMIN_URL}" -Atc "SHOW server_version"`);
  return [
    `- Date: ${sh('date')}`,
    `- Command: \`npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}\``,
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, PostgreSQL ${pg} (on the same machine, loopback); each server one Node process ` +
      `(${TSX ? 'on the tsx loader, as `npm run demo` runs it' : 'compiled with tsc into dist/'}), a pg pool of 10 each`,
    `- Timing: per operation and server, ${TIMING.seconds8} s at concurrency 8 (autocannon) then ${TIMING.seconds1} s at concurrency 1, ` +
      `${TIMING.rounds} timed rounds after a warm-up round, the servers alternating which goes first; figures are medians over the rounds`,
  ].join('\n');
}

/** The database in use, dropped too when the run is interrupted: no later run reuses its name. */
let current: BenchDatabase | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    log(`${signal}: dropping this run's database`);
    void Promise.resolve(current?.drop()).finally(() => process.exit(1));
  });

async function main() {
  const started = Date.now();
  if (!TSX) {
    log('compiling the project and the raw server into dist/');
    compile();
  }
  const reports: PhaseReport[] = [];
  const profile = flag('profile') ? [`--cpu-prof`, `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  let failed = false;
  for (const p of plan()) {
    log(`database ${p.db}: ${p.size.name}`);
    const db = (current = await createDatabase(ADMIN_URL, p.db));
    try {
      let organisations = 1;
      let generateSeconds = await fill(db, p.size, 0, 1);
      for (const phase of p.phases) {
        if (phase.others > 0) {
          log(`adding ${phase.others} organisations of the same size`);
          generateSeconds = await fill(db, p.size, organisations, phase.others);
          organisations += phase.others;
        }
        const f = await fixtures(db, 0);
        const data = await facts(db);
        log(`${phase.label}: ${JSON.stringify(data.rows)}`);
        const timing = { ...TIMING, rounds: phase.rounds ?? TIMING.rounds };
        const result = await runPhase(db.url, tokenOf(0), f.fixtures, f.risks, () => refreshVersions(db, f.risks), timing, {
          log,
          projectNodeArgs: profile,
          tsx: TSX,
        });
        const report = { label: phase.label, organisations, ...data, generateSeconds, deepPage: f.fixtures.deep.page, result };
        reports.push(report);
        console.log(`\n${phaseTable(report)}\n`);
        if (result.mismatches.length) failed = true;
        for (const o of result.ops)
          if (o.errors || o.conflicts) log(`${o.op}: ${o.errors} errors, ${o.conflicts ?? 0} conflicts`);
        if (result.ops.some((o) => o.errors)) failed = true;
      }
    } finally {
      current = undefined;
      await db.drop();
    }
  }
  const drift = statementDrift(reports);
  if (drift.length) {
    failed = true;
    log(`statements per request differ between data sets: ${drift.join('; ')}`);
  } else log('statements per request are the same for every data set');
  const tenancy = reports.length > 1 && reports[1].organisations > 1 ? `\n\n${tenancyTable(reports[0], reports[1])}` : '';
  const markdown =
    `${machine()}\n- Run took ${((Date.now() - started) / 60_000).toFixed(1)} min\n\n` +
    `${reports.map(phaseTable).join('\n\n')}${tenancy}\n\n` +
    (drift.length
      ? `**Statements per request differ:** ${drift.join('; ')}`
      : 'Statements per request: the same for every operation on every data set.');
  if (!CI && !ONLY && !flag('no-write')) writeResults(markdown);
  fs.writeFileSync(path.join(os.tmpdir(), 'bench-results.json'), JSON.stringify(reports, null, 1));
  if (profile.length) log(`CPU profiles in ${PROFILE_DIR}`);
  log(failed ? 'FAILED: see above' : 'done');
  process.exit(failed ? 1 : 0);
}

/** Replaces the generated part of BENCHMARKS.md (between the markers), keeping the prose around it. */
function writeResults(markdown: string) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const [before, rest] = text.includes(start) ? text.split(start) : [`${text}\n`, end];
  fs.writeFileSync(file, `${before}${start}\n${markdown}\n${end}${rest.split(end)[1] ?? ''}`);
  log('results written to BENCHMARKS.md');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
