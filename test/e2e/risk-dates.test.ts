import { londonToday } from '../../src/values/calendar-date';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ASSESS, code, FUTURE, newRisk, RISK_BY_ID } from './risk-helpers';

// Business dates on risks: identifiedOn, assessments ordered by assessedOn (current and trend
// follow that order), closeRisk's closedOn and reopenRisk.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const DATED = `query($id: ID!) { risk(id: $id) { identifiedOn status closedOn closedReason version trend
  current { score } inherent { score } assessments { assessedOn score note } } }`;
const CLOSE_ON = `mutation($id: ID!, $v: Int!, $reason: String!, $on: Date) {
  closeRisk(id: $id, expectedVersion: $v, reason: $reason, closedOn: $on) { status closedOn closedReason version } }`;
const REOPEN = `mutation($id: ID!, $v: Int!, $reason: String!) {
  reopenRisk(id: $id, expectedVersion: $v, reason: $reason) { status closedOn closedReason version reviewOverdue } }`;

const tomorrow = () => new Date(Date.parse(`${londonToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('identifiedOn', () => {
  test('is the inherent assessment’s date: as given, or today', async () => {
    const org = await newOrg(t);
    const p = await org.programme({ code: 'ICS-2011' });
    const old = await newRisk(t, org, p.id, { reference: 'R01', identifiedOn: '2011-04-01' });
    expect(ok(await t.gql(DATED, { id: old.id }, org.admin)).risk).toMatchObject({
      identifiedOn: '2011-04-01',
      assessments: [{ assessedOn: '2011-04-01', score: 16 }],
    });
    const fresh = await newRisk(t, org, p.id, { reference: 'R02' });
    expect(ok(await t.gql(DATED, { id: fresh.id }, org.admin)).risk.identifiedOn).toBe(londonToday());
  });

  test('in the future is BAD_USER_INPUT on identifiedOn, after NOT_FOUND and FORBIDDEN, and writes nothing', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const input = { programmeId: p.id, reference: 'R01', title: 'T', category: 'LEGAL', inherent: { likelihood: 1, impact: 1 } };
    const create = `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`;
    for (const identifiedOn of [tomorrow(), FUTURE]) {
      expect(errorOf(await t.gql(create, { input: { ...input, identifiedOn } }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'identifiedOn',
      });
    }
    const member = await org.user('MEMBER');
    expect(code(await t.gql(create, { input: { ...input, identifiedOn: FUTURE } }, member))).toBe('FORBIDDEN');
    const other = await newOrg(t);
    expect(code(await t.gql(create, { input: { ...input, identifiedOn: FUTURE } }, other.admin))).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(create, { input: { ...input, identifiedOn: '2018-02-30' } }, org.admin)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(ok(await t.gql(`{ risks { totalCount } }`, {}, org.admin)).risks.totalCount).toBe(0);
  });
});

describe('assessments follow assessedOn', () => {
  test('an August review typed after October’s is history: current and trend stay with October', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, {
      identifiedOn: '2018-04-03',
      inherent: { likelihood: 3, impact: 3 },
    });
    const october = ok(
      await t.gql(
        ASSESS,
        { id: risk.id, v: 1, input: { likelihood: 2, impact: 3, assessedOn: '2018-10-15', note: 'Oct' } },
        org.admin,
      ),
    ).assessRisk;
    expect(october).toMatchObject({ current: { score: 6 }, trend: 'IMPROVING', version: 2 });
    const august = ok(
      await t.gql(
        ASSESS,
        { id: risk.id, v: 2, input: { likelihood: 4, impact: 4, assessedOn: '2018-08-20', note: 'Aug' } },
        org.admin,
      ),
    ).assessRisk;
    // October is still the newest: August only changes what October is compared with
    expect(august).toMatchObject({ current: { likelihood: 2, impact: 3, score: 6 }, trend: 'IMPROVING', version: 3 });
    const read = ok(await t.gql(DATED, { id: risk.id }, org.admin)).risk;
    expect(read.assessments.map((a: { assessedOn: string; note: string | null }) => [a.assessedOn, a.note])).toEqual([
      ['2018-10-15', 'Oct'],
      ['2018-08-20', 'Aug'],
      ['2018-04-03', null],
    ]);
    // on the same day, the one recorded later is first, and so current
    const same = ok(
      await t.gql(ASSESS, { id: risk.id, v: 3, input: { likelihood: 1, impact: 3, assessedOn: '2018-10-15' } }, org.admin),
    ).assessRisk;
    expect(same).toMatchObject({ current: { score: 3 }, trend: 'IMPROVING' });
    const { risks } = ok(await t.gql(`query { risks(filter: { minScore: 4 }) { totalCount } }`, {}, org.admin));
    expect(risks.totalCount).toBe(0);
  });

  test('an assessment in the future, or before identifiedOn, is BAD_USER_INPUT on assessedOn and writes nothing', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, { identifiedOn: '2018-04-03' });
    for (const assessedOn of [tomorrow(), '2018-04-02']) {
      expect(
        errorOf(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 1, impact: 1, assessedOn } }, org.admin)),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assessedOn' });
    }
    // the business rule comes after NOT_FOUND and FORBIDDEN; CONFLICT after it
    const member = await org.user('MEMBER');
    const late = { likelihood: 1, impact: 1, assessedOn: '2001-01-01' };
    expect(code(await t.gql(ASSESS, { id: risk.id, v: 1, input: late }, member))).toBe('FORBIDDEN');
    expect(code(await t.gql(ASSESS, { id: risk.id, v: 9, input: late }, org.admin))).toBe('BAD_USER_INPUT');
    ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 1, impact: 1, assessedOn: '2018-04-03' } }, org.admin));
    expect(ok(await t.gql(DATED, { id: risk.id }, org.admin)).risk).toMatchObject({ version: 2, current: { score: 1 } });
    expect(ok(await t.gql(DATED, { id: risk.id }, org.admin)).risk.assessments).toHaveLength(2);
  });
});

describe('closeRisk(closedOn)', () => {
  test('dates the closure as given (today by default)', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, { identifiedOn: '2018-04-03' });
    ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 1, impact: 2, assessedOn: '2018-09-01' } }, org.admin));
    const closed = ok(await t.gql(CLOSE_ON, { id: risk.id, v: 2, reason: 'Offer published', on: '2018-10-01' }, org.admin));
    expect(closed.closeRisk).toEqual({ status: 'CLOSED', closedOn: '2018-10-01', closedReason: 'Offer published', version: 3 });
    const today = await newRisk(t, org, p.id, { reference: 'R02' });
    expect(ok(await t.gql(CLOSE_ON, { id: today.id, v: 1, reason: 'Gone' }, org.admin)).closeRisk.closedOn).toBe(londonToday());
  });

  test('in the future, or before the current assessment, is BAD_USER_INPUT on closedOn and writes nothing', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, { identifiedOn: '2018-04-03' });
    ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 1, impact: 2, assessedOn: '2018-09-01' } }, org.admin));
    for (const on of [tomorrow(), '2018-08-31', '2018-04-03']) {
      expect(errorOf(await t.gql(CLOSE_ON, { id: risk.id, v: 2, reason: 'Gone', on }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'closedOn',
      });
    }
    const member = await org.user('MEMBER');
    expect(code(await t.gql(CLOSE_ON, { id: risk.id, v: 2, reason: 'Gone', on: FUTURE }, member))).toBe('FORBIDDEN');
    expect(code(await t.gql(CLOSE_ON, { id: risk.id, v: 7, reason: 'Gone', on: FUTURE }, org.admin))).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql(DATED, { id: risk.id }, org.admin)).risk).toMatchObject({ status: 'OPEN', version: 2 });
    // on the current assessment's day is allowed
    expect(ok(await t.gql(CLOSE_ON, { id: risk.id, v: 2, reason: 'Gone', on: '2018-09-01' }, org.admin)).closeRisk.closedOn).toBe(
      '2018-09-01',
    );
  });
});

describe('reopenRisk', () => {
  test('reopens a CLOSED risk without its closure, moves the version, keeps the reason in the audit trail', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    const risk = await newRisk(t, org, p.id, { identifiedOn: '2018-04-03', reviewDate: '2018-12-01' });
    ok(await t.gql(CLOSE_ON, { id: risk.id, v: 1, reason: 'Moves done', on: '2018-11-01' }, pm));
    const reopened = ok(await t.gql(REOPEN, { id: risk.id, v: 2, reason: 'Second wave of moves announced' }, pm)).reopenRisk;
    expect(reopened).toEqual({ status: 'OPEN', closedOn: null, closedReason: null, version: 3, reviewOverdue: true });
    // open again: it takes assessments
    ok(await t.gql(ASSESS, { id: risk.id, v: 3, input: { likelihood: 5, impact: 5 } }, pm));
    const trail = ok(
      await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`, { id: risk.id }, org.admin),
    ).auditTrail.nodes;
    expect(trail[1].action).toBe('risk.reopened');
    expect(JSON.parse(trail[1].changes)).toEqual({
      status: ['CLOSED', 'OPEN'],
      closedOn: ['2018-11-01', null],
      closedReason: ['Moves done', null],
      reason: [null, 'Second wave of moves announced'],
    });
  });

  test('an OPEN risk is BAD_USER_INPUT on id; blank reason, NOT_FOUND, FORBIDDEN and CONFLICT in the contract’s order', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id);
    expect(errorOf(await t.gql(REOPEN, { id: risk.id, v: 1, reason: 'Why' }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(errorOf(await t.gql(REOPEN, { id: 'nonsense', v: 1, reason: ' ' }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    ok(await t.gql(CLOSE_ON, { id: risk.id, v: 1, reason: 'Gone' }, org.admin));
    const [other, member] = [await newOrg(t), await org.user('MEMBER')];
    const unassigned = await org.user('PROGRAMME_MANAGER', [(await org.programme()).id]);
    expect(code(await t.gql(REOPEN, { id: risk.id, v: 2, reason: 'Why' }, other.admin))).toBe('NOT_FOUND');
    expect(code(await t.gql(REOPEN, { id: risk.id, v: 2, reason: 'Why' }, member))).toBe('FORBIDDEN');
    expect(code(await t.gql(REOPEN, { id: risk.id, v: 2, reason: 'Why' }, unassigned))).toBe('FORBIDDEN');
    expect(code(await t.gql(REOPEN, { id: risk.id, v: 1, reason: 'Why' }, org.admin))).toBe('CONFLICT');
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({ status: 'CLOSED', version: 2 });
  });

  test('a confidential risk is NOT_FOUND for a MEMBER', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, { confidential: true });
    ok(await t.gql(CLOSE_ON, { id: risk.id, v: 1, reason: 'Gone' }, org.admin));
    const member = await org.user('MEMBER');
    expect(code(await t.gql(REOPEN, { id: risk.id, v: 2, reason: 'Why' }, member))).toBe('NOT_FOUND');
  });
});
