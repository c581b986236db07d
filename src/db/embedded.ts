import fs from 'node:fs';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { pgliteStreams } from './pglite-stream';

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

export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir, { startParams: START_PARAMS });
  syncToDisk(db);
  return {
    stream: pgliteStreams(db),
    close: () => db.close(),
  };
}
