import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { CREATE, LIST, newRisk, references } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const RISK = { reference: 'R09', title: 'Service failure', category: 'SERVICE_DELIVERY', inherent: { likelihood: 1, impact: 1 } };
const IMPORT = `mutation($csv: String!) { importLedgerActuals(csv: $csv) { rowsImported } }`;
const DELIVERIES = `query($id: ID!) { programme(id: $id) { savingsLines { deliveries { ledgerReference } } } }`;

/** Refused as BAD_USER_INPUT on the field, and the database still answers the next request. */
async function refused(org: Org, res: Awaited<ReturnType<TestServer['gql']>>, field: string) {
  expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(res.data ?? null).toBeNull();
  expect(await references(t, org.admin)).toEqual([]);
}

describe('a NUL byte or an unpaired surrogate in a string input', () => {
  test('in a variable, a nested input field, a literal or a search filter is BAD_USER_INPUT naming it; nothing is written', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme({ code: 'ICS-2011' });
    const create = (input: object) => t.gql(CREATE, { input: { programmeId: id, ...RISK, ...input } }, org.admin);
    await refused(org, await create({ title: 'Service\u0000failure' }), 'title');
    await refused(org, await create({ description: 'Staff move \ud800 offices' }), 'description');
    await refused(org, await create({ owner: 'Director \udc00' }), 'owner');
    const literal = `mutation { createRisk(input: { programmeId: "${id}", reference: "R09", title: "a\\u0000b",
      category: SERVICE_DELIVERY, inherent: { likelihood: 1, impact: 1 } }) { id } }`;
    await refused(org, await t.gql(literal, {}, org.admin), 'title');
    await refused(org, await t.gql(LIST, { filter: { search: 'staff\u0000' } }, org.admin), 'search');
    await refused(org, await t.gql(`{ risks(filter: { search: "\\u0000" }) { totalCount } }`, {}, org.admin), 'search');
    // a well-formed pair is text like any other
    await newRisk(t, org, id, { ...RISK, title: 'Service failure \ud83d\ude00' });
    expect(await references(t, org.admin)).toEqual(['R09']);
  });

  test('in a CSV cell is BAD_USER_INPUT on csv and imports nothing', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme({ code: 'ICS-2011' });
    ok(
      await t.gql(
        `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
        {
          input: {
            programmeId: id,
            description: 'Office moves',
            category: 'PREMISES',
            planned: '100000',
            financialYear: '2011/12',
          },
        },
        org.admin,
      ),
    );
    const csv = (reference: string) =>
      `programme_code,financial_year,description,amount,recorded_on,ledger_reference\r\n` +
      `ICS-2011,2011/12,Office moves,100,2011-10-31,GL-1\r\nICS-2011,2011/12,Office moves,100,2011-10-31,${reference}\r\n`;
    await refused(org, await t.gql(IMPORT, { csv: csv('GL-\u00002') }, org.admin), 'csv');
    await refused(org, await t.gql(IMPORT, { csv: csv('GL-\udfff2') }, org.admin), 'csv');
    const deliveries = () => t.gql(DELIVERIES, { id }, org.admin).then((r) => ok(r).programme.savingsLines[0].deliveries);
    expect(await deliveries()).toEqual([]);
    expect(ok(await t.gql(IMPORT, { csv: csv('GL-2') }, org.admin)).importLedgerActuals.rowsImported).toBe(2);
    expect(await deliveries()).toHaveLength(2);
  });
});

describe('a cursor', () => {
  test('is taken only as the endCursor was issued: anything appended is BAD_USER_INPUT on after', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme({ code: 'ICS-2011' });
    await newRisk(t, org, id, { reference: 'R01' });
    await newRisk(t, org, id, { reference: 'R02' });
    const page = ok(await t.gql(LIST, { first: 1 }, org.admin)).risks;
    const after = page.pageInfo.endCursor as string;
    const next = ok(await t.gql(LIST, { first: 1, after }, org.admin)).risks;
    expect(next.nodes.map((n: { reference: string }) => n.reference)).not.toEqual(
      page.nodes.map((n: { reference: string }) => n.reference),
    );
    for (const bad of [`${after}x`, `${after}=`, `${after}\u0000`, ` ${after}`]) {
      expect(errorOf(await t.gql(LIST, { first: 1, after: bad }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
    expect(ok(await t.gql(LIST, { first: 1, after }, org.admin)).risks.nodes).toEqual(next.nodes);
  });
});
