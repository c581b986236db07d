import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Seconds after which the lock of a server that died without releasing it (kill -9, a crash) lapses. */
export const LOCK_LAPSES_SECONDS = 10;

/** Another server holds the data directory (or held it until it died, less than LOCK_LAPSES_SECONDS ago). */
export class DataDirInUseError extends Error {}

/** A data directory this process holds alone, until `release`. */
export interface DataDirLock {
  /** The directory, absolute. */
  dir: string;
  release(): Promise<void>;
}

/**
 * Takes the data directory (made if missing) for this process alone: two servers on one directory
 * would each see only their own writes and leave its files inconsistent. The lock is the
 * directory `.lock` inside it (made atomically), touched every few seconds while held; one left
 * behind by a server that died lapses after LOCK_LAPSES_SECONDS. Losing it to another process
 * (possible only if this one stopped touching it for that long) ends this process at once, before
 * it can write again. Light to load: entry points take it before loading the server, so a second
 * server stops within a second or two.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  try {
    const release = await lockfile.lock(dir, {
      lockfilePath: lockPath(dir),
      stale: LOCK_LAPSES_SECONDS * 1000,
      onCompromised(err) {
        console.error(`programme-register stops: it lost the lock of ${dir} (${err.message})`);
        process.exit(1);
      },
    });
    return { dir, release };
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    throw new DataDirInUseError(
      `${dir} is in use by another server (one that stopped without closing frees it within ${LOCK_LAPSES_SECONDS} s)`,
    );
  }
}

/** The lock's own path, which emptying the directory must leave alone. */
export function lockPath(dir: string): string {
  return path.join(dir, '.lock');
}
