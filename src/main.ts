// `npm start`: serves the API until SIGTERM or SIGINT, then drains and closes cleanly.
import './node-version';
import { ConfigError, readConfig } from './config';
import { DatabaseUnavailableError } from './db/database';
import { createLogger, Logger } from './logger';
import { RunningServer, startServer } from './server';

export function stopOnSignals(server: RunningServer, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests and closing the database`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main() {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // one line, before any logger exists (LOG_LEVEL itself may be what is wrong)
    console.error(err.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  try {
    const server = await startServer(config, logger);
    logger.info({ url: server.url, database: config.databaseUrl ? 'postgresql' : `embedded (${config.dataDir})` }, 'listening');
    stopOnSignals(server, logger);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      console.error(`programme-register could not start: ${err.message}`);
    } else {
      logger.fatal({ err }, 'programme-register could not start');
    }
    process.exit(1);
  }
}

if (require.main === module) void main();
