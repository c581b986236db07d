import fs from 'node:fs';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLock, lockDataDir, lockPath } from './data-dir-lock';
import { pgliteStreams } from './pglite-stream';

/**
 * The embedded default: PGlite persisted under dataDir, inside this process. The pg driver (and
 * so TypeORM) reaches it through in-process streams (src/db/pglite-stream.ts), never a port:
 * no other process can connect to it.
 * PGlite runs one session's transaction at a time, so the pool holds one connection
 * (see ../shared/notes/stack-facts.md).
 */
export interface EmbeddedOptions {
  lock?: DataDirLock;
  empty?: boolean;
}

export interface EmbeddedDatabase {
  /** pg's `stream` option: opens a connection to this database. */
  stream: () => Duplex;
  close(): Promise<void>;
}

/**
 * PGlite's own start parameters without `-F` (fsync off), and the WAL flushed with fsync(): the
 * WebAssembly file system ignores fdatasync, PostgreSQL's default on Linux.
 */
const START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

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
