import { AddressInfo, isIPv6 } from 'node:net';
import { createApp } from './http/app';
import { Config } from './config';
import { Database, openDatabase } from './db/database';
import { EmbeddedOptions } from './db/embedded';
import { Logger } from './logger';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  close(): Promise<void>;
}

/** Where a client on this machine reaches a server listening on `host` (every address: loopback). */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return isIPv6(host) ? `[${host}]` : host;
}

/**
 * Opens the database (migrating it; `embeddedOptions` as openDatabase's), then serves the API;
 * close() drains and shuts down in order.
 */
export async function startServer(config: Config, logger: Logger, embeddedOptions: EmbeddedOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(config, embeddedOptions);
  try {
    const { httpServer, apollo } = await createApp(db, config, logger);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    const port = (httpServer.address() as AddressInfo).port;
    return {
      url: `http://${reachableHost(config.host)}:${port}/graphql`,
      port,
      database: db,
      async close() {
        // Apollo's drain plugin stops the HTTP server and waits for in-flight requests
        await apollo.stop();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
