import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema } from 'graphql';
import { argumentsArbitrary } from '../support/arbitrary-input';
import { newOrg } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

// Bounded for the default run; `FUZZ_RUNS=2000 npm test -- test/e2e/fuzz` for a long one.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const CONTRACT_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];

let t: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestServer();
  schema = buildClientSchema(ok(await t.gql(getIntrospectionQuery())));
});
afterAll(() => t?.close());

test('random and malformed input to every mutation is answered with data or a contract error, never a 5xx', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  const ids = await seedIds(org, other);
  const tokens = [
    org.admin,
    org.admin,
    org.admin,
    await org.user('MEMBER'),
    await org.user('PROGRAMME_MANAGER', [ids[0]]),
    await org.user('FINANCE'),
  ];
  const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => f.name !== 'createOrganisation');
  expect(mutations.length).toBeGreaterThan(10);
  for (const field of mutations) {
    const document = `mutation(${field.args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) {
      ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename } }`;
    await fc.assert(
      fc.asyncProperty(argumentsArbitrary(schema, field.args, ids), fc.constantFrom(...tokens), async (variables, token) => {
        const res = await t.gql(document, variables, token);
        expect(res.status).toBeLessThan(500);
        for (const e of res.errors ?? []) {
          if (!CONTRACT_CODES.includes(e.extensions?.code ?? '')) throw new Error(`${field.name}: ${JSON.stringify(e)}`);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }
  const health = await fetch(t.server.url.replace('/graphql', '/health'));
  expect(health.status).toBe(200);
}, 600_000);

/** Real ids of this organisation's objects and another's, so many inputs reach the rules. */
async function seedIds(org: Awaited<ReturnType<typeof newOrg>>, other: Awaited<ReturnType<typeof newOrg>>): Promise<string[]> {
  const p = await org.programme();
  const theirs = await other.programme();
  const c = ok(await t.gql(`mutation { createCommittee(name: "Executive") { id } }`, {}, org.admin)).createCommittee.id;
  const m = ok(
    await t.gql(`mutation($c: ID!) { createMeeting(input: {committeeId: $c, date: "2018-04-03"}) { id } }`, { c }, org.admin),
  ).createMeeting.id;
  const r = ok(
    await t.gql(
      `mutation($m: ID!) { recordResolution(input: {meetingId: $m, agendaItem: "X", text: "Y"}) { id } }`,
      { m },
      org.admin,
    ),
  ).recordResolution.id;
  const me = ok(await t.gql(`{ me { id } }`, {}, org.admin)).me.id;
  const ids = [p.id, theirs.id, c, m, r, me];
  const optional = [
    [
      `mutation($p: ID!) { x: createRisk(input: {programmeId: $p, reference: "R01", title: "T", category: SAFEGUARDING, inherent: {likelihood: 4, impact: 5}}) { id } }`,
      'createRisk',
    ],
    [
      `mutation($p: ID!) { x: createMilestone(input: {programmeId: $p, title: "T", baselineDate: "2018-10-01"}) { id } }`,
      'createMilestone',
    ],
    [
      `mutation($p: ID!) { x: createSavingsLine(input: {programmeId: $p, description: "Staffing", category: STAFFING, financialYear: "2018/19", planned: "452000.00"}) { id } }`,
      'createSavingsLine',
    ],
  ];
  for (const [query, name] of optional) {
    if (schema.getMutationType()!.getFields()[name]) ids.push(ok(await t.gql(query, { p: p.id }, org.admin)).x.id);
  }
  return ids;
}
