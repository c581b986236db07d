import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded default: PGlite persisted under dataDir, served on a loopback socket so the
 * ordinary pg driver (and so TypeORM) talks to it exactly as to a real server.
 * PGlite runs one session's transaction at a time; the socket takes one connection, so the
 * pool must hold one too (see ../shared/notes/stack-facts.md).
 */
export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${conn}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
