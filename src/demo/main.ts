// `npm run demo`: the API on the embedded default (or DATABASE_URL) with a demo council,
// printing a token for each role. The embedded demo database starts afresh every run (never while
// another demo runs on it: the directory's lock is taken before anything is deleted).
import '../node-version';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readConfig } from '../config';
import { createLogger } from '../logger';
import { lockDataDirOrExit, stopOnSignals } from '../main';
import { seedDemo } from './seed';

async function main() {
  // on loopback unless HOST says otherwise: the demo prints tokens that anyone reaching it could use
  const base = readConfig(process.env, { host: '127.0.0.1', logLevel: 'silent' });
  const dataDir = path.join(base.dataDir, 'demo');
  const adminSecret = base.adminSecret ?? randomBytes(24).toString('base64url');
  console.log(`starting the demo on ${base.databaseUrl ? 'DATABASE_URL' : `the embedded database in ${dataDir}`} ...`);
  const lock = await lockDataDirOrExit(base, dataDir, 'the demo could not start');
  const logger = createLogger(base.logLevel);
  const { startServer } = await import('../server');
  const server = await startServer({ ...base, dataDir, adminSecret }, logger, { lock, empty: true });
  const org = await seedDemo(server.url, adminSecret);
  console.log(`
programme-register demo: ${server.url}
Web page for members and officers: ${server.url.replace(/graphql$/, '')} (sign in with a token below)

Bearer tokens (send as "Authorization: Bearer <token>"):
  ADMIN              ${org.tokens.ADMIN}
  PROGRAMME_MANAGER  ${org.tokens.PROGRAMME_MANAGER}   (Family Hubs, Locality Working)
  FINANCE            ${org.tokens.FINANCE}
  MEMBER             ${org.tokens.MEMBER}

Try:
  curl -s ${server.url} -H 'content-type: application/json' \\
    -H 'authorization: Bearer ${org.tokens.MEMBER}' \\
    -d '{"query":"{ programmes { nodes { code name status resolutions { text } } } }"}'

Ctrl-C stops it.`);
  stopOnSignals(server, logger);
}

main().catch((err) => {
  console.error(`the demo could not start: ${(err as Error).message}`);
  process.exit(1);
});
