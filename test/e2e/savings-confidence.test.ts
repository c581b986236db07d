import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const FIELDS = 'id planned delivered deliveryConfidence confidence version';
const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateSavingsLineInput!) {
  updateSavingsLine(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const TOTALS = `query { savingsReconciliation(groupBy: [KIND]) {
  rows { kind totals { planned forecast forecastVariance netPlanned netDelivered oneOffCosts oneOffCostsIncurred } }
  totals { planned forecast forecastVariance netPlanned netDelivered oneOffCosts oneOffCostsIncurred } } }`;

describe('BRAG delivery confidence', () => {
  test('NOT_RATED until rated (the deprecated confidence reads GREEN); BLUE only once delivered in full', async () => {
    const org = await newOrg(t);
    const finance = await org.user('FINANCE');
    const p = await org.programme();
    const input = {
      programmeId: p.id,
      description: 'Staffing',
      category: 'STAFFING',
      financialYear: '2018/19',
      planned: '100.10',
    };
    const line = ok(await t.gql(CREATE, { input }, finance)).createSavingsLine;
    expect(line).toMatchObject({ deliveryConfidence: 'NOT_RATED', confidence: 'GREEN', version: 1 });

    const cost = ok(await t.gql(CREATE, { input: { ...input, description: 'Costs', kind: 'ONE_OFF_COST' } }, finance));
    expect(cost.createSavingsLine.deliveryConfidence).toBe('NOT_RATED');
    const rated = ok(await t.gql(CREATE, { input: { ...input, description: 'Rated', confidence: 'AMBER' } }, finance));
    expect(rated.createSavingsLine).toMatchObject({ deliveryConfidence: 'AMBER', confidence: 'AMBER' });
    const blueAtOnce = await t.gql(CREATE, { input: { ...input, description: 'Blue', deliveryConfidence: 'BLUE' } }, finance);
    expect(errorOf(blueAtOnce)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryConfidence' });

    const red = ok(await t.gql(UPDATE, { id: line.id, v: 1, input: { deliveryConfidence: 'RED' } }, finance)).updateSavingsLine;
    expect(red).toMatchObject({ deliveryConfidence: 'RED', confidence: 'RED', version: 2 });
    ok(await t.gql(DELIVER, { id: line.id, input: { amount: '100.09', recordedOn: '2018-10-01' } }, finance));
    const early = await t.gql(UPDATE, { id: line.id, v: 2, input: { deliveryConfidence: 'BLUE' } }, finance);
    expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryConfidence' });
    ok(await t.gql(DELIVER, { id: line.id, input: { amount: '0.01', recordedOn: '2018-10-02' } }, finance));
    const blue = ok(await t.gql(UPDATE, { id: line.id, v: 2, input: { deliveryConfidence: 'BLUE' } }, finance)).updateSavingsLine;
    expect(blue).toMatchObject({ delivered: '100.10', deliveryConfidence: 'BLUE', confidence: 'GREEN', version: 3 });
    // the deprecated input still rates the line
    const amber = ok(await t.gql(UPDATE, { id: line.id, v: 3, input: { confidence: 'AMBER' } }, finance)).updateSavingsLine;
    expect(amber).toMatchObject({ deliveryConfidence: 'AMBER', version: 4 });
    const member = await org.user('MEMBER');
    expect(errorOf(await t.gql(UPDATE, { id: line.id, v: 4, input: { deliveryConfidence: 'GREEN' } }, member)).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('reconciliation totals', () => {
  test('forecast variance, and one-off costs planned and incurred as positive amounts', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const line = (description: string, planned: string, forecast: string, kind = 'SAVING') =>
      t.gql(
        CREATE,
        {
          input: { programmeId: p.id, description, kind, category: 'OTHER', financialYear: '2011/12', planned, forecast },
        },
        org.admin,
      );
    ok(await line('Staffing', '452000', '430000.10'));
    ok(await line('Premises', '100000', '100000.01'));
    const costs = ok(await line('Training', '120000', '120000', 'ONE_OFF_COST')).createSavingsLine.id;
    ok(await t.gql(DELIVER, { id: costs, input: { amount: '45000.50', recordedOn: '2011-10-14' } }, org.admin));
    const r = ok(await t.gql(TOTALS, {}, org.admin)).savingsReconciliation;
    expect(r.totals).toEqual({
      planned: '552000.00',
      forecast: '530000.11',
      forecastVariance: '-21999.89',
      netPlanned: '432000.00',
      netDelivered: '-45000.50',
      oneOffCosts: '120000.00',
      oneOffCostsIncurred: '45000.50',
    });
    expect(r.rows.map((row: any) => [row.kind, row.totals.oneOffCosts, row.totals.forecastVariance])).toEqual([
      ['SAVING', '0.00', '-21999.89'],
      ['ONE_OFF_COST', '120000.00', '0.00'],
    ]);
  });
});

describe('deliveries', () => {
  test("fall within their line's financial year, 1 April to 31 March", async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const input = { programmeId: p.id, description: 'Staffing', category: 'STAFFING', financialYear: '2011/12', planned: '1' };
    const line = ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine;
    const deliver = (recordedOn: string) => t.gql(DELIVER, { id: line.id, input: { amount: '1', recordedOn } }, org.admin);
    for (const outside of ['2011-03-31', '2012-04-01', '2013-10-01']) {
      expect(errorOf(await deliver(outside))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordedOn' });
    }
    ok(await deliver('2011-04-01'));
    ok(await deliver('2012-03-31'));
  });
});
