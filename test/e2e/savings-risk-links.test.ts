import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { CLOSE, newRisk } from './risk-helpers';

// Risks linked to the savings they threaten: linkRiskToSavingsLine / unlinkRiskFromSavingsLine,
// SavingsLine.threatenedBy, Risk.threatensSavings and the reconciliation's atRisk.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE_LINE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`;
const LINK = `mutation($r: ID!, $l: ID!) { linkRiskToSavingsLine(riskId: $r, savingsLineId: $l) {
  id version threatensSavings { description financialYear } } }`;
const UNLINK = `mutation($r: ID!, $l: ID!) { unlinkRiskFromSavingsLine(riskId: $r, savingsLineId: $l) {
  id version threatensSavings { description } } }`;
const LINES = `query($p: ID!) { programme(id: $p) { savingsLines { description version threatenedBy { reference current { score } } } } }`;
const AT_RISK = `query($groupBy: [SavingsGrouping!]) { savingsReconciliation(groupBy: $groupBy) {
  rows { financialYear kind totals { atRisk } } totals { forecast atRisk } } }`;
const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { action entityType entityId changes } } }`;
const DELETE_RISK = `mutation($id: ID!, $v: Int!) { deleteRisk(id: $id, expectedVersion: $v, reason: "Entered in error") { id } }`;
const DELETE_LINE = `mutation($id: ID!) { deleteSavingsLine(id: $id, expectedVersion: 1, reason: "Entered in error") { id } }`;

/** A programme with three lines (a one-off cost among them) and risks of every shape. */
async function world(org: Org, code = 'FH-2018') {
  const p = await org.programme({ code });
  const line = async (description: string, forecast: string, kind = 'SAVING', financialYear = '2018/19') =>
    ok(
      await t.gql(
        CREATE_LINE,
        { input: { programmeId: p.id, description, kind, category: 'STAFFING', financialYear, planned: '1000', forecast } },
        org.admin,
      ),
    ).createSavingsLine.id as string;
  const staffing = await line('Hub staffing', '900.50');
  const premises = await line('Premises', '2000', 'SAVING', '2019/20');
  const training = await line('Training', '300', 'ONE_OFF_COST');
  const red = await newRisk(t, org, p.id, { reference: 'R01', inherent: { likelihood: 5, impact: 3 } });
  const worse = await newRisk(t, org, p.id, { reference: 'R02', inherent: { likelihood: 5, impact: 5 } });
  const amber = await newRisk(t, org, p.id, { reference: 'R03', inherent: { likelihood: 3, impact: 4 } });
  const secret = await newRisk(t, org, p.id, { reference: 'R04', confidential: true, inherent: { likelihood: 4, impact: 4 } });
  return { p, staffing, premises, training, red, worse, amber, secret };
}

const link = (org: Org, r: string, l: string, token = org.admin) => t.gql(LINK, { r, l }, token);
const threatenedBy = async (org: Org, p: string, token = org.admin) =>
  Object.fromEntries(
    ok(await t.gql(LINES, { p }, token)).programme.savingsLines.map(
      (l: { description: string; threatenedBy: { reference: string }[] }) => [
        l.description,
        l.threatenedBy.map((r) => r.reference),
      ],
    ),
  );

test('links a risk to the savings it threatens, both ways in order; linking again or unlinking what is not linked changes nothing', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  for (const [risk, line] of [
    [w.red, w.staffing],
    [w.amber, w.staffing],
    [w.worse, w.staffing],
    [w.red, w.premises],
    [w.red, w.training],
  ] as const)
    ok(await link(org, risk.id, line));
  const again = ok(await link(org, w.red.id, w.staffing)).linkRiskToSavingsLine;
  expect(again).toEqual({
    id: w.red.id,
    version: 1,
    threatensSavings: [
      { description: 'Hub staffing', financialYear: '2018/19' },
      { description: 'Training', financialYear: '2018/19' },
      { description: 'Premises', financialYear: '2019/20' },
    ],
  });
  // highest current score first, then reference
  expect(await threatenedBy(org, w.p.id)).toEqual({
    'Hub staffing': ['R02', 'R01', 'R03'],
    Premises: ['R01'],
    Training: ['R01'],
  });
  const unlinked = ok(await t.gql(UNLINK, { r: w.amber.id, l: w.staffing }, org.admin)).unlinkRiskFromSavingsLine;
  expect(unlinked).toEqual({ id: w.amber.id, version: 1, threatensSavings: [] });
  ok(await t.gql(UNLINK, { r: w.amber.id, l: w.staffing }, org.admin));
  expect((await threatenedBy(org, w.p.id))['Hub staffing']).toEqual(['R02', 'R01']);
  // no version changes, and one audit event per change on the risk
  const lines = ok(await t.gql(LINES, { p: w.p.id }, org.admin)).programme.savingsLines;
  expect(lines.map((l: { version: number }) => l.version)).toEqual([1, 1, 1]);
  const events = ok(await t.gql(AUDIT, { id: w.amber.id }, org.admin)).auditTrail.nodes.filter((e: { action: string }) =>
    e.action.startsWith('risk.savingsLine'),
  );
  expect(events.map((e: { action: string; changes: string }) => [e.action, JSON.parse(e.changes)]).sort()).toEqual(
    [
      ['risk.savingsLineLinked', { savingsLineId: [null, w.staffing] }],
      ['risk.savingsLineUnlinked', { savingsLineId: [w.staffing, null] }],
    ].sort(),
  );
  const redEvents = ok(await t.gql(AUDIT, { id: w.red.id }, org.admin)).auditTrail.nodes;
  expect(redEvents.filter((e: { action: string }) => e.action === 'risk.savingsLineLinked')).toHaveLength(3);
});

test('who may link: those who may edit the risk, or FINANCE; errors in the contract’s order', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  const w = await world(org);
  const theirs = await world(other);
  const elsewhere = await org.programme({ code: 'ICS-2011' });
  const [pm, otherPm, finance, member] = [
    await org.user('PROGRAMME_MANAGER', [w.p.id]),
    await org.user('PROGRAMME_MANAGER', [elsewhere.id]),
    await org.user('FINANCE'),
    await org.user('MEMBER'),
  ];
  const code = async (r: string, l: string, token = org.admin) => errorOf(await t.gql(LINK, { r, l }, token));
  expect(errorOf(await t.gql(LINK, { r: w.red.id, l: w.staffing })).code).toBe('UNAUTHENTICATED');
  expect((await code('nope', w.staffing)).code).toBe('NOT_FOUND');
  expect((await code(w.red.id, theirs.staffing)).code).toBe('NOT_FOUND');
  expect((await code(theirs.red.id, w.staffing)).code).toBe('NOT_FOUND');
  // a MEMBER naming a confidential risk finds nothing; a risk it sees is FORBIDDEN
  expect((await code(w.secret.id, w.staffing, member)).code).toBe('NOT_FOUND');
  expect((await code(w.red.id, w.staffing, member)).code).toBe('FORBIDDEN');
  expect((await code(w.red.id, w.staffing, otherPm)).code).toBe('FORBIDDEN');
  expect(errorOf(await t.gql(UNLINK, { r: w.red.id, l: w.staffing }, member)).code).toBe('FORBIDDEN');
  // FORBIDDEN before the business rules
  const elsewhereLine = ok(
    await t.gql(
      CREATE_LINE,
      { input: { programmeId: elsewhere.id, description: 'X', category: 'OTHER', financialYear: '2018/19', planned: '1' } },
      org.admin,
    ),
  ).createSavingsLine.id;
  expect((await code(w.red.id, elsewhereLine, member)).code).toBe('FORBIDDEN');
  expect(await code(w.red.id, elsewhereLine)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'savingsLineId' });
  expect(await code(w.red.id, elsewhereLine, finance)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'savingsLineId' });
  ok(await link(org, w.red.id, w.staffing, pm));
  ok(await link(org, w.secret.id, w.staffing, finance));
  ok(await link(org, w.worse.id, w.premises, finance));
  expect(await threatenedBy(org, w.p.id)).toEqual({ 'Hub staffing': ['R04', 'R01'], Premises: ['R02'], Training: [] });
  // a MEMBER never sees a confidential risk among the threats
  expect(await threatenedBy(org, w.p.id, member)).toEqual({ 'Hub staffing': ['R01'], Premises: ['R02'], Training: [] });
});

test('a CLOSED risk takes no new link; its links stay, linking them again changes nothing, and they can be removed', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  ok(await link(org, w.red.id, w.staffing));
  ok(await t.gql(CLOSE, { id: w.red.id, v: 1, reason: 'Passed' }, org.admin));
  expect(errorOf(await link(org, w.red.id, w.premises))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'riskId' });
  ok(await link(org, w.red.id, w.staffing));
  expect((await threatenedBy(org, w.p.id))['Hub staffing']).toEqual(['R01']);
  expect(ok(await t.gql(UNLINK, { r: w.red.id, l: w.staffing }, org.admin)).unlinkRiskFromSavingsLine.threatensSavings).toEqual(
    [],
  );
});

test('atRisk: the whole forecast of SAVING lines threatened by an open RED risk the caller sees, each line once', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  const member = await org.user('MEMBER');
  const atRisk = async (token = org.admin) =>
    ok(await t.gql(AT_RISK, { groupBy: ['FINANCIAL_YEAR', 'KIND'] }, token)).savingsReconciliation;
  expect((await atRisk()).totals).toEqual({ forecast: '2900.50', atRisk: '0.00' });
  ok(await link(org, w.amber.id, w.premises)); // AMBER: not counted
  ok(await link(org, w.red.id, w.training)); // a one-off cost: not counted
  expect((await atRisk()).totals.atRisk).toBe('0.00');
  ok(await link(org, w.red.id, w.staffing));
  ok(await link(org, w.worse.id, w.staffing)); // two RED risks: the line counts once
  ok(await link(org, w.secret.id, w.premises)); // RED (16), confidential
  const all = await atRisk();
  expect(all.totals.atRisk).toBe('2900.50');
  expect(all.rows).toEqual([
    { financialYear: '2018/19', kind: 'SAVING', totals: { atRisk: '900.50' } },
    { financialYear: '2018/19', kind: 'ONE_OFF_COST', totals: { atRisk: '0.00' } },
    { financialYear: '2019/20', kind: 'SAVING', totals: { atRisk: '2000.00' } },
  ]);
  expect((await atRisk(member)).totals.atRisk).toBe('900.50');
  // closed risks threaten nothing
  ok(await t.gql(CLOSE, { id: w.red.id, v: 1, reason: 'Passed' }, org.admin));
  expect((await atRisk()).totals.atRisk).toBe('2900.50');
  ok(await t.gql(CLOSE, { id: w.worse.id, v: 1, reason: 'Passed' }, org.admin));
  expect((await atRisk()).totals.atRisk).toBe('2000.00');
  expect((await atRisk(member)).totals.atRisk).toBe('0.00');
});

test('deleting a risk or a line removes their links, each recorded on its risk', async () => {
  const org = await newOrg(t);
  const w = await world(org);
  ok(await link(org, w.red.id, w.staffing));
  ok(await link(org, w.red.id, w.premises));
  ok(await link(org, w.worse.id, w.staffing));
  ok(await t.gql(DELETE_RISK, { id: w.red.id, v: 1 }, org.admin));
  expect(await threatenedBy(org, w.p.id)).toEqual({ 'Hub staffing': ['R02'], Premises: [], Training: [] });
  const riskEvents = ok(await t.gql(AUDIT, { id: w.red.id }, org.admin)).auditTrail.nodes;
  expect(riskEvents.filter((e: { action: string }) => e.action === 'risk.savingsLineUnlinked')).toHaveLength(2);
  const deleted = riskEvents.find((e: { action: string }) => e.action.endsWith('deleted'));
  expect(JSON.stringify(JSON.parse(deleted.changes))).toContain(w.premises);

  ok(await t.gql(DELETE_LINE, { id: w.staffing }, org.admin));
  const risk = ok(
    await t.gql(`query($id: ID!) { risk(id: $id) { threatensSavings { description } } }`, { id: w.worse.id }, org.admin),
  );
  expect(risk.risk.threatensSavings).toEqual([]);
  const unlinked = ok(await t.gql(AUDIT, { id: w.worse.id }, org.admin)).auditTrail.nodes.filter(
    (e: { action: string }) => e.action === 'risk.savingsLineUnlinked',
  );
  expect(unlinked.map((e: { changes: string }) => JSON.parse(e.changes))).toEqual([{ savingsLineId: [w.staffing, null] }]);
  const lineDeleted = ok(await t.gql(AUDIT, { id: w.staffing }, org.admin)).auditTrail.nodes.find((e: { action: string }) =>
    e.action.endsWith('deleted'),
  );
  expect(JSON.stringify(JSON.parse(lineDeleted.changes))).toContain(w.worse.id);
});

test('threatenedBy, threatensSavings and atRisk cost as many statements for 2 programmes as for 12', async () => {
  const org = await newOrg(t);
  const measure = async () => {
    const query = `{ programmes(first: 500) { nodes { savingsLines { threatenedBy { reference threatensSavings { description } } } risks { threatensSavings { description threatenedBy { reference } } } } }
      savingsReconciliation(groupBy: [PROGRAMME]) { rows { totals { atRisk } } totals { atRisk } } }`;
    await t.gql(`{ me { id } }`, {}, org.admin);
    const before = t.statements();
    ok(await t.gql(query, {}, org.admin));
    return t.statements() - before;
  };
  let made = 0;
  const add = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const w = await world(org, `P-${made++}`);
      ok(await link(org, w.red.id, w.staffing));
      ok(await link(org, w.worse.id, w.premises));
    }
  };
  await add(2);
  const small = await measure();
  await add(10);
  expect(await measure()).toBe(small);
});
