// One phase of the benchmark on one data set: both servers up, answers compared, statements
// counted, then rounds that alternate the servers (warm-up first), then W1, then peak RSS.
import http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { latency, post, RiskTarget, throughput, w1Answered, w1Body, writes } from './load';
import { body, Fixtures, OpName, READS } from './operations';
import { ServerProcess, startServer } from './processes';

export interface Timing {
  seconds8: number;
  seconds1: number;
  rounds: number;
  warmupSeconds: number;
}

export interface OpResult {
  op: OpName;
  statements: { project: number; raw: number | null };
  rounds: { project: { rps: number; p50: number; p99: number }; raw: { rps: number; p50: number; p99: number } | null }[];
  errors: number;
  /** W1 only: answers CONFLICT, counted apart (see w1Answered). */
  conflicts?: number;
}

export interface PhaseResult {
  ops: OpResult[];
  peakRss: { project: number; raw: number };
  mismatches: string[];
}

/** The first place two answers differ, as a path. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as any)[k], (b as any)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function fetchData(server: ServerProcess, token: string, requestBody: string): Promise<unknown> {
  const agent = new http.Agent({ keepAlive: false });
  const parsed = JSON.parse(await post(agent, new URL(server.url), token, requestBody));
  if (parsed.errors) throw new Error(`${server.name}: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return parsed.data;
}

/** Statements one request sends: the most frequent count over a few requests, one at a time. */
async function statementsPerRequest(server: ServerProcess, token: string, requestBody: string): Promise<number> {
  const seen = new Map<number, number>();
  for (let i = 0; i < 5; i++) {
    const before = await server.statements();
    await fetchData(server, token, requestBody);
    const n = (await server.statements()) - before;
    seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  return [...seen.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

export async function runPhase(
  databaseUrl: string,
  token: string,
  fixtures: Fixtures,
  risks: RiskTarget[],
  refresh: () => Promise<void>,
  timing: Timing,
  options: { log: (msg: string) => void; projectNodeArgs: string[]; tsx: boolean },
): Promise<PhaseResult> {
  const log = options.log;
  const project = await startServer('project', databaseUrl, options.projectNodeArgs, options.tsx);
  const raw = await startServer('raw', databaseUrl, [], options.tsx);
  const servers = [project, raw];
  try {
    const mismatches: string[] = [];
    const ops: OpResult[] = [];
    for (const op of READS) {
      const b = body(op, fixtures);
      const [p, r] = [await fetchData(project, token, b), await fetchData(raw, token, b)];
      const difference = firstDifference(p, r);
      if (difference) mismatches.push(`${op}: ${difference}`);
      ops.push({
        op,
        statements: { project: await statementsPerRequest(project, token, b), raw: await statementsPerRequest(raw, token, b) },
        rounds: [],
        errors: 0,
      });
    }
    log(
      `answers ${mismatches.length ? `DIFFER: ${mismatches.join('; ')}` : 'equal'}; statements ${ops.map((o) => `${o.op}=${o.statements.project}`).join(' ')}`,
    );
    for (let round = 0; round <= timing.rounds; round++) {
      const warm = round === 0;
      const [s8, s1] = warm ? [timing.warmupSeconds, timing.warmupSeconds] : [timing.seconds8, timing.seconds1];
      for (const result of ops) {
        const b = body(result.op, fixtures);
        const measured: Record<string, { rps: number; p50: number; p99: number }> = {};
        // alternate which server goes first, round by round
        for (const server of round % 2 ? servers : [...servers].reverse()) {
          const t = await throughput(server.url, token, b, s8);
          const l = await latency(server.url, token, b, s1);
          result.errors += t.errors;
          measured[server.name] = { rps: t.rps, p50: l.p50, p99: l.p99 };
        }
        if (!warm) result.rounds.push({ project: measured.project, raw: measured.raw });
      }
      if (!warm) {
        log(
          `round ${round}: ${ops.map((o) => `${o.op} ${(o.rounds[round - 1].project.rps / o.rounds[round - 1].raw!.rps).toFixed(2)}`).join(', ')}`,
        );
      }
    }
    const w1: OpResult = { op: 'W1', statements: { project: 0, raw: null }, rounds: [], errors: 0, conflicts: 0 };
    const tally = (outcome: 'ok' | 'conflict' | 'error') => {
      if (outcome === 'conflict') w1.conflicts!++;
      if (outcome === 'error') w1.errors++;
    };
    for (let round = 0; round <= timing.rounds; round++) {
      const t = await writes(project.url, token, risks, round === 0 ? timing.warmupSeconds : timing.seconds8);
      await refresh();
      w1.errors += t.errors;
      w1.conflicts! += t.conflicts ?? 0;
      if (t.firstError) log(`W1 refused: ${t.firstError}`);
      if (round > 0) w1.rounds.push({ project: { rps: t.rps, p50: NaN, p99: NaN }, raw: null });
    }
    // one at a time: p50/p99 of each timed round, and the statements of a few single requests
    let i = 0;
    const next = () => risks[i++ % risks.length];
    for (const r of w1.rounds) {
      let risk = next();
      const l = await latency(
        project.url,
        token,
        () => w1Body((risk = next())),
        timing.seconds1,
        (text) => {
          tally(w1Answered(risk, text));
        },
      );
      Object.assign(r.project, { p50: l.p50, p99: l.p99 });
    }
    const counts: number[] = [];
    for (let k = 0; k < 5; k++) {
      const risk = next();
      const before = await project.statements();
      tally(w1Answered(risk, await post(new http.Agent(), new URL(project.url), token, w1Body(risk))));
      counts.push((await project.statements()) - before);
    }
    w1.statements.project = counts.sort((a, b) => a - b)[2];
    ops.push(w1);
    return { ops, peakRss: { project: project.peakRss(), raw: raw.peakRss() }, mismatches };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
