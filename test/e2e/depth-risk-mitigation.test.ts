import { londonToday } from '../../src/values/calendar-date';
import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { CLOSE, code, newRisk } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const FIELDS = `id kind effectiveness dueDate baselineDueDate status version updates { on note recordedBy }`;
const ADD = `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMitigationInput!) {
  updateMitigation(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const NOTE = `mutation($id: ID!, $note: String!) { addMitigationUpdate(mitigationId: $id, note: $note) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { mitigation(id: $id) { ${FIELDS} } }`;
const OF_RISK = `query($id: ID!) { risk(id: $id) { version mitigations { action ${FIELDS} } } }`;
const LIST = `query($filter: MitigationFilter) { mitigations(filter: $filter) { totalCount nodes { action kind } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`;
const DELETE = `mutation($id: ID!, $v: Int!) { deleteMitigation(id: $id, expectedVersion: $v, reason: "Entered twice") { id } }`;
const DELETE_RISK = `mutation($id: ID!, $v: Int!) { deleteRisk(id: $id, expectedVersion: $v, reason: "Entered in error") { id } }`;

async function riskOf(org: Org) {
  const p = await org.programme();
  return { p, risk: await newRisk(t, org, p.id) };
}

async function trailOf(org: Org, id: string): Promise<{ action: string; changes: Record<string, unknown> }[]> {
  const nodes = ok(await t.gql(TRAIL, { id }, org.admin)).auditTrail.nodes;
  return nodes.map((e: { action: string; changes: string }) => ({ action: e.action, changes: JSON.parse(e.changes) }));
}

describe('controls and actions', () => {
  test('a mitigation is an ACTION by default, with no effectiveness; a CONTROL starts NOT_ASSESSED', async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const action = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
    expect(action).toMatchObject({ kind: 'ACTION', effectiveness: null, updates: [] });
    const control = ok(
      await t.gql(ADD, { id: risk.id, input: { action: 'Caseload cap of 24 per worker', kind: 'CONTROL' } }, org.admin),
    ).addMitigation;
    expect(control).toMatchObject({ kind: 'CONTROL', effectiveness: 'NOT_ASSESSED', version: 1 });
    const rated = ok(
      await t.gql(UPDATE, { id: control.id, v: 1, input: { effectiveness: 'PARTLY_EFFECTIVE' } }, org.admin),
    ).updateMitigation;
    expect(rated).toMatchObject({ kind: 'CONTROL', effectiveness: 'PARTLY_EFFECTIVE', version: 2 });
    const trail = await trailOf(org, control.id);
    expect(trail[0]).toEqual({ action: 'mitigation.updated', changes: { effectiveness: ['NOT_ASSESSED', 'PARTLY_EFFECTIVE'] } });
    expect(trail[1].changes).toMatchObject({ kind: [null, 'CONTROL'], effectiveness: [null, 'NOT_ASSESSED'] });
  });

  test.each([
    ['an ACTION rated', { effectiveness: 'EFFECTIVE' }, 'ACTION', 'effectiveness'],
    ['a CONTROL rated null', { effectiveness: null }, 'CONTROL', 'effectiveness'],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_, input, kind, field) => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff', kind } }, org.admin)).addMitigation;
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(ok(await t.gql(ONE, { id: m.id }, org.admin)).mitigation).toMatchObject({
      version: 1,
      effectiveness: m.effectiveness,
    });
  });

  test('rating an ACTION is a business rule: NOT_FOUND and FORBIDDEN come first, CONFLICT after', async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
    const other = await org.user('PROGRAMME_MANAGER', [(await org.programme()).id]);
    const rate = { effectiveness: 'EFFECTIVE' };
    expect(code(await t.gql(UPDATE, { id: m.id, v: 1, input: rate }, other))).toBe('FORBIDDEN');
    expect(code(await t.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', v: 1, input: rate }, org.admin))).toBe(
      'NOT_FOUND',
    );
    expect(code(await t.gql(UPDATE, { id: m.id, v: 7, input: rate }, org.admin))).toBe('BAD_USER_INPUT');
  });

  test('the mitigations list filters by kind', async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    await t.gql(ADD, { id: risk.id, input: { action: 'A1' } }, org.admin);
    await t.gql(ADD, { id: risk.id, input: { action: 'C1', kind: 'CONTROL' } }, org.admin);
    await t.gql(ADD, { id: risk.id, input: { action: 'C2', kind: 'CONTROL' } }, org.admin);
    const list = async (filter: object) => ok(await t.gql(LIST, { filter }, org.admin)).mitigations;
    expect((await list({ kind: ['CONTROL'] })).nodes.map((n: { action: string }) => n.action)).toEqual(['C1', 'C2']);
    expect((await list({ kind: ['ACTION'] })).totalCount).toBe(1);
    expect((await list({ kind: ['ACTION', 'CONTROL'] })).totalCount).toBe(3);
  });
});

describe('baselineDueDate: the first due date given', () => {
  test('kept when the due date moves or is cleared; set by the first due date given after it was added', async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const dated = ok(
      await t.gql(ADD, { id: risk.id, input: { action: 'Dated', dueDate: '2030-03-31' } }, org.admin),
    ).addMitigation;
    expect(dated).toMatchObject({ dueDate: '2030-03-31', baselineDueDate: '2030-03-31' });
    const moved = ok(await t.gql(UPDATE, { id: dated.id, v: 1, input: { dueDate: '2030-09-30' } }, org.admin)).updateMitigation;
    expect(moved).toMatchObject({ dueDate: '2030-09-30', baselineDueDate: '2030-03-31' });
    const cleared = ok(await t.gql(UPDATE, { id: dated.id, v: 2, input: { dueDate: null } }, org.admin)).updateMitigation;
    expect(cleared).toMatchObject({ dueDate: null, baselineDueDate: '2030-03-31' });

    const undated = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Undated' } }, org.admin)).addMitigation;
    expect(undated).toMatchObject({ dueDate: null, baselineDueDate: null });
    const owner = ok(await t.gql(UPDATE, { id: undated.id, v: 1, input: { owner: 'Head of HR' } }, org.admin)).updateMitigation;
    expect(owner.baselineDueDate).toBeNull();
    const first = ok(await t.gql(UPDATE, { id: undated.id, v: 2, input: { dueDate: '2030-01-31' } }, org.admin)).updateMitigation;
    expect(first).toMatchObject({ dueDate: '2030-01-31', baselineDueDate: '2030-01-31' });
    const later = ok(await t.gql(UPDATE, { id: undated.id, v: 3, input: { dueDate: '2030-06-30' } }, org.admin)).updateMitigation;
    expect(later).toMatchObject({ dueDate: '2030-06-30', baselineDueDate: '2030-01-31' });
    expect((await trailOf(org, undated.id))[1].changes).toEqual({
      dueDate: [null, '2030-01-31'],
      baselineDueDate: [null, '2030-01-31'],
    });
  });
});

describe('progress notes', () => {
  test('newest first, dated today, signed; the mitigation and the risk keep their versions; audited', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id);
    const manager = await org.user('PROGRAMME_MANAGER', [p.id]);
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Train key workers' } }, org.admin)).addMitigation;
    const first = ok(await t.gql(NOTE, { id: m.id, note: '  Two of four localities trained.  ' }, org.admin)).addMitigationUpdate;
    expect(first.version).toBe(1);
    const second = ok(await t.gql(NOTE, { id: m.id, note: 'Three of four trained.' }, manager)).addMitigationUpdate;
    const today = londonToday();
    const { me } = ok(await t.gql(`{ me { email } }`, {}, manager));
    const { me: admin } = ok(await t.gql(`{ me { email } }`, {}, org.admin));
    expect(second.updates).toEqual([
      { on: today, note: 'Three of four trained.', recordedBy: me.email },
      { on: today, note: 'Two of four localities trained.', recordedBy: admin.email },
    ]);
    expect(ok(await t.gql(ONE, { id: m.id }, org.admin)).mitigation).toMatchObject({ version: 1, updates: second.updates });
    const read = ok(await t.gql(OF_RISK, { id: risk.id }, org.admin)).risk;
    expect(read.version).toBe(1);
    expect(read.mitigations[0].updates).toEqual(second.updates);
    const trail = await trailOf(org, m.id);
    expect(trail[0]).toEqual({
      action: 'mitigation.progressNoted',
      changes: { on: [null, today], note: [null, 'Three of four trained.'] },
    });
  });

  test('who may: those who may edit the risk; the order of refusals; nothing written when refused', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, { confidential: true });
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
    const unassigned = await org.user('PROGRAMME_MANAGER', [(await org.programme()).id]);
    const finance = await org.user('FINANCE');
    const member = await org.user('MEMBER');
    const note = (id: string, text: string, token: string) => t.gql(NOTE, { id, note: text }, token);
    expect(code(await note(m.id, 'x', 'not-a-token'))).toBe('UNAUTHENTICATED');
    expect(errorOf(await note(m.id, '   ', unassigned))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(errorOf(await note(m.id, 'x'.repeat(2001), org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(code(await note('00000000-0000-4000-8000-000000000000', 'x', org.admin))).toBe('NOT_FOUND');
    expect(code(await note('not-an-id', 'x', org.admin))).toBe('NOT_FOUND');
    expect(code(await note(m.id, 'x', member))).toBe('NOT_FOUND'); // a confidential risk's mitigation does not exist for a MEMBER
    expect(code(await note(m.id, 'x', unassigned))).toBe('FORBIDDEN');
    expect(code(await note(m.id, 'x', finance))).toBe('FORBIDDEN');
    expect(ok(await t.gql(ONE, { id: m.id }, org.admin)).mitigation.updates).toEqual([]);
    const other = await newOrg(t);
    expect(code(await note(m.id, 'x', other.admin))).toBe('NOT_FOUND');
  });

  test('a MEMBER reads the notes of mitigations of risks it can see, but adds none', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id);
    const member = await org.user('MEMBER');
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
    ok(await t.gql(NOTE, { id: m.id, note: 'Briefings booked.' }, org.admin));
    expect(code(await t.gql(NOTE, { id: m.id, note: 'x' }, member))).toBe('FORBIDDEN');
    const read = ok(await t.gql(OF_RISK, { id: risk.id }, member)).risk;
    expect(read.mitigations[0].updates.map((u: { note: string }) => u.note)).toEqual(['Briefings booked.']);
  });

  test("a closed risk's mitigations still take notes (as they take updates)", async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
    ok(await t.gql(CLOSE, { id: risk.id, v: 1, reason: 'Done' }, org.admin));
    expect(ok(await t.gql(NOTE, { id: m.id, note: 'Last briefing held.' }, org.admin)).addMitigationUpdate.updates).toHaveLength(
      1,
    );
  });

  test('deleting a mitigation, or its risk, takes its notes, kept in the audit trail', async () => {
    const org = await newOrg(t);
    const { risk } = await riskOf(org);
    const m1 = ok(await t.gql(ADD, { id: risk.id, input: { action: 'One' } }, org.admin)).addMitigation;
    const m2 = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Two' } }, org.admin)).addMitigation;
    ok(await t.gql(NOTE, { id: m1.id, note: 'Note on one' }, org.admin));
    ok(await t.gql(NOTE, { id: m2.id, note: 'Note on two' }, org.admin));
    ok(await t.gql(DELETE, { id: m1.id, v: 1 }, org.admin));
    const [deleted] = await trailOf(org, m1.id);
    expect(deleted.action).toBe('mitigation.deleted');
    expect(deleted.changes.updates).toEqual([[{ on: londonToday(), note: 'Note on one', recordedBy: expect.any(String) }], null]);
    ok(await t.gql(DELETE_RISK, { id: risk.id, v: 1 }, org.admin));
    const [gone] = await trailOf(org, m2.id);
    expect(gone.changes.updates).toEqual([[expect.objectContaining({ note: 'Note on two' })], null]);
  });
});

test('progress notes are read in one statement however many mitigations ask', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const QUERY = `query($id: ID!) { programme(id: $id) { risks { mitigations { updates { note } } } } }`;
  const grow = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const risk = await newRisk(t, org, p.id, { reference: `R${Math.random().toString(36).slice(2, 8)}` });
      const m = ok(await t.gql(ADD, { id: risk.id, input: { action: `M${i}` } }, org.admin)).addMitigation;
      ok(await t.gql(NOTE, { id: m.id, note: `N${i}` }, org.admin));
    }
  };
  const count = async () => {
    const before = t.statements();
    ok(await t.gql(QUERY, { id: p.id }, org.admin));
    return t.statements() - before;
  };
  await grow(1);
  const small = await count();
  await grow(4);
  expect(await count()).toBe(small);
});

test('notes added while their mitigation is deleted go before it (kept in its last state) or find it gone (NOT_FOUND); never a database error', async () => {
  const org = await newOrg(t);
  const { risk } = await riskOf(org);
  const m = ok(await t.gql(ADD, { id: risk.id, input: { action: 'Brief staff' } }, org.admin)).addMitigation;
  const notes = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Note ${n}`);
  const answers = await Promise.all([
    ...notes.map((note) => t.gql(NOTE, { id: m.id, note }, org.admin)),
    t.gql(DELETE, { id: m.id, v: 1 }, org.admin),
  ]);
  expect(answers[notes.length].errors).toBeUndefined();
  const added = notes.filter((_, i) => !answers[i].errors);
  for (const a of answers.slice(0, notes.length)) if (a.errors) expect(errorOf(a).code).toBe('NOT_FOUND');
  const [deleted] = await trailOf(org, m.id);
  const kept = (deleted.changes.updates as [{ note: string }[], null])[0].map((u) => u.note);
  expect(kept.sort()).toEqual(added.sort());
});
