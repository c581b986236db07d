// A benchmark database: created on the PostgreSQL server, migrated by the project's own
// migrations, filled by the generator, dropped at the end.
import { Client } from 'pg';
import { openDatabase } from '../src/db/database';
import { encodeCursor } from '../src/paging';
import { adminQuery, withDatabase } from '../test/support/test-database';
import { generate, orgId, programmeId, Size } from './generate';
import { Fixtures } from './operations';
import { RiskTarget } from './load';

export interface BenchDatabase {
  url: string;
  client: Client;
  drop(): Promise<void>;
}

export async function createDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const migrated = await openDatabase({ databaseUrl: url, dataDir: '' });
  await migrated.close();
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    async drop() {
      await client.end();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Generates organisations, then VACUUM ANALYZE so the planner and index-only scans see them. */
export async function fill(db: BenchDatabase, size: Size, first: number, count: number): Promise<number> {
  const started = Date.now();
  await db.client.query('SET synchronous_commit = off');
  await generate(db.client, size, first, count);
  await db.client.query('VACUUM ANALYZE');
  return (Date.now() - started) / 1000;
}

export interface DataFacts {
  rows: Record<string, number>;
  bytes: number;
}

export async function facts(db: BenchDatabase): Promise<DataFacts> {
  const tables = [
    'organisations',
    'programmes',
    'risks',
    'mitigations',
    'mitigation_updates',
    'risk_assessments',
    'savings_lines',
    'savings_deliveries',
    'milestones',
    'resolutions',
    'committee_actions',
    'issues',
    'resolution_issues',
    'programme_health_reports',
    'audit_events',
  ];
  const rows: Record<string, number> = {};
  for (const t of tables) rows[t] = Number((await db.client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  const bytes = Number((await db.client.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
  return { rows, bytes };
}

const O3_PROGRAMME = 1;

/** The programme O3 reads, O2's cursors (after page 2 and deep in the list) and the risks W1 re-assesses. */
export async function fixtures(db: BenchDatabase, org: number): Promise<{ fixtures: Fixtures; risks: RiskTarget[] }> {
  const q = (sql: string, params: unknown[]) => db.client.query(sql, params).then((r) => r.rows);
  const open = `FROM risks WHERE organisation_id = $1 AND status = 'OPEN'`;
  const [{ n }] = await q(`SELECT count(*)::int AS n ${open}`, [orgId(org)]);
  const cursorAfter = async (page: number) => {
    const [row] = await q(
      `SELECT current_score, programme_code, reference ${open}
      ORDER BY current_score DESC, programme_code, reference OFFSET $2 LIMIT 1`,
      [orgId(org), 20 * page - 1],
    );
    return encodeCursor('risks', [row.current_score, row.programme_code, row.reference]);
  };
  const deepPage = Math.min(300, Math.floor(n / 20));
  const risks = await q(
    `SELECT id, version, current_likelihood AS likelihood, current_impact AS impact ${open}
      AND programme_id <> $2 ORDER BY id`,
    [orgId(org), programmeId(org, O3_PROGRAMME)],
  );
  return {
    fixtures: {
      programmeId: programmeId(org, O3_PROGRAMME),
      page3: await cursorAfter(2),
      deep: { page: deepPage, cursor: await cursorAfter(deepPage - 1) },
    },
    risks,
  };
}

/**
 * Re-reads the risks' versions: a timed run stops with requests in flight whose answers it never
 * read, and the server may still be committing them, so give it a moment first.
 */
export async function refreshVersions(db: BenchDatabase, risks: RiskTarget[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { rows } = await db.client.query(`SELECT id, version FROM risks WHERE id = ANY($1::uuid[])`, [risks.map((r) => r.id)]);
  const version = new Map(rows.map((r) => [r.id as string, r.version as number]));
  for (const r of risks) r.version = version.get(r.id) ?? r.version;
}
