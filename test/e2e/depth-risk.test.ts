import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ASSESS, CLOSE, code, newRisk, UPDATE } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const DEPTH = `id version cause effect treatment proximity escalated status current { score }`;
const RISK = `query($id: ID!) { risk(id: $id) { ${DEPTH} } }`;
const SET_THRESHOLD = `mutation($score: Int!) { setEscalationThreshold(score: $score) { id escalationThreshold } }`;
const THRESHOLD = `{ organisation { escalationThreshold } }`;
const CORPORATE = `query($filter: RiskFilter) { risks(filter: $filter) { totalCount nodes { reference escalated programme { code } } } }`;
const PROGRAMME_RISKS = `query($id: ID!, $filter: RiskFilter) { programme(id: $id) { risks(filter: $filter) { reference } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`;

/** The audit events of one object, newest first, with their changes parsed. */
async function trailOf(org: Org, id: string): Promise<{ action: string; changes: Record<string, unknown> }[]> {
  const nodes = ok(await t.gql(TRAIL, { id }, org.admin)).auditTrail.nodes;
  return nodes.map((e: { action: string; changes: string }) => ({ action: e.action, changes: JSON.parse(e.changes) }));
}

const s = (likelihood: number, impact: number) => ({ likelihood, impact });

describe('a risk written as cause, event and effect', () => {
  test('createRisk and updateRisk take cause, effect, treatment and proximity; blank text is null, null clears', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, {
      cause: '  Staff move to hubs before case files are migrated  ',
      effect: 'Families lose contact with their key worker',
      treatment: 'TREAT',
      proximity: '2030-10-01',
    });
    expect(ok(await t.gql(RISK, { id: risk.id }, org.admin)).risk).toMatchObject({
      cause: 'Staff move to hubs before case files are migrated',
      effect: 'Families lose contact with their key worker',
      treatment: 'TREAT',
      proximity: '2030-10-01',
    });
    const updated = ok(
      await t.gql(UPDATE, { id: risk.id, v: 1, input: { cause: '   ', effect: null, treatment: 'TOLERATE' } }, org.admin),
    ).updateRisk;
    expect(updated.version).toBe(2);
    const read = ok(await t.gql(RISK, { id: risk.id }, org.admin)).risk;
    expect(read).toMatchObject({ cause: null, effect: null, treatment: 'TOLERATE', proximity: '2030-10-01' });
    ok(await t.gql(UPDATE, { id: risk.id, v: 2, input: { treatment: null, proximity: null } }, org.admin));
    expect(ok(await t.gql(RISK, { id: risk.id }, org.admin)).risk).toMatchObject({
      treatment: null,
      proximity: null,
      version: 3,
    });
    const trail = await trailOf(org, risk.id);
    const actions = trail.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['risk.updated', 'risk.updated', 'risk.created']);
    expect(trail[1].changes).toMatchObject({
      cause: ['Staff move to hubs before case files are migrated', null],
      effect: ['Families lose contact with their key worker', null],
      treatment: ['TREAT', 'TOLERATE'],
    });
    expect(trail[2].changes).toMatchObject({ treatment: [null, 'TREAT'], proximity: [null, '2030-10-01'] });
  });

  test('a risk without them has none; an unknown treatment or a bad date is BAD_USER_INPUT and writes nothing', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id);
    expect(ok(await t.gql(RISK, { id: risk.id }, org.admin)).risk).toMatchObject({
      cause: null,
      effect: null,
      treatment: null,
      proximity: null,
    });
    expect(code(await t.gql(UPDATE, { id: risk.id, v: 1, input: { treatment: 'IGNORE' } }, org.admin))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(UPDATE, { id: risk.id, v: 1, input: { proximity: '2030-02-30' } }, org.admin))).toBe(
      'BAD_USER_INPUT',
    );
    const long = await t.gql(UPDATE, { id: risk.id, v: 1, input: { cause: 'x'.repeat(2001) } }, org.admin);
    expect(errorOf(long)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cause' });
    const longEffect = await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: p.id,
          reference: 'R02',
          title: 'T',
          category: 'LEGAL',
          inherent: s(1, 1),
          effect: 'y'.repeat(2001),
        },
      },
      org.admin,
    );
    expect(errorOf(longEffect)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effect' });
    expect(ok(await t.gql(RISK, { id: risk.id }, org.admin)).risk.version).toBe(1);
  });
});

describe('the escalation threshold and the corporate register', () => {
  async function register(org: Org) {
    const fh = await org.programme({ code: `FH-${org.id.slice(0, 4)}` });
    const ccr = await org.programme({ code: `CCR-${org.id.slice(0, 4)}` });
    const r = (p: { id: string }, reference: string, score: { likelihood: number; impact: number }) =>
      newRisk(t, org, p.id, { reference, inherent: score });
    const risks = {
      fh1: await r(fh, 'R01', s(5, 4)), // 20
      fh2: await r(fh, 'R02', s(3, 5)), // 15
      fh3: await r(fh, 'R03', s(2, 2)), // 4
      ccr1: await r(ccr, 'R01', s(4, 4)), // 16, closed below
      ccr2: await r(ccr, 'R02', s(4, 3)), // 12
    };
    ok(await t.gql(CLOSE, { id: risks.ccr1.id, v: 1, reason: 'Became an issue' }, org.admin));
    return { fh, ccr, risks };
  }
  const refs = async (org: Org, filter: object) =>
    ok(await t.gql(CORPORATE, { filter }, org.admin)).risks.nodes.map(
      (n: { reference: string; programme: { code: string } }) => `${n.programme.code.split('-')[0]} ${n.reference}`,
    );

  test('15 until an ADMIN sets it; open risks at or above it are escalated, across programmes', async () => {
    const org = await newOrg(t);
    expect(ok(await t.gql(THRESHOLD, {}, org.admin)).organisation.escalationThreshold).toBe(15);
    const { fh, risks } = await register(org);
    expect(await refs(org, { escalated: true })).toEqual(['FH R01', 'FH R02']);
    expect(await refs(org, { escalated: false })).toEqual(['CCR R01', 'CCR R02', 'FH R03']);
    expect(ok(await t.gql(RISK, { id: risks.ccr1.id }, org.admin)).risk.escalated).toBe(false);
    expect(ok(await t.gql(RISK, { id: risks.fh2.id }, org.admin)).risk.escalated).toBe(true);

    const set = ok(await t.gql(SET_THRESHOLD, { score: 12 }, org.admin)).setEscalationThreshold;
    expect(set).toEqual({ id: org.id, escalationThreshold: 12 });
    expect(await refs(org, { escalated: true })).toEqual(['FH R01', 'FH R02', 'CCR R02']);
    expect(await refs(org, { escalated: true, status: ['OPEN'], minScore: 13 })).toEqual(['FH R01', 'FH R02']);
    const inFh = ok(await t.gql(PROGRAMME_RISKS, { id: fh.id, filter: { escalated: true } }, org.admin)).programme.risks;
    expect(inFh.map((r: { reference: string }) => r.reference)).toEqual(['R01', 'R02']);

    // an assessment moves a risk on or off the register
    const fh3 = ok(await t.gql(ASSESS, { id: risks.fh3.id, v: 1, input: { likelihood: 4, impact: 4 } }, org.admin)).assessRisk;
    expect(ok(await t.gql(RISK, { id: fh3.id }, org.admin)).risk.escalated).toBe(true);

    const trail = await trailOf(org, org.id);
    expect(trail).toContainEqual({ action: 'organisation.escalationThresholdSet', changes: { escalationThreshold: [15, 12] } });
  });

  test('a MEMBER never sees a confidential escalated risk, counts included', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    await newRisk(t, org, p.id, { reference: 'R01', inherent: s(5, 5), confidential: true });
    await newRisk(t, org, p.id, { reference: 'R02', inherent: s(5, 3) });
    const member = await org.user('MEMBER');
    const res = ok(await t.gql(CORPORATE, { filter: { escalated: true } }, member)).risks;
    expect(res.totalCount).toBe(1);
    expect(res.nodes.map((n: { reference: string }) => n.reference)).toEqual(['R02']);
    expect(ok(await t.gql(CORPORATE, { filter: { escalated: true } }, org.admin)).risks.totalCount).toBe(2);
  });

  test('setEscalationThreshold: 1 to 25 (BAD_USER_INPUT, field score) before ADMIN only (FORBIDDEN); refused writes nothing', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const manager = await org.user('PROGRAMME_MANAGER', [p.id]);
    for (const score of [0, 26, -1]) {
      expect(errorOf(await t.gql(SET_THRESHOLD, { score }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
      expect(errorOf(await t.gql(SET_THRESHOLD, { score }, manager))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    }
    for (const role of ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'] as const) {
      const token = await org.user(role);
      expect(code(await t.gql(SET_THRESHOLD, { score: 10 }, token))).toBe('FORBIDDEN');
    }
    expect(code(await t.gql(SET_THRESHOLD, { score: 10 }, 'not-a-token'))).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(THRESHOLD, {}, org.admin)).organisation.escalationThreshold).toBe(15);
    for (const score of [1, 25])
      expect(ok(await t.gql(SET_THRESHOLD, { score }, org.admin)).setEscalationThreshold.escalationThreshold).toBe(score);
  });

  test("one organisation's threshold does not move another's register", async () => {
    const a = await newOrg(t);
    const b = await newOrg(t);
    await newRisk(t, a, (await a.programme()).id, { inherent: s(3, 4) });
    await newRisk(t, b, (await b.programme()).id, { inherent: s(3, 4) });
    ok(await t.gql(SET_THRESHOLD, { score: 10 }, a.admin));
    expect(ok(await t.gql(CORPORATE, { filter: { escalated: true } }, a.admin)).risks.totalCount).toBe(1);
    expect(ok(await t.gql(CORPORATE, { filter: { escalated: true } }, b.admin)).risks.totalCount).toBe(0);
    expect(ok(await t.gql(THRESHOLD, {}, b.admin)).organisation.escalationThreshold).toBe(15);
  });
});
