import { londonToday } from '../../src/values/calendar-date';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import {
  ADD_MITIGATION,
  ASSESS,
  CLOSE,
  code,
  FUTURE,
  newRisk,
  PAST,
  RISK_BY_ID,
  UPDATE,
  UPDATE_MITIGATION,
} from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('mitigations', () => {
  test('have their own owner, due date and status; listed by due date; adding one leaves the risk version alone', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const add = async (input: object) => ok(await t.gql(ADD_MITIGATION, { id: risk.id, input }, org.admin)).addMitigation;
    const undated = await add({ action: 'Share the risk register with the scrutiny committee' });
    expect(undated).toEqual({
      id: undated.id,
      action: 'Share the risk register with the scrutiny committee',
      owner: null,
      dueDate: null,
      status: 'PLANNED',
      completedOn: null,
      overdue: false,
      version: 1,
      risk: { id: risk.id, version: 1 },
    });
    await add({ action: 'Phase the office moves', owner: 'Head of Property', dueDate: '2030-10-31', status: 'IN_PROGRESS' });
    await add({ action: 'Induction for moved teams', owner: 'Head of HR', dueDate: '2030-03-01' });
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read.version).toBe(1);
    expect(read.mitigations.map((m: { action: string; owner: string }) => [m.action, m.owner])).toEqual([
      ['Induction for moved teams', 'Head of HR'],
      ['Phase the office moves', 'Head of Property'],
      ['Share the risk register with the scrutiny committee', null],
    ]);
  });

  test('overdue: due before today while PLANNED or IN_PROGRESS', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const cases = [
      [PAST, 'PLANNED', true],
      [PAST, 'IN_PROGRESS', true],
      [PAST, 'COMPLETE', false],
      [PAST, 'CANCELLED', false],
      [londonToday(), 'PLANNED', false],
      [FUTURE, 'IN_PROGRESS', false],
      [null, 'PLANNED', false],
    ] as const;
    for (const [dueDate, status, overdue] of cases) {
      const m = ok(
        await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: `${status} ${dueDate}`, dueDate, status } }, org.admin),
      ).addMitigation;
      expect([dueDate, status, m.overdue]).toEqual([dueDate, status, overdue]);
    }
  });

  test('updateMitigation moves its own version only; COMPLETE records the completion date', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const m = ok(
      await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Brief staff', dueDate: PAST } }, org.admin),
    ).addMitigation;
    expect(m.overdue).toBe(true);
    const started = ok(
      await t.gql(UPDATE_MITIGATION, { id: m.id, v: 1, input: { status: 'IN_PROGRESS', owner: 'Team manager' } }, org.admin),
    ).updateMitigation;
    expect(started).toMatchObject({
      status: 'IN_PROGRESS',
      owner: 'Team manager',
      action: 'Brief staff',
      version: 2,
      overdue: true,
      completedOn: null,
    });
    const done = ok(
      await t.gql(UPDATE_MITIGATION, { id: m.id, v: 2, input: { status: 'COMPLETE' } }, org.admin),
    ).updateMitigation;
    expect(done).toMatchObject({
      status: 'COMPLETE',
      completedOn: londonToday(),
      overdue: false,
      version: 3,
      risk: { version: 1 },
    });
    const dated = ok(
      await t.gql(UPDATE_MITIGATION, { id: m.id, v: 3, input: { completedOn: '2018-09-30' } }, org.admin),
    ).updateMitigation;
    expect(dated.completedOn).toBe('2018-09-30');
    const reopened = ok(
      await t.gql(UPDATE_MITIGATION, { id: m.id, v: 4, input: { status: 'PLANNED', dueDate: FUTURE } }, org.admin),
    ).updateMitigation;
    expect(reopened).toMatchObject({ status: 'PLANNED', completedOn: null, dueDate: FUTURE, overdue: false });
    const completedAtOnce = ok(
      await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Done already', status: 'COMPLETE' } }, org.admin),
    ).addMitigation;
    expect(completedAtOnce.completedOn).toBe(londonToday());
  });

  test('bad input is named; a stale version is CONFLICT; an unknown risk or mitigation is NOT_FOUND', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const m = ok(await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Plan' } }, org.admin)).addMitigation;
    expect(errorOf(await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: ' ' } }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'action',
    });
    for (const [input, field] of [
      [{ action: null }, 'action'],
      [{ status: null }, 'status'],
      [{ completedOn: '2018-01-01' }, 'completedOn'],
      [{ dueDate: '2018-02-30' }, 'dueDate'],
    ] as const) {
      expect(errorOf(await t.gql(UPDATE_MITIGATION, { id: m.id, v: 1, input }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(code(await t.gql(UPDATE_MITIGATION, { id: m.id, v: 2, input: { action: 'Stale' } }, org.admin))).toBe('CONFLICT');
    expect(code(await t.gql(ADD_MITIGATION, { id: 'nonsense', input: { action: 'X' } }, org.admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(UPDATE_MITIGATION, { id: risk.id, v: 1, input: {} }, org.admin))).toBe('NOT_FOUND');
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk.mitigations).toEqual([
      expect.objectContaining({ action: 'Plan', version: 1 }),
    ]);
  });

  test("a closed risk's mitigations can still be brought up to date", async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const m = ok(await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Plan' } }, org.admin)).addMitigation;
    ok(await t.gql(CLOSE, { id: risk.id, v: 1, reason: 'Gone' }, org.admin));
    expect(
      ok(await t.gql(UPDATE_MITIGATION, { id: m.id, v: 1, input: { status: 'CANCELLED' } }, org.admin)).updateMitigation.status,
    ).toBe('CANCELLED');
  });
});

describe('reviewOverdue', () => {
  test('reviewDate before today on an open risk; a later date, none, or a closed risk is not overdue', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const overdue = async (reference: string, reviewDate: string | null) =>
      (await newRisk(t, org, p.id, { reference, reviewDate })).reviewOverdue;
    expect(await overdue('R1', PAST)).toBe(true);
    const closed = await newRisk(t, org, p.id, { reference: 'R0', reviewDate: PAST });
    expect(ok(await t.gql(CLOSE, { id: closed.id, v: 1, reason: 'Gone' }, org.admin)).closeRisk.reviewOverdue).toBe(false);
    expect(await overdue('R2', londonToday())).toBe(false);
    expect(await overdue('R3', FUTURE)).toBe(false);
    expect(await overdue('R4', null)).toBe(false);
  });

  test('an assessment with a next review date clears it; updateRisk can set it', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, { reviewDate: PAST });
    const assessed = ok(
      await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 3, impact: 3, reviewDate: FUTURE } }, org.admin),
    ).assessRisk;
    expect(assessed).toMatchObject({ reviewDate: FUTURE, reviewOverdue: false });
    const unchanged = ok(await t.gql(ASSESS, { id: risk.id, v: 2, input: { likelihood: 3, impact: 2 } }, org.admin)).assessRisk;
    expect(unchanged.reviewDate).toBe(FUTURE);
    expect(ok(await t.gql(UPDATE, { id: risk.id, v: 3, input: { reviewDate: PAST } }, org.admin)).updateRisk.reviewOverdue).toBe(
      true,
    );
  });
});
