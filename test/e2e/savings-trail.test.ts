import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateSavingsLineInput!) { updateSavingsLine(id: $id, expectedVersion: $v, input: $input) { id } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const LINK = `mutation($r: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $r, target: $target) { id } }`;
const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { action entityType entityId changes } } }`;

async function line(org: Org, programmeId: string, description: string, financialYear: string) {
  const input = { programmeId, description, category: 'STAFFING', financialYear, planned: '1000' };
  return ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine.id as string;
}

async function resolution(org: Org, committeeId: string, date: string, agendaItem: string) {
  const { createMeeting } = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId, date } },
      org.admin,
    ),
  );
  const { recordResolution } = ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      { input: { meetingId: createMeeting.id, agendaItem, text: `Resolved at ${date}` } },
      org.admin,
    ),
  );
  return recordResolution.id as string;
}

describe('savings in the decision trail', () => {
  test('Programme.savingsLines are ordered by financial year, then description', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    for (const [d, y] of [
      ['Premises', '2012/13'],
      ['Staffing', '2011/12'],
      ['Premises', '2011/12'],
      ['Commissioning', '2013/14'],
    ]) {
      await line(org, p.id, d, y);
    }
    const got = ok(
      await t.gql(
        `query($id: ID!) { programme(id: $id) { savingsLines { description financialYear programme { id } } } }`,
        { id: p.id },
        await org.user('MEMBER'),
      ),
    ).programme.savingsLines;
    expect(got.map((l: { financialYear: string; description: string }) => `${l.financialYear} ${l.description}`)).toEqual([
      '2011/12 Premises',
      '2011/12 Staffing',
      '2012/13 Premises',
      '2013/14 Commissioning',
    ]);
    expect(got.every((l: { programme: { id: string } }) => l.programme.id === p.id)).toBe(true);
  });

  test('SavingsLine.resolutions newest meeting first; Resolution.savingsLines both ways', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme({ code: 'B-1' }), await org.programme({ code: 'A-1' })];
    const staffing = await line(org, p.id, 'Staffing', '2011/12');
    const premises = await line(org, q.id, 'Premises', '2011/12');
    const { createCommittee } = ok(await t.gql(`mutation { createCommittee(name: "Executive") { id } }`, {}, org.admin));
    const older = await resolution(org, createCommittee.id, '2011-09-20', 'INTEGRATED CHILDREN’S SERVICES');
    const newer = await resolution(org, createCommittee.id, '2012-03-01', 'BUDGET');
    for (const [r, savingsLineId] of [
      [older, staffing],
      [newer, staffing],
      [older, premises],
    ]) {
      ok(await t.gql(LINK, { r, target: { savingsLineId } }, org.admin));
    }
    const lines = ok(
      await t.gql(
        `query($id: ID!) { programme(id: $id) { savingsLines { resolutions { id meeting { date } } } } }`,
        { id: p.id },
        org.admin,
      ),
    ).programme.savingsLines;
    expect(lines[0].resolutions.map((r: { id: string }) => r.id)).toEqual([newer, older]);
    const byResolution = ok(
      await t.gql(`{ resolutions { nodes { id savingsLines { description programme { code } } } } }`, {}, org.admin),
    ).resolutions.nodes;
    const of = (id: string) =>
      byResolution.find((r: { id: string }) => r.id === id).savingsLines.map((l: { description: string }) => l.description);
    expect(of(older)).toEqual(['Premises', 'Staffing']); // programme A-1 before B-1
    expect(of(newer)).toEqual(['Staffing']);
    const filtered = ok(
      await t.gql(`query($p: ID) { resolutions(filter: { programmeId: $p }) { nodes { id } } }`, { p: q.id }, org.admin),
    );
    expect(filtered.resolutions.nodes.map((r: { id: string }) => r.id)).toEqual([older]);
  });

  test('lines, deliveries and resolutions are batched: the same statements for 2 programmes as for 6', async () => {
    const org = await newOrg(t);
    const { createCommittee } = ok(await t.gql(`mutation { createCommittee(name: "Scrutiny") { id } }`, {}, org.admin));
    const r = await resolution(org, createCommittee.id, '2019-11-05', 'REVIEW');
    const QUERY = `{ programmes { nodes { savingsLines { delivered programme { code } deliveries { amount } resolutions { savingsLines { id } } } } } }`;
    const addProgrammes = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const p = await org.programme();
        for (const year of ['2018/19', '2019/20']) {
          const id = await line(org, p.id, 'Staffing', year);
          ok(await t.gql(DELIVER, { id, input: { amount: '1.10', recordedOn: `${year.slice(0, 4)}-10-01` } }, org.admin));
          ok(await t.gql(LINK, { r, target: { savingsLineId: id } }, org.admin));
        }
      }
    };
    const count = async () => {
      ok(await t.gql(QUERY, {}, org.admin));
      const before = t.statements();
      const data = ok(await t.gql(QUERY, {}, org.admin));
      return [t.statements() - before, data.programmes.nodes.length];
    };
    await addProgrammes(2);
    const [small, two] = await count();
    await addProgrammes(4);
    const [large, six] = await count();
    expect([two, six]).toEqual([2, 6]);
    expect(large).toBe(small);
  });

  test('creating, updating and recording write audit events in the same transaction', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const finance = await org.user('FINANCE');
    const input = {
      programmeId: p.id,
      description: 'Staffing',
      category: 'STAFFING',
      financialYear: '2011/12',
      planned: '452000',
    };
    const id = ok(await t.gql(CREATE, { input }, finance)).createSavingsLine.id;
    ok(await t.gql(UPDATE, { id, v: 1, input: { forecast: '400000', confidence: 'AMBER' } }, finance));
    const delivery = ok(
      await t.gql(DELIVER, { id, input: { amount: '0.10', recordedOn: '2011-10-01', ledgerReference: 'GL-9' } }, finance),
    ).recordSavingsDelivery.id;
    const trail = ok(await t.gql(AUDIT, { id }, org.admin)).auditTrail.nodes;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['savingsLine.updated', 'savingsLine.created']);
    expect(JSON.parse(trail[0].changes)).toEqual({
      forecast: ['452000.00', '400000.00'],
      deliveryConfidence: ['NOT_RATED', 'AMBER'],
    });
    expect(JSON.parse(trail[1].changes)).toMatchObject({
      planned: [null, '452000.00'],
      financialYear: [null, 2011],
      kind: [null, 'SAVING'],
    });
    const [recorded] = ok(await t.gql(AUDIT, { id: delivery }, org.admin)).auditTrail.nodes;
    expect(recorded).toMatchObject({ action: 'savingsDelivery.recorded', entityType: 'SavingsDelivery' });
    expect(JSON.parse(recorded.changes)).toMatchObject({
      savingsLineId: [null, id],
      amount: [null, '0.10'],
      ledgerReference: [null, 'GL-9'],
    });
  });
});
