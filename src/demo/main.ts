// `npm run demo`: the API on the embedded default (or DATABASE_URL) with a demo council,
// printing a token for each role. The embedded demo database starts afresh every run.
import '../node-version';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config';
import { createLogger } from '../logger';
import { stopOnSignals } from '../main';
import { startServer } from '../server';
import { seedDemo } from './seed';

async function main() {
  // on loopback unless HOST says otherwise: the demo prints tokens that anyone reaching it could use
  const base = readConfig(process.env, { host: '127.0.0.1', logLevel: 'silent' });
  const dataDir = path.join(base.dataDir, 'demo');
  if (!base.databaseUrl) fs.rmSync(dataDir, { recursive: true, force: true });
  const adminSecret = base.adminSecret ?? randomBytes(24).toString('base64url');
  console.log(`starting the demo on ${base.databaseUrl ? 'DATABASE_URL' : `the embedded database in ${dataDir}`} ...`);
  const logger = createLogger(base.logLevel);
  const server = await startServer({ ...base, dataDir, adminSecret }, logger);
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
