import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import {
  ADD_MITIGATION,
  ASSESS,
  CLOSE,
  code,
  MATRIX,
  newRisk,
  references,
  RISK_BY_ID,
  UPDATE,
  UPDATE_MITIGATION,
} from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const LINK = `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`;
const RESOLUTION_RISKS = `query($programmeId: ID) { resolutions(filter: { programmeId: $programmeId }) { totalCount nodes { text risks { reference } } } }`;

// committee names are unique: each resolution gets a committee of its own
let committees = 0;

async function resolution(org: Org, date: string, text: string) {
  const name = `Scrutiny ${++committees}`;
  const committee = ok(
    await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id } }`, { name }, org.admin),
  ).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: { committeeId: committee.id, date },
      },
      org.admin,
    ),
  ).createMeeting;
  return ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      {
        input: { meetingId: meeting.id, agendaItem: 'RISK REGISTER', text },
      },
      org.admin,
    ),
  ).recordResolution;
}

/** A programme with an open risk R01, a confidential risk R02 (RED) and a mitigation on each, linked to a resolution. */
async function register() {
  const org = await newOrg(t);
  const p = await org.programme({ code: 'ICS-2011' });
  const open = await newRisk(t, org, p.id, { reference: 'R01', inherent: { likelihood: 3, impact: 3 } });
  const secret = await newRisk(t, org, p.id, {
    reference: 'R02',
    title: 'Redundancy costs for named posts',
    category: 'FINANCIAL',
    confidential: true,
    inherent: { likelihood: 4, impact: 5 },
  });
  const secretMitigation = ok(
    await t.gql(ADD_MITIGATION, { id: secret.id, input: { action: 'Closed session report' } }, org.admin),
  ).addMitigation;
  const r = await resolution(org, '2011-09-20', 'That the risk register be shared with the Committee.');
  for (const risk of [open, secret]) ok(await t.gql(LINK, { id: r.id, target: { riskId: risk.id } }, org.admin));
  return { org, p, open, secret, secretMitigation, member: await org.user('MEMBER') };
}

describe('a confidential risk does not exist for a MEMBER', () => {
  test('not in lists, counts, the matrix, programme.risks, resolution.risks or by id', async () => {
    const { org, p, secret, member } = await register();
    expect(await references(t, member)).toEqual(['R01']);
    expect(await references(t, member, { search: 'redundancy' })).toEqual([]);
    expect(ok(await t.gql(`{ risks { totalCount } }`, {}, member)).risks.totalCount).toBe(1);
    for (const programmeId of [p.id, null]) {
      expect(ok(await t.gql(MATRIX, { programmeId }, member)).riskMatrix.total).toBe(1);
      expect(ok(await t.gql(MATRIX, { programmeId, basis: 'INHERENT' }, member)).riskMatrix.total).toBe(1);
    }
    const programme = ok(
      await t.gql(
        `query($id: ID!) { programme(id: $id) { risks { reference } red: risks(filter: { rating: [RED] }) { reference } } }`,
        { id: p.id },
        member,
      ),
    ).programme;
    expect(programme).toEqual({ risks: [{ reference: 'R01' }], red: [] });
    expect(ok(await t.gql(RISK_BY_ID, { id: secret.id }, member)).risk).toBeNull();
    const resolutions = ok(await t.gql(RESOLUTION_RISKS, { programmeId: p.id }, member)).resolutions;
    expect(resolutions.nodes).toEqual([
      { text: 'That the risk register be shared with the Committee.', risks: [{ reference: 'R01' }] },
    ]);
    const byMeeting = ok(
      await t.gql(`{ committees { meetings { resolutions { risks { reference } } } } }`, {}, member),
    ).committees;
    expect(byMeeting[0].meetings[0].resolutions[0].risks).toEqual([{ reference: 'R01' }]);

    // every other role sees it everywhere
    for (const token of [org.admin, await org.user('FINANCE'), await org.user('PROGRAMME_MANAGER')]) {
      expect(await references(t, token)).toEqual(['R02', 'R01']);
      expect(ok(await t.gql(MATRIX, { programmeId: p.id }, token)).riskMatrix.total).toBe(2);
      expect(ok(await t.gql(RISK_BY_ID, { id: secret.id }, token)).risk).toMatchObject({ confidential: true, reference: 'R02' });
      expect(ok(await t.gql(RESOLUTION_RISKS, { programmeId: p.id }, token)).resolutions.nodes[0].risks).toEqual([
        { reference: 'R02' },
        { reference: 'R01' },
      ]);
    }
  });

  test('a mutation naming it is NOT_FOUND, never FORBIDDEN', async () => {
    const { org, secret, secretMitigation, member } = await register();
    const r = await resolution(org, '2012-01-01', 'Other');
    const attempts = [
      await t.gql(UPDATE, { id: secret.id, v: 1, input: { title: 'X' } }, member),
      await t.gql(ASSESS, { id: secret.id, v: 1, input: { likelihood: 1, impact: 1 } }, member),
      await t.gql(CLOSE, { id: secret.id, v: 1, reason: 'X' }, member),
      await t.gql(ADD_MITIGATION, { id: secret.id, input: { action: 'X' } }, member),
      await t.gql(UPDATE_MITIGATION, { id: secretMitigation.id, v: 1, input: { action: 'X' } }, member),
    ];
    expect(attempts.map(code)).toEqual(Array(attempts.length).fill('NOT_FOUND'));
    expect(code(await t.gql(LINK, { id: r.id, target: { riskId: secret.id } }, member))).toBe('NOT_FOUND');
  });

  test('un-marking it confidential shows it to members at once', async () => {
    const { org, secret, member } = await register();
    ok(await t.gql(UPDATE, { id: secret.id, v: 1, input: { confidential: false } }, org.admin));
    expect(await references(t, member)).toEqual(['R02', 'R01']);
  });
});

describe("another organisation's risks do not exist", () => {
  test('null by id, absent from lists and the matrix, NOT_FOUND to mutations', async () => {
    const { open, secretMitigation } = await register();
    const other = await newOrg(t);
    expect(ok(await t.gql(RISK_BY_ID, { id: open.id }, other.admin)).risk).toBeNull();
    expect(await references(t, other.admin)).toEqual([]);
    expect(ok(await t.gql(MATRIX, {}, other.admin)).riskMatrix.total).toBe(0);
    expect(code(await t.gql(ASSESS, { id: open.id, v: 1, input: { likelihood: 1, impact: 1 } }, other.admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(UPDATE_MITIGATION, { id: secretMitigation.id, v: 1, input: {} }, other.admin))).toBe('NOT_FOUND');
    expect(ok(await t.gql(RISK_BY_ID, { id: 'nonsense' }, other.admin)).risk).toBeNull();
  });
});

describe('the decision trail', () => {
  test('Risk.resolutions newest meeting first; Resolution.risks; a mitigation leads back to its risk', async () => {
    const { org, open } = await register();
    const later = await resolution(org, '2012-03-01', 'That progress on the risks be reported in six months.');
    ok(await t.gql(LINK, { id: later.id, target: { riskId: open.id } }, org.admin));
    const m = ok(await t.gql(ADD_MITIGATION, { id: open.id, input: { action: 'Six-monthly report' } }, org.admin)).addMitigation;
    const risk = ok(
      await t.gql(
        `query($id: ID!) { risk(id: $id) { resolutions { text meeting { date } risks { reference } } } }`,
        { id: open.id },
        org.admin,
      ),
    ).risk;
    expect(risk.resolutions).toEqual([
      {
        text: 'That progress on the risks be reported in six months.',
        meeting: { date: '2012-03-01' },
        risks: [{ reference: 'R01' }],
      },
      {
        text: 'That the risk register be shared with the Committee.',
        meeting: { date: '2011-09-20' },
        risks: [{ reference: 'R02' }, { reference: 'R01' }],
      },
    ]);
    expect(m.risk).toEqual({ id: open.id, version: 1 });
  });
});
