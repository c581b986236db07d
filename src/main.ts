// `npm start`: serves the API until SIGTERM or SIGINT, then drains and closes cleanly.
import { ConfigError, readConfig } from './config';
import { DatabaseUnavailableError } from './db/database';
import { createLogger } from './logger';
import { RunningServer, startServer } from './server';

export function stopOnSignals(server: RunningServer, log: (msg: string) => void): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing in-flight requests and closing the database`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  logger.info('listening', { url: server.url, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})` });
  stopOnSignals(server, (msg) => logger.info(msg));
}

if (require.main === module) {
  main().catch((err) => {
    const known = err instanceof ConfigError || err instanceof DatabaseUnavailableError;
    console.error(`programme-register could not start: ${known ? err.message : (err as Error).stack}`);
    process.exit(1);
  });
}
