import { Client, PoolConfig } from 'pg';

const READ_TIMEOUT = 'Query read timeout';

/**
 * A pg client that drops its connection when an answer does not come in time. pg's query_timeout
 * fails the query but keeps the connection, and the statements sent on it next wait behind the
 * unanswered one for ever; dropped, the connection is replaced by the pool.
 */
class DeadlineClient extends Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every overload of pg's Client.query
  query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (err: Error | null, result: unknown) => {
        this.dropIfUnanswered(err);
        callback(err, result);
      };
    }
    const answer = (Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    return answer instanceof Promise
      ? answer.catch((err) => {
          this.dropIfUnanswered(err);
          throw err;
        })
      : answer;
  }

  private dropIfUnanswered(err: Error | null) {
    if (err?.message === READ_TIMEOUT) this.connection.stream.destroy();
  }
}

/**
 * pg pool settings so that a database that stops answering (a silent network, a hung server: no
 * reset) fails requests within about `seconds` instead of holding them: PostgreSQL cancels a
 * statement running longer (statement_timeout), a connection that sends no answer a second after
 * that is dropped, and connecting, or waiting for a pooled connection, takes no longer.
 */
export function timeoutOptions(seconds: number): PoolConfig {
  return {
    Client: DeadlineClient,
    statement_timeout: seconds * 1000,
    query_timeout: seconds * 1000 + 1000,
    connectionTimeoutMillis: seconds * 1000,
  };
}
