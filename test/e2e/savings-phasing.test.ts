import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const LINE = `id financialYear reference description category recurring planned originalPlanned forecast delivered
  deliveryConfidence version replaces { id } resolutions { id }
  changes { on kind amount otherYear forecastBefore forecastAfter confidenceBefore confidenceAfter reason resolution { text } recordedBy }`;
const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { ${LINE} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateSavingsLineInput!) {
  updateSavingsLine(id: $id, expectedVersion: $v, input: $input) { ${LINE} } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const REPHASE = `mutation($id: ID!, $v: Int!, $to: FinancialYear!, $amount: Money!, $reason: String!, $r: ID) {
  rephaseSavings(savingsLineId: $id, expectedVersion: $v, toFinancialYear: $to, amount: $amount, reason: $reason, resolutionId: $r) { ${LINE} } }`;
const WRITE_OFF = `mutation($id: ID!, $v: Int!, $amount: Money!, $reason: String!, $r: ID) {
  writeOffSavings(savingsLineId: $id, expectedVersion: $v, amount: $amount, reason: $reason, resolutionId: $r) { ${LINE} } }`;
const LINES = `query($id: ID!) { programme(id: $id) { savingsLines { ${LINE} } } }`;
const TOTALS = `query { savingsReconciliation { totals { planned forecast writtenOff cumulativePlanned } } }`;

async function resolution(org: Org): Promise<string> {
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Executive") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId: committee.id, date: '2019-02-12' } },
      org.admin,
    ),
  ).createMeeting;
  return ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      { input: { meetingId: meeting.id, agendaItem: 'Budget', text: 'That the staffing saving be rephased.' } },
      org.admin,
    ),
  ).recordResolution.id;
}

describe('rephasing and writing off savings', () => {
  test('a slipped saving moves to a later year of its reference; what happened stays in the changes', async () => {
    const org = await newOrg(t);
    const finance = await org.user('FINANCE');
    const email = expect.stringContaining('finance-');
    const p = await org.programme();
    const resolutionId = await resolution(org);
    const input = {
      programmeId: p.id,
      reference: 'CYP-05',
      description: 'Staffing restructure',
      category: 'STAFFING',
      financialYear: '2018/19',
      recurring: true,
      planned: '452000',
    };
    const line = ok(await t.gql(CREATE, { input }, finance)).createSavingsLine;
    expect(line).toMatchObject({ originalPlanned: '452000.00', changes: [], replaces: null });
    ok(await t.gql(DELIVER, { id: line.id, input: { amount: '200000', recordedOn: '2018-10-01' } }, finance));
    const rated = ok(
      await t.gql(UPDATE, { id: line.id, v: 1, input: { forecast: '400000.10', deliveryConfidence: 'AMBER' } }, finance),
    ).updateSavingsLine;
    expect(rated.changes).toEqual([
      expect.objectContaining({ kind: 'CONFIDENCE', confidenceBefore: 'NOT_RATED', confidenceAfter: 'AMBER', amount: null }),
      expect.objectContaining({ kind: 'REFORECAST', forecastBefore: '452000.00', forecastAfter: '400000.10', reason: null }),
    ]);

    // more than planned less delivered cannot move; an earlier year neither
    const rephase = (v: Record<string, unknown>) =>
      t.gql(REPHASE, { id: line.id, v: 2, to: '2019/20', amount: '100000', reason: 'Consultation overran', ...v }, finance);
    expect(errorOf(await rephase({ amount: '252000.01' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(errorOf(await rephase({ amount: '0' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(errorOf(await rephase({ to: '2018/19' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toFinancialYear' });
    expect(errorOf(await rephase({ reason: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await rephase({ v: 1 })).code).toBe('CONFLICT');
    expect(
      errorOf(await t.gql(REPHASE, { id: line.id, v: 2, to: '2019/20', amount: '1', reason: 'x' }, await org.user('MEMBER')))
        .code,
    ).toBe('FORBIDDEN');

    const created = ok(await rephase({ r: resolutionId })).rephaseSavings;
    expect(created).toMatchObject({
      financialYear: '2019/20',
      reference: 'CYP-05',
      description: 'Staffing restructure',
      category: 'STAFFING',
      recurring: true,
      planned: '100000.00',
      originalPlanned: '0.00',
      forecast: '100000.00',
      deliveryConfidence: 'NOT_RATED',
      version: 1,
      replaces: null,
      resolutions: [],
    });
    expect(created.changes).toEqual([
      {
        on: expect.any(String),
        kind: 'REPHASED_IN',
        amount: '100000.00',
        otherYear: '2018/19',
        forecastBefore: null,
        forecastAfter: null,
        confidenceBefore: null,
        confidenceAfter: null,
        reason: 'Consultation overran',
        resolution: { text: 'That the staffing saving be rephased.' },
        recordedBy: email,
      },
    ]);
    // a second slip adds to the receiving line
    const again = ok(await rephase({ v: 3, amount: '0.01' })).rephaseSavings;
    expect(again).toMatchObject({ id: created.id, planned: '100000.01', forecast: '100000.01', version: 2 });

    const [first] = ok(await t.gql(LINES, { id: p.id }, org.admin)).programme.savingsLines;
    expect(first).toMatchObject({ planned: '351999.99', originalPlanned: '452000.00', forecast: '300000.09', version: 4 });
    expect(first.changes.map((c: any) => [c.kind, c.amount, c.otherYear, c.resolution])).toEqual([
      ['REPHASED_OUT', '0.01', '2019/20', null],
      ['REPHASED_OUT', '100000.00', '2019/20', { text: 'That the staffing saving be rephased.' }],
      ['CONFIDENCE', null, null, null],
      ['REFORECAST', null, null, null],
    ]);

    // writing off: planned drops, forecast with it but not below 0.00
    const writeOff = (v: Record<string, unknown>) =>
      t.gql(WRITE_OFF, { id: created.id, v: 2, amount: '100000.01', reason: 'Posts cannot be deleted', ...v }, finance);
    expect(errorOf(await writeOff({ amount: '100000.02' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount' });
    expect(errorOf(await writeOff({ r: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    ok(await t.gql(UPDATE, { id: created.id, v: 2, input: { forecast: '50000' } }, finance));
    const written = ok(await writeOff({ v: 3, r: resolutionId })).writeOffSavings;
    expect(written).toMatchObject({ planned: '0.00', forecast: '0.00', originalPlanned: '0.00', version: 4 });
    expect(written.changes[0]).toMatchObject({ kind: 'WRITTEN_OFF', amount: '100000.01', reason: 'Posts cannot be deleted' });
    expect(ok(await t.gql(TOTALS, {}, org.admin)).savingsReconciliation.totals).toEqual({
      planned: '351999.99',
      forecast: '300000.09',
      writtenOff: '100000.01',
      cumulativePlanned: '351999.99',
    });

    // a line without a reference cannot be rephased
    const plain = ok(
      await t.gql(CREATE, { input: { ...input, reference: null, financialYear: '2020/21' } }, finance),
    ).createSavingsLine;
    const noReference = await t.gql(REPHASE, { id: plain.id, v: 1, to: '2021/22', amount: '1', reason: 'x' }, finance);
    expect(errorOf(noReference)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'savingsLineId' });
  });

  test('a line replaces an undeliverable one of its own programme only', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const input = (programmeId: string, extra: Record<string, unknown> = {}) => ({
      input: { programmeId, description: 'Premises', category: 'PREMISES', financialYear: '2019/20', planned: '100', ...extra },
    });
    const old = ok(await t.gql(CREATE, input(p.id), org.admin)).createSavingsLine;
    const replacing = ok(await t.gql(CREATE, input(p.id, { replacesId: old.id, description: 'Lettings' }), org.admin));
    expect(replacing.createSavingsLine.replaces).toEqual({ id: old.id });
    const elsewhere = await t.gql(CREATE, input(q.id, { replacesId: old.id }), org.admin);
    expect(errorOf(elsewhere)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'replacesId' });
    const unknown = await t.gql(CREATE, input(p.id, { replacesId: '00000000-0000-4000-8000-000000000000' }), org.admin);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
  });
});
