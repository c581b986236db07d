import { newOrg } from '../support/fixtures';
import { GraphQLResponse, ok, startTestServer, TestServer } from '../support/test-server';
import { ADD_MITIGATION, ASSESS, CLOSE, code, CREATE, newRisk, RISK_BY_ID, UPDATE, UPDATE_MITIGATION } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

/** Each write of the risk register on a given risk and mitigation, at the versions they reach in this order. */
function writes(programmeId: string, riskId: string, mitigationId: string) {
  return {
    createRisk: [
      CREATE,
      { input: { programmeId, reference: 'R99', title: 'T', category: 'LEGAL', inherent: { likelihood: 2, impact: 2 } } },
    ],
    updateRisk: [UPDATE, { id: riskId, v: 1, input: { title: 'Changed' } }],
    assessRisk: [ASSESS, { id: riskId, v: 2, input: { likelihood: 1, impact: 1 } }],
    addMitigation: [ADD_MITIGATION, { id: riskId, input: { action: 'Brief the teams' } }],
    updateMitigation: [UPDATE_MITIGATION, { id: mitigationId, v: 1, input: { status: 'IN_PROGRESS' } }],
    closeRisk: [CLOSE, { id: riskId, v: 3, reason: 'Gone' }],
  } as const;
}

async function setUp() {
  const org = await newOrg(t);
  const [mine, other] = [await org.programme(), await org.programme()];
  const pm = await org.user('PROGRAMME_MANAGER', [mine.id]);
  const fixture = async (programmeId: string) => {
    const risk = await newRisk(t, org, programmeId);
    const mitigation = ok(
      await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Plan the moves' } }, org.admin),
    ).addMitigation;
    return writes(programmeId, risk.id, mitigation.id);
  };
  return { org, pm, mine: await fixture(mine.id), other: await fixture(other.id) };
}

describe('who may write the register', () => {
  test('a PROGRAMME_MANAGER writes risks and mitigations in its programmes', async () => {
    const { pm, mine } = await setUp();
    for (const [name, [doc, vars]] of Object.entries(mine)) {
      const res = await t.gql(doc, vars, pm);
      expect([name, res.errors]).toEqual([name, undefined]);
    }
  });

  test('a PROGRAMME_MANAGER is FORBIDDEN elsewhere, and FINANCE and MEMBER everywhere; nothing is written', async () => {
    const { org, pm, mine, other } = await setUp();
    const refused: [string, string, GraphQLResponse][] = [];
    for (const [name, [doc, vars]] of Object.entries(other))
      refused.push(['PROGRAMME_MANAGER', name, await t.gql(doc, vars, pm)]);
    for (const role of ['FINANCE', 'MEMBER'] as const) {
      const token = await org.user(role);
      for (const [name, [doc, vars]] of Object.entries(mine)) refused.push([role, name, await t.gql(doc, vars, token)]);
    }
    expect(refused.map(([role, name, res]) => [role, name, code(res)])).toEqual(
      refused.map(([role, name]) => [role, name, 'FORBIDDEN']),
    );
    const risks = ok(
      await t.gql(`{ risks { totalCount nodes { version status mitigations { version status } } } }`, {}, org.admin),
    ).risks;
    expect(risks.totalCount).toBe(2);
    for (const risk of risks.nodes)
      expect(risk).toEqual({ version: 1, status: 'OPEN', mitigations: [{ version: 1, status: 'PLANNED' }] });
  });

  test('every role reads the register', async () => {
    const { org } = await setUp();
    for (const role of ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'] as const) {
      expect(ok(await t.gql(`{ risks { totalCount } }`, {}, await org.user(role))).risks.totalCount).toBe(2);
    }
  });

  test('NOT_FOUND comes before FORBIDDEN, and a malformed value before both', async () => {
    const org = await newOrg(t);
    const member = await org.user('MEMBER');
    expect(
      code(
        await t.gql(ASSESS, { id: '00000000-0000-4000-8000-000000000000', v: 1, input: { likelihood: 1, impact: 1 } }, member),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await t.gql(UPDATE_MITIGATION, { id: 'nonsense', v: 1, input: {} }, member))).toBe('NOT_FOUND');
    expect(code(await t.gql(UPDATE_MITIGATION, { id: 'nonsense', v: 1, input: { action: '' } }, member))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(`{ risks { totalCount } }`))).toBe('UNAUTHENTICATED');
  });
});

describe('concurrent writers with the same version: exactly one wins, the others get CONFLICT with nothing written', () => {
  const race = async (send: (i: number) => Promise<GraphQLResponse>, losers = ['CONFLICT']) => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i)));
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => losers.includes(r.errors?.[0].extensions?.code ?? ''))).toHaveLength(11);
    return winners[0].data;
  };

  test('assessRisk', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const won = await race((i) =>
      t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: (i % 5) + 1, impact: 2, note: `writer ${i}` } }, org.admin),
    );
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read).toMatchObject({ version: 2, current: won.assessRisk.current });
    expect(read.assessments).toHaveLength(2);
    expect(read.assessments[0].note).toBe(won.assessRisk.assessments[0].note);
    const trail = ok(
      await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { totalCount } }`, { id: risk.id }, org.admin),
    ).auditTrail;
    expect(trail.totalCount).toBe(2);
  });

  test('updateRisk', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const won = await race((i) => t.gql(UPDATE, { id: risk.id, v: 1, input: { title: `Title ${i}` } }, org.admin));
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({
      version: 2,
      title: won.updateRisk.title,
    });
  });

  // a loser that reads the risk after the winner committed finds it closed: BAD_USER_INPUT comes before CONFLICT
  test('closeRisk', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const won = await race(
      (i) => t.gql(CLOSE, { id: risk.id, v: 1, reason: `Reason ${i}` }, org.admin),
      ['CONFLICT', 'BAD_USER_INPUT'],
    );
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({
      version: 2,
      closedReason: won.closeRisk.closedReason,
    });
  });

  test('updateMitigation', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const m = ok(await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Plan' } }, org.admin)).addMitigation;
    const won = await race((i) => t.gql(UPDATE_MITIGATION, { id: m.id, v: 1, input: { action: `Action ${i}` } }, org.admin));
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read.mitigations).toEqual([expect.objectContaining({ action: won.updateMitigation.action, version: 2 })]);
  });
});
