import { DeliveryOrder1764000187000 } from '../../migrations/1764000187000-DeliveryOrder';
import { newOrg } from '../support/fixtures';
import { ok, startTestServerOnOwnDatabase, TestServer } from '../support/test-server';

// The migration is undone and done again, so the test has a database of its own.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServerOnOwnDatabase('pr_delivery_order');
});
afterAll(() => t?.close());

const DELIVERIES = `query($id: ID!) { programme(id: $id) { savingsLines { deliveries { ledgerReference } } } }`;

test('deliveries recorded before seq keep the order they were listed in (created_at, then id); later ones follow them', async () => {
  const org = await newOrg(t);
  const { id: programmeId } = await org.programme({ code: 'FH-2018' });
  const line = ok(
    await t.gql(
      `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
      {
        input: {
          programmeId,
          description: 'Staffing',
          category: 'STAFFING',
          kind: 'SAVING',
          planned: '1000',
          financialYear: '2018/19',
        },
      },
      org.admin,
    ),
  ).createSavingsLine.id;
  const deliver = (ledgerReference: string) =>
    t.gql(
      `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`,
      { id: line, input: { amount: '1', recordedOn: '2018-10-01', ledgerReference } },
      org.admin,
    );
  for (const ref of ['A', 'B', 'C']) ok(await deliver(ref));

  // (the embedded database has one connection: the server's requests wait until the runner is released)
  const runner = t.server.database.dataSource.createQueryRunner();
  let byId: string[];
  try {
    await new DeliveryOrder1764000187000().down(runner);
    // as recorded before: C first by time, then A and B in one transaction (their order left to their ids)
    await runner.query(
      `UPDATE savings_deliveries SET created_at = '2018-10-02T09:00:00Z' WHERE organisation_id = $1 AND ledger_reference = 'C'`,
      [org.id],
    );
    await runner.query(
      `UPDATE savings_deliveries SET created_at = '2018-10-02T10:00:00Z' WHERE organisation_id = $1 AND ledger_reference IN ('A', 'B')`,
      [org.id],
    );
    [{ byId }] = await runner.query(
      `SELECT array_agg(ledger_reference ORDER BY id) AS "byId" FROM savings_deliveries WHERE organisation_id = $1 AND ledger_reference IN ('A', 'B')`,
      [org.id],
    );
    await new DeliveryOrder1764000187000().up(runner);
  } finally {
    await runner.release();
  }
  ok(await deliver('D'));
  const listed = ok(await t.gql(DELIVERIES, { id: programmeId }, org.admin)).programme.savingsLines[0].deliveries;
  expect(listed.map((d: { ledgerReference: string }) => d.ledgerReference)).toEqual(['C', ...byId, 'D']);
});
