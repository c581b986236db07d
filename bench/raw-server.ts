// The raw-SQL server the benchmark compares with: node:http + pg, one hand-written statement
// per operation (bench/raw-sql/, a file per domain), the answer's JSON built by PostgreSQL and
// sent as it comes.
//   DATABASE_URL=... PORT=... node -r tsx/cjs bench/raw-server.ts
import { createHash } from 'node:crypto';
import http from 'node:http';
import { Pool } from 'pg';
import { tokenOrganisation } from '../src/auth/tokens';
import { OpName } from './operations';
// the index by name: a dist/ compiled before the split still holds a raw-sql.js, which './raw-sql' would load
import { rawStatement } from './raw-sql/index';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
let statements = 0;

function send(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const refuse = (res: http.ServerResponse, status: number, code: string) =>
  send(res, status, JSON.stringify({ errors: [{ message: code, extensions: { code } }] }));

async function answer(req: http.IncomingMessage, res: http.ServerResponse, text: string) {
  const { operationName, variables } = JSON.parse(text) as { operationName: OpName; variables?: Record<string, unknown> };
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const organisationId = token ? tokenOrganisation(token) : undefined;
  if (!token || !organisationId) return refuse(res, 200, 'UNAUTHENTICATED');
  const statement = rawStatement(operationName, variables ?? {});
  if (!statement) return refuse(res, 400, 'UNKNOWN_OPERATION');
  statements++;
  const hash = createHash('sha256').update(token).digest('hex');
  const { rows } = await pool.query(statement.sql, [organisationId, hash, ...statement.params]);
  if (!rows.length) return refuse(res, 200, 'UNAUTHENTICATED');
  send(res, 200, `{"data":${rows[0].body}}`);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, '{"status":"ok"}');
  if (req.method === 'GET' && req.url === '/bench/stats') return send(res, 200, JSON.stringify({ statements }));
  if (req.method !== 'POST') return refuse(res, 404, 'NOT_FOUND');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    answer(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: Error) => {
      console.error(err.message);
      refuse(res, 500, 'INTERNAL_SERVER_ERROR');
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');

const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
