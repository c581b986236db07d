import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics (GET /metrics, src/http/metrics-endpoint.ts): GraphQL requests
 * and errors here, the database's in src/db/pool-metrics.ts, and prom-client's default process
 * metrics (memory, CPU, event-loop lag, GC). One registry per server, so that servers started side
 * by side (the tests) each count their own.
 */
export interface Metrics {
  registry: Registry;
  /** One finished POST/GET /graphql, with the facts the access log gathered. */
  graphqlRequest(request: { operationName?: string | null; errorCodes: string[] }, status: number, seconds: number): void;
}

/** Codes that say the server, not the client, failed: what an alert on `outcome` should watch. */
const SERVER_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE']);

/**
 * Operation names are chosen by clients: past this many distinct ones (or a very long one), a
 * request counts under "other", so that no client can grow the label set without bound.
 */
const MAX_OPERATIONS = 200;
const MAX_OPERATION_NAME = 64;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a /graphql request to sending its answer, by operation name and outcome (success, client_error, server_error)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors answered to /graphql requests, by extensions.code',
    labelNames: ['code'],
    registers: [registry],
  });
  const operations = new Set<string>();

  const operationLabel = (name: string | null | undefined): string => {
    if (name === undefined) return '(none)'; // refused before an operation was chosen
    if (name === null) return '(anonymous)';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATIONS || name.length > MAX_OPERATION_NAME) return '(other)';
    operations.add(name);
    return name;
  };

  return {
    registry,
    graphqlRequest({ operationName, errorCodes }, status, seconds) {
      for (const code of errorCodes) errors.inc({ code });
      const outcome =
        status >= 500 || errorCodes.some((c) => SERVER_CODES.has(c))
          ? 'server_error'
          : status >= 400 || errorCodes.length
            ? 'client_error'
            : 'success';
      duration.observe({ operation: operationLabel(operationName), outcome }, seconds);
    },
  };
}
