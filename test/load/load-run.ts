// `npm run load`: a bounded load run of mixed reads and writes against the server as a process,
// on loopback only. Checks: no 5xx, every write applied or answered CONFLICT, final state equal
// to the accepted writes (nothing lost), memory flat. Prints the figures for the README.
//   npm run load -- --seconds 30 --connections 50     (DATABASE_URL set: PostgreSQL)
import autocannon from 'autocannon';
import { startServerProcess } from './server-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 30);
const CONNECTIONS = arg('connections', 50);
const PROGRAMMES = 5;

type Op = 'listProgrammes' | 'listResolutions' | 'updateProgramme' | 'createCommittee';

async function main() {
  const server = await startServerProcess();
  const call = async (query: string, variables: object, token: string) => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  try {
    const token = (
      await call(
        `mutation { createOrganisation(name: "Load Test Council", adminEmail: "load@council.gov.uk", adminName: "Load") { adminToken } }`,
        {},
        server.adminSecret,
      )
    ).createOrganisation.adminToken as string;
    const programmeIds: string[] = [];
    for (let i = 0; i < PROGRAMMES; i++) {
      programmeIds.push(
        (
          await call(
            `mutation($c: String!) { createProgramme(input: {code: $c, name: "Programme"}) { id } }`,
            { c: `LOAD-${i}` },
            token,
          )
        ).createProgramme.id,
      );
    }
    const knownVersion = programmeIds.map(() => 1);
    const accepted = { updateProgramme: programmeIds.map(() => 0), createCommittee: 0 };
    // writes sent but not answered when the run's time ran out: applied or not, nobody knows
    const unanswered = { updateProgramme: programmeIds.map(() => 0), createCommittee: 0 };
    const counts = { conflicts: 0, fiveHundreds: 0, otherErrors: 0, byOp: {} as Record<string, number> };

    let committeesSent = 0;
    const bodies: Record<Op, (c: { p: number }) => object> = {
      listProgrammes: () => ({ query: `{ programmes(first: 50) { totalCount nodes { code version resolutions { text } } } }` }),
      listResolutions: () => ({
        query: `{ resolutions(first: 20) { totalCount nodes { text meeting { date committee { name } } } } committees { name } }`,
      }),
      updateProgramme: (c) => ({
        query: `mutation($id: ID!, $v: Int!) { updateProgramme(id: $id, expectedVersion: $v, input: {owner: "Director"}) { version } }`,
        variables: { id: programmeIds[c.p], v: knownVersion[c.p] },
      }),
      // committee names are unique: each write a new one
      createCommittee: () => ({
        query: `mutation($n: String!) { createCommittee(name: $n) { id } }`,
        variables: { n: `Scrutiny ${++committeesSent}` },
      }),
    };
    const pick = (): Op => {
      const r = Math.random();
      return r < 0.4 ? 'listProgrammes' : r < 0.6 ? 'listResolutions' : r < 0.85 ? 'updateProgramme' : 'createCommittee';
    };

    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(server.rssBytes()), 1000);
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      requests: [
        {
          method: 'POST',
          setupRequest: (req, context: any) => {
            context.op = pick();
            context.p = Math.floor(Math.random() * PROGRAMMES);
            if (context.op === 'updateProgramme') unanswered.updateProgramme[context.p]++;
            if (context.op === 'createCommittee') unanswered.createCommittee++;
            return { ...req, body: JSON.stringify(bodies[context.op as Op](context)) };
          },
          onResponse: (status, body, context: any) => {
            const op = context.op as Op;
            counts.byOp[op] = (counts.byOp[op] ?? 0) + 1;
            if (op === 'updateProgramme') unanswered.updateProgramme[context.p]--;
            if (op === 'createCommittee') unanswered.createCommittee--;
            if (status >= 500) return void counts.fiveHundreds++;
            const parsed = JSON.parse(body);
            const code = parsed.errors?.[0]?.extensions?.code;
            if (code === 'CONFLICT') counts.conflicts++;
            else if (code) counts.otherErrors++;
            else if (op === 'updateProgramme') {
              accepted.updateProgramme[context.p]++;
              knownVersion[context.p] = Math.max(knownVersion[context.p], parsed.data.updateProgramme.version);
            } else if (op === 'createCommittee') accepted.createCommittee++;
          },
        },
      ],
    });
    clearInterval(sampler);

    const final = await call(`{ programmes(first: 50) { nodes { id version } } committees { id } }`, {}, token);
    const versions = programmeIds.map((id) => final.programmes.nodes.find((n: { id: string }) => n.id === id).version);
    const within = (applied: number, ok: number, unknown: number) => applied >= ok && applied <= ok + unknown;
    const lost =
      programmeIds.filter((_, i) => !within(versions[i] - 1, accepted.updateProgramme[i], unanswered.updateProgramme[i])).length +
      (within(final.committees.length, accepted.createCommittee, unanswered.createCommittee) ? 0 : 1);
    const third = Math.max(1, Math.floor(rss.length / 3));
    const early = Math.max(...rss.slice(0, third));
    const late = Math.max(...rss.slice(-third));
    const figures = {
      database: process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)',
      seconds: SECONDS,
      connections: CONNECTIONS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50ms: result.latency.p50,
      latencyP99ms: result.latency.p99,
      fiveHundreds: counts.fiveHundreds,
      errorsOtherThanConflict: counts.otherErrors + result.errors + result.timeouts,
      acceptedWrites: accepted.updateProgramme.reduce((a, b) => a + b, 0) + accepted.createCommittee,
      conflicts: counts.conflicts,
      unansweredAtEnd: unanswered.updateProgramme.reduce((a, b) => a + b, 0) + unanswered.createCommittee,
      lostWrites: lost,
      rssEarlyMB: Math.round(early / 2 ** 20),
      rssLateMB: Math.round(late / 2 ** 20),
      byOperation: counts.byOp,
    };
    const drain = await sigtermUnderLoad(server, token);
    Object.assign(figures, {
      sigtermInFlightAnswered: drain.answered,
      sigtermNotHandled: drain.refused,
      sigtermCutMidRequest: drain.cut,
      sigtermExitCode: drain.exitCode,
    });
    console.log(JSON.stringify(figures, null, 2));
    const failures = [
      figures.fiveHundreds > 0 && 'some requests were answered 5xx',
      figures.errorsOtherThanConflict > 0 && 'some requests failed other than by CONFLICT',
      figures.lostWrites > 0 && 'final state differs from the accepted writes',
      late > early * 1.5 + 30 * 2 ** 20 && 'memory grew during the run',
      (drain.cut > 0 || drain.exitCode !== 0 || drain.answered === 0) &&
        'SIGTERM under load cut requests short or exited uncleanly',
    ].filter(Boolean);
    if (failures.length) throw new Error(failures.join('; '));
    console.log('load run: passed');
  } finally {
    await server.stop();
  }
}

/**
 * SIGTERM while 100 requests are in flight: every request the server had begun is answered in
 * full; the others are refused or closed before any response (safe to retry); none gets a
 * response cut short; the process exits 0.
 */
async function sigtermUnderLoad(server: Awaited<ReturnType<typeof startServerProcess>>, token: string) {
  const send = async (): Promise<'answered' | 'notHandled' | 'cut'> => {
    let res: Response;
    try {
      res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ programmes(first: 50) { totalCount nodes { code resolutions { text } } } }' }),
      });
    } catch {
      return 'notHandled';
    }
    try {
      return ((await res.json()) as { data?: unknown }).data ? 'answered' : 'cut';
    } catch {
      return 'cut';
    }
  };
  const requests = Array.from({ length: 100 }, send);
  await new Promise((r) => setTimeout(r, 100));
  const exitCode = server.stop();
  const outcomes = await Promise.all(requests);
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  return { answered: count('answered'), refused: count('notHandled'), cut: count('cut'), exitCode: await exitCode };
}

main().catch((err) => {
  console.error(`load run failed: ${(err as Error).message}`);
  process.exit(1);
});
