import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema } from 'graphql';
import { newOrg } from '../support/fixtures';
import { MUTATION_CASES } from '../support/isolation-org-mutations';
import { Case, QUERY_CASES, World } from '../support/isolation-org-queries';
import { idArguments, Probe, rootFields } from '../support/isolation-probe';
import { newMarker, ROLES, Seeded, seedOrganisation } from '../support/isolation-seed';
import { idsIn, viewOf } from '../support/isolation-view';
import { ok, startTestServer, TestServer } from '../support/test-server';

// Issue 6.4, between organisations: B's users drive every query and mutation of the served
// schema against A's ids. Queries by id answer null; lists, counts, the matrix and the
// reconciliation show none of A's rows; mutations answer NOT_FOUND. Every answer is compared
// with the one for ids that exist nowhere, and scanned for A's ids and names. A field of Query
// or Mutation without a case here fails the run, as does an ID argument no case drove.

const CASES: Record<string, Case> = { ...QUERY_CASES, ...MUTATION_CASES };

let t: TestServer;
let schema: GraphQLSchema;
let a: Seeded;
let b: Seeded;
let world: World;
let aView: Record<string, unknown>;
let bViewBefore: Record<string, unknown>;
let bView: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestServer();
  schema = buildClientSchema(ok(await t.gql(getIntrospectionQuery())));
  b = await seedOrganisation(t, { appetite: 9 });
  bViewBefore = await viewOf(t, b.tokens.ADMIN);
  a = await seedOrganisation(t, { appetite: 6 });
  aView = await viewOf(t, a.tokens.ADMIN);
  bView = await viewOf(t, b.tokens.ADMIN);

  // all A's ids (audit events, assessments and deliveries included), its marker and its confidential texts' marker
  const hidden = new Map<string, string>([
    [a.marker, newMarker()],
    [a.secret, newMarker()],
  ]);
  for (const id of idsIn(aView)) hidden.set(id, randomUUID());
  for (const id of idsIn(bView)) if (hidden.has(id)) throw new Error(`A and B share id ${id}`);
  const probe = new Probe(t, schema, hidden);

  const first = ok(
    await t.gql(
      `{ programmes(first: 1) { pageInfo { endCursor } } risks(first: 1) { pageInfo { endCursor } }
    mitigations(first: 1) { pageInfo { endCursor } }
    milestones(first: 1) { pageInfo { endCursor } } resolutions(first: 1) { pageInfo { endCursor } }
    committeeActions(first: 1) { pageInfo { endCursor } } issues(first: 1) { pageInfo { endCursor } }
    auditTrail(first: 1) { pageInfo { endCursor } } }`,
      {},
      a.tokens.ADMIN,
    ),
  );
  const aCursors = Object.fromEntries(
    Object.entries(first).map(([list, page]) => [list, (page as any).pageInfo.endCursor]),
  ) as World['aCursors'];
  world = {
    a,
    b,
    probe,
    aCursors,
    bAuditCount: (bView.auditTrail as { totalCount: number }).totalCount,
    async fresh() {
      const org = await newOrg(t);
      return { admin: org.admin, programmeId: (await org.programme()).id, send: probe.send.bind(probe) };
    },
  };
}, 180_000);
afterAll(() => t?.close());

test("A's activity changes nothing B sees: lists, counts, cursors, matrix, totals, audit trail", () => {
  expect(bView).toEqual(bViewBefore);
});

test('the table has a case for every field of Query and Mutation, and none for a field the schema lacks', () => {
  const fields = rootFields(schema);
  expect(fields.filter((f) => !CASES[f])).toEqual([]);
  expect(Object.keys(CASES).filter((f) => !fields.includes(f))).toEqual([]);
});

describe("as each of B's users, against A's ids", () => {
  test.each(Object.keys(CASES))('%s', async (field) => {
    await CASES[field](world);
  });
});

test("the cases drove every root field, and every ID argument (at any depth) with A's ids", () => {
  const fields = rootFields(schema);
  expect(fields.filter((f) => !world.probe.fields.has(f))).toEqual([]);
  expect(idArguments(schema).filter((p) => !world.probe.idPaths.has(p))).toEqual([]);
});

test('nothing of A changed (versions, counts, links, audit trail), nor of B; all their tokens still work', async () => {
  expect(await viewOf(t, a.tokens.ADMIN)).toEqual(aView);
  expect(await viewOf(t, b.tokens.ADMIN)).toEqual(bView);
  for (const org of [a, b]) {
    for (const role of ROLES) expect(ok(await t.gql(`{ me { id } }`, {}, org.tokens[role])).me.id).toBe(org.users[role].id);
  }
});

/**
 * Cursors are opaque to clients but readable by anyone who decodes them: whatever one holds
 * must be what its page already shows (a database-wide sequence would count other
 * organisations' activity). A cursor that is not base64 JSON reveals nothing and passes.
 */
test("a list's cursor holds only values of the caller's own node", async () => {
  const pages = ok(
    await t.gql(
      `{
    programmes(first: 1) { pageInfo { endCursor } nodes { id code name } }
    risks(first: 1) { pageInfo { endCursor } nodes { id reference current { score } programme { code } } }
    milestones(first: 1) { pageInfo { endCursor } nodes { id title forecastDate } }
    resolutions(first: 1) { pageInfo { endCursor } nodes { id agendaItem number meeting { date } } }
    committeeActions(first: 1) { pageInfo { endCursor } nodes { id dueDate meeting { date } } }
    issues(first: 1) { pageInfo { endCursor } nodes { id status priority reference programme { code } } }
    auditTrail(first: 1) { pageInfo { endCursor } nodes { id at entityId } } }`,
      {},
      b.tokens.ADMIN,
    ),
  );
  const norm = (v: unknown) => (v === null ? '' : String(v).replace(/^0+(?=\d)/, ''));
  for (const [list, page] of Object.entries(pages) as [string, { pageInfo: { endCursor: string }; nodes: object[] }][]) {
    const decoded = decode(page.pageInfo.endCursor);
    if (!decoded) continue;
    const visible = new Set(leaves(page.nodes[0]).map(norm));
    const [, ...key] = decoded;
    expect({ list, hidden: key.filter((k) => !visible.has(norm(k))) }).toEqual({ list, hidden: [] });
  }
});

function decode(cursor: string): unknown[] | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function leaves(v: unknown): unknown[] {
  if (v && typeof v === 'object') return Object.values(v).flatMap(leaves);
  return [v];
}

test('the probe refuses an answer that shows A, or that tells A from what does not exist', async () => {
  const probe = new Probe(
    t,
    schema,
    new Map([
      [a.programmes.fh.id, randomUUID()],
      [a.marker, newMarker()],
    ]),
  );
  const q = (fields: string) => `query($id: ID!) { programme(id: $id) { ${fields} } }`;
  // A's own admin sees it: exactly what an outsider must never get
  await expect(probe.send(q('code'), { id: a.programmes.fh.id }, a.tokens.ADMIN)).rejects.toThrow(/mentions hidden/);
  await expect(probe.send(q('version'), { id: a.programmes.fh.id }, a.tokens.ADMIN)).rejects.toThrow(/differently/);
  await expect(probe.send(q('version'), { id: a.programmes.fh.id }, b.tokens.ADMIN)).resolves.toMatchObject({
    data: { programme: null },
  });
});
