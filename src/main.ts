// `npm start`: serves the API until SIGTERM or SIGINT, then drains and closes cleanly.
import './node-version';
import { Config, ConfigError, readConfig } from './config';
import { DataDirInUseError, DataDirLock, lockDataDir } from './db/data-dir-lock';
import { createLogger, Logger } from './logger';
import type { RunningServer } from './server';

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

/**
 * On the embedded database, the data directory's lock, taken before the server's modules load
 * (seconds on a busy machine) so that a second server on the directory stops at once; `why`
 * starts the line it then prints.
 */
export async function lockDataDirOrExit(config: Config, dataDir: string, why: string): Promise<DataDirLock | undefined> {
  if (config.databaseUrl) return undefined;
  try {
    return await lockDataDir(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    console.error(`${why}: ${err.message}`);
    process.exit(1);
  }
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
  const lock = await lockDataDirOrExit(config, config.dataDir, 'programme-register could not start');
  const logger = createLogger(config.logLevel);
  const { startServer } = await import('./server');
  const { DatabaseUnavailableError } = await import('./db/database');
  try {
    const server = await startServer(config, logger, { lock });
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
