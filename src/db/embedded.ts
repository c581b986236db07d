import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLock, lockDataDir, lockPath } from './data-dir-lock';
import { pgliteStreams } from './pglite-stream';

export interface EmbeddedOptions {
  lock?: DataDirLock;
  empty?: boolean;
}

/**
 * The embedded default: PGlite persisted under dataDir, inside this process. The pg driver (and
 * so TypeORM) reaches it through in-process streams (src/db/pglite-stream.ts), never a port:
 * no other process can connect to it.
 * PGlite runs one session's transaction at a time, so the pool holds one connection
 * (see ../shared/notes/stack-facts.md).
 */
export interface EmbeddedDatabase {
  /** pg's `stream` option: opens a connection to this database. */
  stream: () => Duplex;
  close(): Promise<void>;
}

/**
 * PGlite's own start parameters without `-F` (fsync off); the WAL flushed with fsync() (the
 * WebAssembly file system ignores fdatasync, PostgreSQL's default on Linux); and 16 MB of shared
 * buffers instead of 128 MB, as the WebAssembly memory they fill is never given back (README,
 * "Memory").
 */
const START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  ...['-c', 'wal_sync_method=fsync', '-c', 'shared_buffers=16MB'],
];

/**
 * Makes a new database in dir, if it holds none, in a child process: initdb runs a second
 * PostgreSQL in WebAssembly, whose 400 MB would otherwise stay in the server's memory until a
 * garbage collection that may not come.
 */
async function initialise(dir: string): Promise<void> {
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
  const script = `require(process.argv[1]).PGlite.create(process.argv[2]).then((db) => db.close()).then(
    () => process.exit(0), (err) => { console.error(err.message); process.exit(1); })`;
  const child = spawn(process.execPath, ['-e', script, require.resolve('@electric-sql/pglite'), dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
  if (code !== 0) throw new Error(`could not make a new database in ${dir}: ${stderr.trim() || `exit code ${code}`}`);
}

/**
 * PostgreSQL's fsync reaches the host's: Emscripten's Node file system has no fsync of its own, so
 * without this a commit is acknowledged before it is on the disk, and a host crash can lose it.
 */
function syncToDisk(db: PGlite): void {
  const nodeFs = (db.Module.FS as unknown as { filesystems: { NODEFS: { stream_ops: Record<string, unknown> } } }).filesystems
    .NODEFS;
  nodeFs.stream_ops.fsync = (stream: { nfd?: number }) => {
    if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
    return 0;
  };
}

/**
 * Opens the embedded database in dataDir under the directory's lock (src/db/data-dir-lock.ts):
 * `lock` if the caller holds it already, otherwise taken here; either way released by close.
 * `empty` first deletes what the directory holds (under the lock, so never another server's files).
 */
export async function startEmbedded(dataDir: string, { lock, empty = false }: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const held = lock ?? (await lockDataDir(dataDir));
  if (held.dir !== path.resolve(dataDir)) throw new Error(`the lock held is of ${held.dir}, not of ${dataDir}`);
  try {
    if (empty) emptyDirectory(held.dir);
    await initialise(held.dir);
    const db = await PGlite.create(held.dir, { startParams: START_PARAMS });
    syncToDisk(db);
    return {
      stream: pgliteStreams(db),
      async close() {
        try {
          await db.close();
        } finally {
          await held.release();
        }
      },
    };
  } catch (err) {
    await held.release();
    throw err;
  }
}

function emptyDirectory(dir: string): void {
  for (const entry of fs.readdirSync(dir)) {
    const entryPath = path.join(dir, entry);
    if (entryPath !== lockPath(dir)) fs.rmSync(entryPath, { recursive: true, force: true });
  }
}
