import Decimal from 'decimal.js';
import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const LINE_FIELDS = 'id description kind category financialYear recurring planned forecast delivered confidence version';
const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { ${LINE_FIELDS} programme { code } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateSavingsLineInput!) {
  updateSavingsLine(id: $id, expectedVersion: $v, input: $input) { ${LINE_FIELDS} } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) {
  recordSavingsDelivery(savingsLineId: $id, input: $input) { id amount recordedOn ledgerReference note } }`;
const LINES = `query($id: ID!) { programme(id: $id) { savingsLines { ${LINE_FIELDS} deliveries { amount recordedOn ledgerReference } } } }`;

async function line(org: Org, programmeId: string, fields: Record<string, unknown> = {}) {
  const input = {
    programmeId,
    description: 'Staffing restructure',
    category: 'STAFFING',
    financialYear: '2011/12',
    planned: '452000',
    ...fields,
  };
  return ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine;
}

const linesOf = async (org: Org, programmeId: string, token = org.admin) =>
  ok(await t.gql(LINES, { id: programmeId }, token)).programme.savingsLines;

describe('createSavingsLine', () => {
  test('FINANCE creates a line: forecast defaults to planned, kind to SAVING, confidence to GREEN, delivered is 0', async () => {
    const org = await newOrg(t);
    const p = await org.programme({ code: 'ICS-2011' });
    const finance = await org.user('FINANCE');
    const input = {
      programmeId: p.id,
      description: '  Staffing restructure ',
      category: 'STAFFING',
      financialYear: '2011/12',
      planned: '452000.5',
    };
    const created = ok(await t.gql(CREATE, { input }, finance)).createSavingsLine;
    expect(created).toMatchObject({
      description: 'Staffing restructure',
      kind: 'SAVING',
      category: 'STAFFING',
      financialYear: '2011/12',
      recurring: false,
      planned: '452000.50',
      forecast: '452000.50',
      delivered: '0.00',
      confidence: 'GREEN',
      version: 1,
      programme: { code: 'ICS-2011' },
    });
  });

  test('takes every field; Money may be an integer; a one-off cost is a line of its own kind', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const cost = await line(org, p.id, {
      description: 'Training and change management',
      kind: 'ONE_OFF_COST',
      category: 'OTHER',
      recurring: false,
      planned: 120000,
      forecast: '125000.25',
      confidence: 'AMBER',
    });
    expect(cost).toMatchObject({
      kind: 'ONE_OFF_COST',
      category: 'OTHER',
      planned: '120000.00',
      forecast: '125000.25',
      confidence: 'AMBER',
    });
  });

  test('only FINANCE and ADMIN write savings; everyone in the organisation reads them', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    const member = await org.user('MEMBER');
    const input = { programmeId: p.id, description: 'X', category: 'STAFFING', financialYear: '2011/12', planned: '1' };
    for (const token of [pm, member]) expect(errorOf(await t.gql(CREATE, { input }, token)).code).toBe('FORBIDDEN');
    const l = await line(org, p.id);
    for (const token of [pm, member]) {
      expect(errorOf(await t.gql(UPDATE, { id: l.id, v: 1, input: { forecast: '1' } }, token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(DELIVER, { id: l.id, input: { amount: '1', recordedOn: '2011-10-01' } }, token)).code).toBe(
        'FORBIDDEN',
      );
      expect(await linesOf(org, p.id, token)).toHaveLength(1);
    }
    expect(errorOf(await t.gql(CREATE, { input }, 'no-such-token')).code).toBe('UNAUTHENTICATED');
  });

  test.each([
    ['a float', { planned: 0.1 }, 'planned'],
    ['three decimals', { planned: '1.005' }, 'planned'],
    ['an exponent', { planned: '1e5' }, 'planned'],
    ['text', { forecast: 'a lot' }, 'forecast'],
    ['10^13', { planned: '10000000000000' }, 'planned'],
    ['a year that does not follow', { financialYear: '2018/20' }, 'financialYear'],
    ['a year with a hyphen', { financialYear: '2018-19' }, 'financialYear'],
    ['a year as a number', { financialYear: 2018 }, 'financialYear'],
    ['an empty description', { description: '  ' }, 'description'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_, fields, field) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const input = {
      programmeId: p.id,
      description: 'X',
      category: 'STAFFING',
      financialYear: '2011/12',
      planned: '1',
      ...fields,
    };
    expect(errorOf(await t.gql(CREATE, { input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await linesOf(org, p.id)).toEqual([]);
  });

  test.each([
    ['a float Money', 'financialYear: "2011/12", planned: 0.5', 'planned'],
    ['an exponent Money', 'financialYear: "2011/12", planned: "5e2"', 'planned'],
    ['a bad FinancialYear', 'financialYear: "2011/13", planned: 5', 'financialYear'],
  ])('%s written in the document is BAD_USER_INPUT naming the field', async (_, fields, field) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const doc = `mutation { createSavingsLine(input: { programmeId: "${p.id}", description: "X", category: STAFFING, ${fields} }) { id } }`;
    expect(errorOf(await t.gql(doc, {}, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  test('planned below 0 is BAD_USER_INPUT; an unknown or foreign programme is NOT_FOUND (before FORBIDDEN)', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const [p, theirs] = [await org.programme(), await other.programme()];
    const input = { programmeId: p.id, description: 'X', category: 'STAFFING', financialYear: '2011/12', planned: '-1' };
    expect(errorOf(await t.gql(CREATE, { input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planned' });
    const member = await org.user('MEMBER');
    for (const programmeId of [theirs.id, 'not-an-id']) {
      expect(errorOf(await t.gql(CREATE, { input: { ...input, programmeId, planned: '1' } }, member)).code).toBe('NOT_FOUND');
    }
  });
});

describe('updateSavingsLine', () => {
  test('re-forecasts and re-rates, moving the version; planned stays fixed', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const l = await line(org, p.id);
    const finance = await org.user('FINANCE');
    const input = {
      forecast: '400000.10',
      confidence: 'AMBER',
      recurring: true,
      description: 'Staffing restructure (phase 1)',
      category: 'OTHER',
    };
    const updated = ok(await t.gql(UPDATE, { id: l.id, v: 1, input }, finance)).updateSavingsLine;
    expect(updated).toMatchObject({ ...input, planned: '452000.00', version: 2 });
    const again = ok(await t.gql(UPDATE, { id: l.id, v: 2, input: { confidence: 'RED' } }, finance)).updateSavingsLine;
    expect(again).toMatchObject({ forecast: '400000.10', confidence: 'RED', version: 3 });
  });

  test('UpdateSavingsLineInput has no planned', async () => {
    const org = await newOrg(t);
    const l = await line(org, (await org.programme()).id);
    expect(errorOf(await t.gql(UPDATE, { id: l.id, v: 1, input: { planned: '1' } }, org.admin)).code).toBe('BAD_USER_INPUT');
  });

  test('a stale version is CONFLICT; null or malformed values are BAD_USER_INPUT; unknown ids NOT_FOUND', async () => {
    const org = await newOrg(t);
    const l = await line(org, (await org.programme()).id);
    ok(await t.gql(UPDATE, { id: l.id, v: 1, input: { forecast: '1' } }, org.admin));
    expect(errorOf(await t.gql(UPDATE, { id: l.id, v: 1, input: { forecast: '2' } }, org.admin)).code).toBe('CONFLICT');
    for (const [input, field] of [
      [{ forecast: null }, 'forecast'],
      [{ category: null }, 'category'],
      [{ description: '' }, 'description'],
      [{ forecast: '1.234' }, 'forecast'],
    ] as const) {
      expect(errorOf(await t.gql(UPDATE, { id: l.id, v: 2, input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const other = await newOrg(t);
    for (const id of ['nope', l.id]) {
      const token = id === l.id ? other.admin : org.admin;
      expect(errorOf(await t.gql(UPDATE, { id, v: 2, input: { forecast: '3' } }, token)).code).toBe('NOT_FOUND');
    }
  });

  test('of concurrent writers with one version exactly one wins; the others get CONFLICT', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const l = await line(org, p.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.gql(UPDATE, { id: l.id, v: 1, input: { forecast: `${i}00.00` } }, org.admin)),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(9);
    const [now] = await linesOf(org, p.id);
    expect(now).toMatchObject({ forecast: winners[0].data.updateSavingsLine.forecast, version: 2 });
  });
});

describe('recordSavingsDelivery', () => {
  test('delivered is the exact sum of deliveries, reversals included; the line version does not move', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const l = await line(org, p.id, { planned: '1' });
    const amounts = ['0.10', '0.20', '0.10', '0.20', '0.10', '0.20', '0.10', '-0.05', '1000000.33'];
    for (const [i, amount] of amounts.entries()) {
      const d = ok(
        await t.gql(
          DELIVER,
          { id: l.id, input: { amount, recordedOn: `2011-10-0${i + 1}`, ledgerReference: `GL-${i}`, note: 'Payroll' } },
          org.admin,
        ),
      );
      expect(d.recordSavingsDelivery).toMatchObject({
        amount: new Decimal(amount).toFixed(2),
        ledgerReference: `GL-${i}`,
        note: 'Payroll',
      });
    }
    const [now] = await linesOf(org, p.id);
    expect(now).toMatchObject({ delivered: '1000001.28', version: 1 });
    expect(now.deliveries.map((d: { amount: string }) => d.amount)).toEqual([
      '0.10',
      '0.20',
      '0.10',
      '0.20',
      '0.10',
      '0.20',
      '0.10',
      '-0.05',
      '1000000.33',
    ]);
  });

  test('a ledger reference is unique within the organisation (CONFLICT on ledgerReference), not across organisations', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const [p, q] = [await org.programme(), await other.programme()];
    const [a, b] = [await line(org, p.id), await line(other, q.id)];
    const input = { amount: '100', recordedOn: '2011-10-31', ledgerReference: 'GL-1' };
    ok(await t.gql(DELIVER, { id: a.id, input }, org.admin));
    expect(errorOf(await t.gql(DELIVER, { id: a.id, input }, org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'ledgerReference',
    });
    ok(await t.gql(DELIVER, { id: b.id, input }, other.admin));
    // deliveries without a reference never clash
    for (let i = 0; i < 2; i++)
      ok(await t.gql(DELIVER, { id: a.id, input: { amount: '1', recordedOn: '2011-11-01' } }, org.admin));
    const [now] = await linesOf(org, p.id);
    expect(now.delivered).toBe('102.00');
  });

  test('a malformed amount or date is BAD_USER_INPUT; an unknown line NOT_FOUND', async () => {
    const org = await newOrg(t);
    const l = await line(org, (await org.programme()).id);
    for (const [input, field] of [
      [{ amount: 1.5, recordedOn: '2011-10-01' }, 'amount'],
      [{ amount: '1', recordedOn: '2011-02-30' }, 'recordedOn'],
    ] as const) {
      expect(errorOf(await t.gql(DELIVER, { id: l.id, input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(errorOf(await t.gql(DELIVER, { id: 'x', input: { amount: '1', recordedOn: '2011-10-01' } }, org.admin)).code).toBe(
      'NOT_FOUND',
    );
  });
});
