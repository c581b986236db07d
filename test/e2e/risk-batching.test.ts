import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { ADD_MITIGATION, ASSESS, newRisk } from './risk-helpers';

let t: TestServer;
let small: Org;
let large: Org;
beforeAll(async () => {
  t = await startTestServer();
  [small, large] = [await register(2), await register(50)];
}, 120_000);
afterAll(() => t?.close());

/** n programmes, each with two risks (one confidential), each risk with a mitigation, two assessments and a resolution. */
async function register(n: number): Promise<Org> {
  const org = await newOrg(t);
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Scrutiny") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: { committeeId: committee.id, date: '2019-11-05' },
      },
      org.admin,
    ),
  ).createMeeting;
  const resolution = ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      {
        input: { meetingId: meeting.id, agendaItem: 'RISK REGISTER', text: 'That the register be noted.' },
      },
      org.admin,
    ),
  ).recordResolution;
  const one = async (i: number) => {
    const p = await org.programme({ code: `P-${String(i).padStart(3, '0')}` });
    for (const [reference, confidential] of [
      ['R01', false],
      ['R02', true],
    ] as const) {
      const risk = await newRisk(t, org, p.id, { reference, confidential });
      ok(
        await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Brief the committee', dueDate: '2030-01-01' } }, org.admin),
      );
      ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 2, impact: 3, note: 'Improving' } }, org.admin));
      ok(
        await t.gql(
          `mutation($id: ID!, $riskId: ID!) { linkResolution(resolutionId: $id, target: { riskId: $riskId }) { id } }`,
          {
            id: resolution.id,
            riskId: risk.id,
          },
          org.admin,
        ),
      );
    }
  };
  for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => one(i + k)));
  return org;
}

const RISK_TREE = `reference trend withinAppetite programme { code } current { score rating }
  mitigations { action overdue risk { reference } } assessments { score recordedBy } resolutions { text risks { reference } }`;
const PROGRAMMES = `{ programmes(first: 500) { nodes { code risks { ${RISK_TREE} } red: risks(filter: { rating: [RED] }) { reference } } } }`;
const RISKS = `{ risks(first: 500) { totalCount nodes { ${RISK_TREE} } } }`;

/** SQL statements one request sends, and its data. */
async function measure(query: string, token: string) {
  await t.gql(`{ me { id } }`, {}, token); // a token's first use of the minute records it: not part of the count
  const before = t.statements();
  const data = ok(await t.gql(query, {}, token));
  return { statements: t.statements() - before, data };
}

test('programmes { risks { mitigations assessments resolutions } } costs as many statements for 2 programmes as for 50', async () => {
  for (const role of ['ADMIN', 'MEMBER'] as const) {
    const tokens = role === 'ADMIN' ? [small.admin, large.admin] : [await small.user('MEMBER'), await large.user('MEMBER')];
    const [a, b] = [await measure(PROGRAMMES, tokens[0]), await measure(PROGRAMMES, tokens[1])];
    expect(a.data.programmes.nodes).toHaveLength(2);
    expect(b.data.programmes.nodes).toHaveLength(50);
    expect(b.data.programmes.nodes[49].risks).toHaveLength(role === 'ADMIN' ? 2 : 1);
    expect(b.data.programmes.nodes[49].risks[0]).toMatchObject({
      trend: 'IMPROVING',
      mitigations: [{ risk: { reference: 'R01' } }],
    });
    expect(b.data.programmes.nodes[49].risks[0].assessments).toHaveLength(2);
    expect([role, b.statements]).toEqual([role, a.statements]);
    expect(a.statements).toBeLessThanOrEqual(11);
  }
});

test('the risks list resolves its relations in as many statements for 4 risks as for 100', async () => {
  const [a, b] = [await measure(RISKS, small.admin), await measure(RISKS, large.admin)];
  expect(a.data.risks.totalCount).toBe(4);
  expect(b.data.risks.nodes).toHaveLength(100);
  expect(b.data.risks.nodes[99].resolutions[0].risks).toHaveLength(100);
  expect(b.statements).toBe(a.statements);
});

test('the mitigations list resolves its risks and programmes in as many statements for 4 mitigations as for 100', async () => {
  const MITIGATIONS = `{ mitigations(first: 500) { totalCount nodes { action createdOn overdue
    risk { reference confidential programme { code } } } } }`;
  for (const role of ['ADMIN', 'MEMBER'] as const) {
    const tokens = role === 'ADMIN' ? [small.admin, large.admin] : [await small.user('MEMBER'), await large.user('MEMBER')];
    const [a, b] = [await measure(MITIGATIONS, tokens[0]), await measure(MITIGATIONS, tokens[1])];
    const per = role === 'ADMIN' ? 2 : 1;
    expect(a.data.mitigations.totalCount).toBe(2 * per);
    expect(b.data.mitigations.totalCount).toBe(50 * per);
    expect(b.data.mitigations.nodes).toHaveLength(50 * per);
    expect(b.data.mitigations.nodes[50 * per - 1].risk.programme.code).toBe('P-049');
    expect([role, b.statements]).toEqual([role, a.statements]);
  }
});
