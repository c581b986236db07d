import { randomUUID } from 'node:crypto';
import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

// An object asked for by id starts its relations in the same statement (src/graphql/prefetch.ts).
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const PROGRAMME = `query($id: ID!) { programme(id: $id) {
  code risks(filter: {minScore: 1}) { reference mitigations { action } } milestones { title } savingsLines { planned } resolutions { text } } }`;
const RISK = `query($id: ID!) { risk(id: $id) { reference mitigations { action } assessments { score } resolutions { text } } }`;

async function seed(org: Org) {
  const programme = await org.programme({ code: 'FH', name: 'Family Hubs' });
  const risk = ok(
    await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          reference: 'R01',
          title: 'Pressure on social care',
          category: 'SAFEGUARDING',
          inherent: { likelihood: 4, impact: 4 },
        },
      },
      org.admin,
    ),
  ).createRisk;
  const secret = ok(
    await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          reference: 'R02',
          title: 'Named posts',
          category: 'FINANCIAL',
          confidential: true,
          inherent: { likelihood: 4, impact: 5 },
        },
      },
      org.admin,
    ),
  ).createRisk;
  for (const id of [risk.id, secret.id]) {
    ok(
      await t.gql(`mutation($id: ID!) { addMitigation(riskId: $id, input: {action: "Brief staff"}) { id } }`, { id }, org.admin),
    );
  }
  ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      {
        input: { programmeId: programme.id, title: 'Hubs open', baselineDate: '2026-10-01' },
      },
      org.admin,
    ),
  );
  return { programmeId: programme.id, riskId: risk.id, secretId: secret.id };
}

/** The statements one request sends, once its token is remembered. */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string) {
  await t.gql(query, variables, token);
  const before = t.statements();
  const res = await t.gql(query, variables, token);
  return { data: ok(res), statements: t.statements() - before };
}

test('a programme by id and its relations are one statement; their own relations one more', async () => {
  const org = await newOrg(t);
  const { programmeId } = await seed(org);
  const { data, statements } = await statementsOf(PROGRAMME, { id: programmeId }, org.admin);
  expect(data.programme.risks.map((r: { reference: string }) => r.reference)).toEqual(['R02', 'R01']);
  expect(data.programme.risks[0].mitigations).toEqual([{ action: 'Brief staff' }]);
  expect(data.programme.milestones).toEqual([{ title: 'Hubs open' }]);
  expect(statements).toBe(2);
});

test('a risk by id and its relations are one statement', async () => {
  const org = await newOrg(t);
  const { riskId } = await seed(org);
  const { data, statements } = await statementsOf(RISK, { id: riskId }, org.admin);
  expect(data.risk).toEqual({
    reference: 'R01',
    mitigations: [{ action: 'Brief staff' }],
    assessments: [{ score: 16 }],
    resolutions: [],
  });
  expect(statements).toBe(1);
});

test("what is started early is never shown: an unknown, malformed, other organisation's or confidential id is null", async () => {
  const org = await newOrg(t);
  const other = await newOrg(t);
  const { programmeId, riskId, secretId } = await seed(org);
  const member = await org.user('MEMBER');
  for (const id of [randomUUID(), 'not-an-id', programmeId]) {
    expect(ok(await t.gql(PROGRAMME, { id }, other.admin)).programme).toBeNull();
  }
  for (const id of [randomUUID(), 'not-an-id', riskId]) {
    expect(ok(await t.gql(RISK, { id }, other.admin)).risk).toBeNull();
  }
  expect(ok(await t.gql(RISK, { id: secretId }, member)).risk).toBeNull();
  const seen = ok(await t.gql(PROGRAMME, { id: programmeId }, member)).programme;
  expect(seen.risks.map((r: { reference: string }) => r.reference)).toEqual(['R01']);
});
