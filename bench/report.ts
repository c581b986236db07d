// The benchmark's figures as Markdown tables (for BENCHMARKS.md) and the checks on them.
import { OpResult, PhaseResult } from './measure';

export interface PhaseReport {
  label: string;
  organisations: number;
  rows: Record<string, number>;
  bytes: number;
  generateSeconds: number;
  deepPage: number;
  result: PhaseResult;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

export interface Summary {
  op: string;
  projectRps: number;
  rawRps: number;
  ratio: number;
  p50: [number, number];
  p99: [number, number];
  statements: [number, number | null];
}

export function summarise(o: OpResult): Summary {
  const pick = (side: 'project' | 'raw', key: 'rps' | 'p50' | 'p99') => median(o.rounds.map((r) => r[side]?.[key] ?? NaN));
  return {
    op: o.op,
    projectRps: pick('project', 'rps'),
    rawRps: pick('raw', 'rps'),
    // the ratio of each round (both servers measured back to back), then the median of those
    ratio: median(o.rounds.map((r) => (r.raw ? r.project.rps / r.raw.rps : NaN))),
    p50: [pick('project', 'p50'), pick('raw', 'p50')],
    p99: [pick('project', 'p99'), pick('raw', 'p99')],
    statements: [o.statements.project, o.statements.raw],
  };
}

export const TARGETS: Record<string, number> = {
  O1: 0.5,
  O2: 0.4,
  O2deep: 0.4,
  O3: 0.5,
  O4: 0.5,
  O5: 0.4,
  O6: 0.5,
  O7: 0.4,
  O8: 0.4,
  O9: 0.4,
  O10: 0.4,
  O11: 0.4,
};

export function phaseTable(p: PhaseReport): string {
  const lines = [
    `### ${p.label}`,
    '',
    `${p.organisations} organisation(s); the benchmarked one has ${p.rows.programmes / p.organisations} programmes. ` +
      `Tables: ${Object.entries(p.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}; database ${mb(p.bytes)}, generated in ${p.generateSeconds.toFixed(0)} s. ` +
      `O2deep is O2 after page ${p.deepPage - 1} (page ${p.deepPage}).`,
    '',
    '| op | project req/s | raw req/s | ratio (target) | p50 ms project / raw | p99 ms project / raw | SQL statements/request project / raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const o of p.result.ops) {
    const s = summarise(o);
    const target = TARGETS[s.op] ? ` (≥ ${TARGETS[s.op]})` : '';
    lines.push(
      `| ${s.op} | ${fmt(s.projectRps)} | ${fmt(s.rawRps)} | ${fmt(s.ratio, 2)}${target} | ${fmt(s.p50[0], 2)} / ${fmt(s.p50[1], 2)} | ` +
        `${fmt(s.p99[0], 2)} / ${fmt(s.p99[1], 2)} | ${s.statements[0]} / ${s.statements[1] ?? '–'} |`,
    );
  }
  const w1 = p.result.ops.find((o) => o.op === 'W1');
  lines.push(
    '',
    `Peak RSS (VmHWM): project ${mb(p.result.peakRss.project)}, raw ${mb(p.result.peakRss.raw)}.` +
      (w1 ? ` W1: ${w1.errors} errors, ${w1.conflicts ?? 0} CONFLICT answers.` : '') +
      (p.result.mismatches.length ? ` **Answers differ:** ${p.result.mismatches.join('; ')}` : ' Answers equal for every read.'),
  );
  return lines.join('\n');
}

export function tenancyTable(alone: PhaseReport, beside: PhaseReport): string {
  const lines = [
    `### Tenancy: ${alone.label} vs ${beside.label}`,
    '',
    '| op | statements alone / beside | project req/s alone / beside | ratio to raw alone / beside | p50 ms alone / beside |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const a of alone.result.ops) {
    const b = beside.result.ops.find((o) => o.op === a.op);
    if (!b) continue;
    const [sa, sb] = [summarise(a), summarise(b)];
    lines.push(
      `| ${a.op} | ${sa.statements[0]} / ${sb.statements[0]} | ${fmt(sa.projectRps)} / ${fmt(sb.projectRps)} | ` +
        `${fmt(sa.ratio, 2)} / ${fmt(sb.ratio, 2)} | ${fmt(sa.p50[0], 2)} / ${fmt(sb.p50[0], 2)} |`,
    );
  }
  return lines.join('\n');
}

/** Statements per request must not depend on the data: the same count for each op in every phase. */
export function statementDrift(phases: PhaseReport[]): string[] {
  const problems: string[] = [];
  for (const o of phases[0]?.result.ops ?? []) {
    const counts = phases.map((p) => p.result.ops.find((x) => x.op === o.op)?.statements.project);
    if (new Set(counts).size > 1) problems.push(`${o.op}: ${phases.map((p, i) => `${p.label}=${counts[i]}`).join(', ')}`);
  }
  return problems;
}
