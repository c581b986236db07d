// Load on loopback, bounded in time: requests/s at concurrency 8 (autocannon), latency at
// concurrency 1 (a plain keep-alive loop timed with hrtime: autocannon rounds to whole ms).
import http from 'node:http';
import autocannon from 'autocannon';
import { DOCUMENTS } from './operations';

export interface Throughput {
  rps: number;
  errors: number;
  /** W1's answers CONFLICT (not errors, see w1Answered). */
  conflicts?: number;
  /** The first error answer, to say what went wrong. */
  firstError?: string;
}

const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

/** Requests/s with `connections` clients sending `body` for `seconds`; non-2xx and GraphQL errors count as errors. */
export async function throughput(
  url: string,
  token: string,
  body: string,
  seconds: number,
  connections = 8,
): Promise<Throughput> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: headers(token),
    body,
    requests: [{ onResponse: (_status, resBody) => void (resBody.startsWith('{"errors"') && graphqlErrors++) }],
  });
  const total = result.requests.total;
  return { rps: total / (result.duration || seconds), errors: result.non2xx + result.errors + graphqlErrors };
}

export interface Latency {
  p50: number;
  p99: number;
  requests: number;
}

/** One request at a time for `seconds`: p50 and p99 in ms. A function body is asked for each request. */
export async function latency(
  url: string,
  token: string,
  body: string | (() => string),
  seconds: number,
  onResponse?: (text: string) => void,
): Promise<Latency> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const times: number[] = [];
  const until = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  try {
    while (process.hrtime.bigint() < until) {
      const started = process.hrtime.bigint();
      const text = await post(agent, target, token, typeof body === 'string' ? body : body());
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      onResponse?.(text);
    }
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99), requests: times.length };
}

/** One POST; resolves with the body, rejects on a non-200 status. */
export function post(agent: http.Agent, url: URL, token: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers(token), 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200) resolve(text);
          else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A risk W1 re-assesses, with the version it was last seen at. */
export interface RiskTarget {
  id: string;
  version: number;
  likelihood: number;
  impact: number;
}

/** W1's request for one risk: the score stays as it was, so the reads keep seeing the same data. */
export function w1Body(risk: RiskTarget): string {
  const variables = {
    riskId: risk.id,
    expectedVersion: risk.version,
    input: { likelihood: risk.likelihood, impact: risk.impact, note: 'Bench review' },
  };
  return JSON.stringify({ operationName: 'W1', query: DOCUMENTS.W1, variables });
}

/**
 * Takes the new version from W1's answer. A CONFLICT is the bench's own doing (a version it did
 * not see: an answer left unread when a timed run stopped), not the server's; anything else is.
 */
export function w1Answered(risk: RiskTarget, text: string): 'ok' | 'conflict' | 'error' {
  const parsed = JSON.parse(text);
  if (parsed.errors) return parsed.errors[0]?.extensions?.code === 'CONFLICT' ? 'conflict' : 'error';
  risk.version = parsed.data.assessRisk.version;
  return 'ok';
}

/**
 * W1: assessRisk on random risks, never one already in flight, so no two requests race for one
 * version; the score stays as it was, so the reads see the same data.
 */
export async function writes(
  url: string,
  token: string,
  risks: RiskTarget[],
  seconds: number,
  connections = 8,
): Promise<Throughput> {
  let graphqlErrors = 0;
  let conflicts = 0;
  let firstError: string | undefined;
  const busy = new Set<RiskTarget>();
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: headers(token),
    requests: [
      {
        setupRequest: (req, context: Record<string, any>) => {
          // autocannon gives each request a fresh context: what is in flight is kept here
          let risk = risks[Math.floor(random() * risks.length)];
          while (busy.has(risk)) risk = risks[Math.floor(random() * risks.length)];
          busy.add(risk);
          context.risk = risk;
          return { ...req, body: w1Body(risk) };
        },
        onResponse: (status, body, context: Record<string, any>) => {
          busy.delete(context.risk);
          const outcome = status === 200 ? w1Answered(context.risk, body) : 'error';
          if (outcome === 'ok') return;
          if (outcome === 'conflict') return void conflicts++;
          graphqlErrors++;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    rps: result.requests.total / (result.duration || seconds),
    errors: result.errors + graphqlErrors,
    conflicts,
    firstError,
  };
}
