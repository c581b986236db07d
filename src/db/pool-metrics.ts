import { Pool, PoolClient } from 'pg';
import { Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const timed = new WeakSet<PoolClient>();

/**
 * Times every statement a pooled connection runs. Every statement goes through a connection the
 * pool hands out (reads through pool.query, transactions and migrations through a checked-out
 * client), and the pool announces each hand-out ('acquire'), so wrapping a connection's `query`
 * the first time it is handed out covers them all, connections opened before this included.
 */
function timeStatements(client: PoolClient, histogram: Histogram) {
  if (timed.has(client)) return;
  timed.add(client);
  const query = client.query as (...args: unknown[]) => unknown;
  client.query = function (this: PoolClient, ...args: unknown[]) {
    const started = process.hrtime.bigint();
    const stop = () => histogram.observe(Number(process.hrtime.bigint() - started) / 1e9);
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (...results: unknown[]) => void;
      args[last] = (...results: unknown[]) => {
        stop();
        callback(...results);
      };
      return query.apply(this, args);
    }
    const result = query.apply(this, args);
    if (result instanceof Promise) result.then(stop, stop); // the caller handles the rejection itself
    return result;
  } as PoolClient['query'];
}

/**
 * db_pool_connections{state} (read from the pool at each scrape) and
 * db_statement_duration_seconds, for the pool behind a DataSource.
 */
export function observePool(dataSource: DataSource, registry: Registry): void {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const statements = new Histogram({
    name: 'db_statement_duration_seconds',
    help: 'Time from sending an SQL statement to the database to receiving its answer',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database connections of the pool: in_use (running a statement or a transaction), idle, and waiting (requests queued for one)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  pool.on('acquire', (client) => timeStatements(client, statements));
}
