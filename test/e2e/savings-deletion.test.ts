import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id version } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) {
  recordSavingsDelivery(savingsLineId: $id, input: $input) { id ledgerReference } }`;
const DELETE_LINE = `mutation($id: ID!, $v: Int!, $reason: String!) {
  deleteSavingsLine(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;
const DELETE_DELIVERY = `mutation($id: ID!, $reason: String!) { deleteSavingsDelivery(id: $id, reason: $reason) { id entityType reason } }`;
const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { action entityType entityId changes } } }`;
const READ = `query($p: ID!) {
  programme(id: $p) { savingsLines { id description delivered deliveries { id amount } } }
  savingsReconciliation(filter: { programmeId: $p }) { totals { planned forecast delivered } }
  resolutions(filter: { programmeId: $p }) { totalCount nodes { savingsLines { id } } }
}`;

/** A programme with two lines (the first with two deliveries) and a resolution linked to the first. */
async function world(org: Org) {
  const p = await org.programme();
  const line = async (description: string, planned: string) =>
    ok(
      await t.gql(
        CREATE,
        { input: { programmeId: p.id, description, category: 'STAFFING', financialYear: '2018/19', planned } },
        org.admin,
      ),
    ).createSavingsLine;
  const typo = await line('Staffing restructure (typed twice)', '452000');
  const kept = await line('Staffing restructure', '452000');
  const deliver = async (id: string, amount: string, ledgerReference: string) =>
    ok(await t.gql(DELIVER, { id, input: { amount, recordedOn: '2018-10-31', ledgerReference } }, org.admin))
      .recordSavingsDelivery.id as string;
  const deliveries = [await deliver(typo.id, '1000', 'GL-1'), await deliver(typo.id, '2000', 'GL-2')];
  const keptDelivery = await deliver(kept.id, '500', 'GL-3');
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Executive") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($c: ID!) { createMeeting(input: { committeeId: $c, date: "2018-09-04" }) { id } }`,
      { c: committee.id },
      org.admin,
    ),
  ).createMeeting;
  const resolution = ok(
    await t.gql(
      `mutation($m: ID!) { recordResolution(input: { meetingId: $m, agendaItem: "BUDGET", text: "That the savings be agreed." }) { id } }`,
      { m: meeting.id },
      org.admin,
    ),
  ).recordResolution;
  for (const savingsLineId of [typo.id, kept.id])
    ok(
      await t.gql(
        `mutation($r: ID!, $l: ID!) { linkResolution(resolutionId: $r, target: { savingsLineId: $l }) { id } }`,
        { r: resolution.id, l: savingsLineId },
        org.admin,
      ),
    );
  return { p, typo, kept, deliveries, keptDelivery, resolution };
}

test('a line entered in error goes with its deliveries and links: gone from every read and total; the trail keeps it', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  const finance = await org.user('FINANCE');
  const deletion = ok(await t.gql(DELETE_LINE, { id: w.typo.id, v: 1, reason: ' Typed twice ' }, finance)).deleteSavingsLine;
  expect(deletion).toEqual({ id: w.typo.id, entityType: 'SavingsLine', reason: 'Typed twice' });

  const read = ok(await t.gql(READ, { p: w.p.id }, org.admin));
  expect(read.programme.savingsLines).toEqual([
    {
      id: w.kept.id,
      description: 'Staffing restructure',
      delivered: '500.00',
      deliveries: [{ id: w.keptDelivery, amount: '500.00' }],
    },
  ]);
  expect(read.savingsReconciliation.totals).toEqual({ planned: '452000.00', forecast: '452000.00', delivered: '500.00' });
  expect(read.resolutions).toEqual({ totalCount: 1, nodes: [{ savingsLines: [{ id: w.kept.id }] }] });

  const [event] = ok(await t.gql(AUDIT, { id: w.typo.id }, org.admin)).auditTrail.nodes;
  expect(event).toMatchObject({ action: 'savingsLine.deleted', entityType: 'SavingsLine', entityId: w.typo.id });
  expect(JSON.parse(event.changes)).toEqual({
    programmeId: [w.p.id, null],
    description: ['Staffing restructure (typed twice)', null],
    kind: ['SAVING', null],
    category: ['STAFFING', null],
    financialYear: [2018, null],
    recurring: [false, null],
    reference: [null, null],
    planned: ['452000.00', null],
    originalPlanned: ['452000.00', null],
    forecast: ['452000.00', null],
    delivered: ['3000.00', null],
    replacesId: [null, null],
    deliveryConfidence: ['NOT_RATED', null],
    version: [1, null],
    resolutionIds: [[w.resolution.id], null],
    threatenedByIds: [[], null],
    reason: [null, 'Typed twice'],
  });
  const [deliveryEvent] = ok(await t.gql(AUDIT, { id: w.deliveries[0] }, org.admin)).auditTrail.nodes;
  expect(deliveryEvent.action).toBe('savingsDelivery.deleted');
  expect(JSON.parse(deliveryEvent.changes)).toMatchObject({ amount: ['1000.00', null], reason: [null, 'Typed twice'] });
  const [unlinked] = ok(await t.gql(AUDIT, { id: w.resolution.id }, org.admin)).auditTrail.nodes;
  expect(unlinked.action).toBe('resolution.unlinked');
  expect(JSON.parse(unlinked.changes)).toEqual({ savingsLineId: [w.typo.id, null] });

  // its ledger references are free again; the line is no more
  const reused = ok(
    await t.gql(
      DELIVER,
      { id: w.kept.id, input: { amount: '1000', recordedOn: '2018-11-30', ledgerReference: 'GL-1' } },
      finance,
    ),
  );
  expect(reused.recordSavingsDelivery.ledgerReference).toBe('GL-1');
  expect(errorOf(await t.gql(DELETE_LINE, { id: w.typo.id, v: 1, reason: 'Again' }, finance)).code).toBe('NOT_FOUND');
});

test('deleteSavingsLine: blank reason, then NOT_FOUND, then FORBIDDEN, then a stale version; nothing is deleted', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  const w = await world(org);
  const theirs = await world(other);
  expect(errorOf(await t.gql(DELETE_LINE, { id: theirs.typo.id, v: 7, reason: '  ' }, await org.user('MEMBER')))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'reason',
  });
  expect(errorOf(await t.gql(DELETE_LINE, { id: theirs.typo.id, v: 1, reason: 'Mine now' }, org.admin)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(DELETE_LINE, { id: 'not-an-id', v: 1, reason: 'Mine now' }, org.admin)).code).toBe('NOT_FOUND');
  for (const role of ['PROGRAMME_MANAGER', 'MEMBER'] as const)
    expect(
      errorOf(
        await t.gql(
          DELETE_LINE,
          { id: w.typo.id, v: 7, reason: 'No' },
          await org.user(role, role === 'MEMBER' ? undefined : [w.p.id]),
        ),
      ).code,
    ).toBe('FORBIDDEN');
  expect(errorOf(await t.gql(DELETE_LINE, { id: w.typo.id, v: 2, reason: 'Stale' }, org.admin)).code).toBe('CONFLICT');
  const read = ok(await t.gql(READ, { p: w.p.id }, org.admin));
  expect(read.programme.savingsLines).toHaveLength(2);
  expect(read.savingsReconciliation.totals.delivered).toBe('3500.00');
  expect(ok(await t.gql(READ, { p: theirs.p.id }, other.admin)).programme.savingsLines).toHaveLength(2);
});

test('of two concurrent deletes of a line, exactly one succeeds', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  const answers = await Promise.all(
    [1, 2].map((n) => t.gql(DELETE_LINE, { id: w.typo.id, v: 1, reason: `Delete ${n}` }, org.admin)),
  );
  expect(answers.filter((a) => !a.errors).length).toBe(1);
  // the loser finds it changed (PostgreSQL, waiting on the winner's lock) or gone (PGlite, one at a time)
  const [loser] = answers.filter((a) => a.errors);
  expect(['CONFLICT', 'NOT_FOUND']).toContain(errorOf(loser).code);
  expect(ok(await t.gql(READ, { p: w.p.id }, org.admin)).programme.savingsLines).toHaveLength(1);
});

test('a delivery entered in error leaves delivered and the totals, frees its reference; ADMIN and FINANCE only', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  const w = await world(org);
  const theirs = await world(other);
  expect(errorOf(await t.gql(DELETE_DELIVERY, { id: w.deliveries[1], reason: '' }, org.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'reason',
  });
  expect(errorOf(await t.gql(DELETE_DELIVERY, { id: theirs.deliveries[1], reason: 'Mine now' }, org.admin)).code).toBe(
    'NOT_FOUND',
  );
  for (const role of ['PROGRAMME_MANAGER', 'MEMBER'] as const)
    expect(
      errorOf(
        await t.gql(
          DELETE_DELIVERY,
          { id: w.deliveries[1], reason: 'No' },
          await org.user(role, role === 'MEMBER' ? undefined : [w.p.id]),
        ),
      ).code,
    ).toBe('FORBIDDEN');

  const finance = await org.user('FINANCE');
  const deletion = ok(await t.gql(DELETE_DELIVERY, { id: w.deliveries[1], reason: 'Posted to the wrong line' }, finance));
  expect(deletion.deleteSavingsDelivery).toEqual({
    id: w.deliveries[1],
    entityType: 'SavingsDelivery',
    reason: 'Posted to the wrong line',
  });
  const read = ok(await t.gql(READ, { p: w.p.id }, org.admin));
  const typo = read.programme.savingsLines.find((l: { id: string }) => l.id === w.typo.id);
  expect(typo).toMatchObject({ delivered: '1000.00', deliveries: [{ id: w.deliveries[0] }] });
  expect(read.savingsReconciliation.totals.delivered).toBe('1500.00');
  const [event] = ok(await t.gql(AUDIT, { id: w.deliveries[1] }, org.admin)).auditTrail.nodes;
  expect(JSON.parse(event.changes)).toEqual({
    savingsLineId: [w.typo.id, null],
    amount: ['2000.00', null],
    recordedOn: ['2018-10-31', null],
    ledgerReference: ['GL-2', null],
    note: [null, null],
    reason: [null, 'Posted to the wrong line'],
  });
  // the reference is free; the line's version is unchanged
  ok(
    await t.gql(
      DELIVER,
      { id: w.kept.id, input: { amount: '2000', recordedOn: '2018-11-30', ledgerReference: 'GL-2' } },
      finance,
    ),
  );
  expect(ok(await t.gql(DELETE_LINE, { id: w.typo.id, v: 1, reason: 'Typed twice' }, finance)).deleteSavingsLine.id).toBe(
    w.typo.id,
  );
  expect(errorOf(await t.gql(DELETE_DELIVERY, { id: w.deliveries[0], reason: 'Gone with its line' }, finance)).code).toBe(
    'NOT_FOUND',
  );
});

test('deliveries recorded while their line is deleted go before it, or find it gone (NOT_FOUND); never a database error', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  const answers = await Promise.all([
    ...[4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((n) =>
      t.gql(DELIVER, { id: w.typo.id, input: { amount: '10', recordedOn: '2018-12-31', ledgerReference: `GL-${n}` } }, org.admin),
    ),
    t.gql(DELETE_LINE, { id: w.typo.id, v: 1, reason: 'Typed twice' }, org.admin),
  ]);
  expect(answers[10].errors).toBeUndefined();
  for (const a of answers.slice(0, 10)) if (a.errors) expect(errorOf(a).code).toBe('NOT_FOUND');
  // whatever was recorded went with the line: its references are free
  ok(
    await t.gql(
      DELIVER,
      { id: w.kept.id, input: { amount: '10', recordedOn: '2018-12-31', ledgerReference: 'GL-4' } },
      org.admin,
    ),
  );
});
