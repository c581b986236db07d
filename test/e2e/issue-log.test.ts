import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { londonToday } from '../../src/values/calendar-date';
import { ASSESS, newRisk, RISK_BY_ID } from './risk-helpers';
import { AUDIT, FUTURE, ISSUE_BY_ID, newIssue, OF_PROGRAMME, RAISE, RAISE_FROM_RISK, RESOLVE, UPDATE } from './issue-log-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const input = (programmeId: string, fields: Record<string, unknown> = {}) => ({
  input: { programmeId, reference: 'I01', title: 'Two hub sites not ready', priority: 'RED', ...fields },
});

describe('raiseIssue', () => {
  test('raises an OPEN issue dated today, not confidential, audited; the programme lists it', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const issue = await newIssue(t, org, p.id, { description: ' Builders late ', owner: 'Head of Early Help', priority: 'RED' });
    expect(issue).toEqual({
      id: issue.id,
      reference: 'I01',
      title: 'Two hub sites not ready',
      description: 'Builders late',
      owner: 'Head of Early Help',
      priority: 'RED',
      status: 'OPEN',
      raisedOn: londonToday(),
      resolvedOn: null,
      resolutionNote: null,
      confidential: false,
      version: 1,
      programme: { id: p.id, code: p.code },
      fromRisk: null,
    });
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, org.admin)).issue).toMatchObject({ id: issue.id, resolutions: [] });
    const [event] = ok(await t.gql(AUDIT, { id: issue.id }, org.admin)).auditTrail.nodes;
    expect(event).toMatchObject({ action: 'issue.raised', entityType: 'Issue' });
    expect(JSON.parse(event.changes)).toMatchObject({
      reference: [null, 'I01'],
      priority: [null, 'RED'],
      confidential: [null, false],
    });
  });

  test('Programme.issues: newest raisedOn first, then reference', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    await newIssue(t, org, p.id, { reference: 'I02', raisedOn: '2018-05-01' });
    await newIssue(t, org, p.id, { reference: 'I03', raisedOn: '2018-06-01' });
    await newIssue(t, org, p.id, { reference: 'I01', raisedOn: '2018-05-01' });
    expect(ok(await t.gql(OF_PROGRAMME, { id: p.id }, org.admin)).programme.issues).toEqual([
      { reference: 'I03', raisedOn: '2018-06-01' },
      { reference: 'I01', raisedOn: '2018-05-01' },
      { reference: 'I02', raisedOn: '2018-05-01' },
    ]);
  });

  test.each([
    ['a blank reference', 'BAD_USER_INPUT', 'reference', { reference: ' ' }],
    ['a reference of 21 characters', 'BAD_USER_INPUT', 'reference', { reference: 'I'.repeat(21) }],
    ['a blank title', 'BAD_USER_INPUT', 'title', { title: '' }],
    ['an owner of 201 characters', 'BAD_USER_INPUT', 'owner', { owner: 'x'.repeat(201) }],
    ['a raisedOn in the future', 'BAD_USER_INPUT', 'raisedOn', { raisedOn: FUTURE }],
    ['a raisedOn that is no date', 'BAD_USER_INPUT', 'raisedOn', { raisedOn: '2018-02-30' }],
    ['a priority that is no rating', 'BAD_USER_INPUT', undefined, { priority: 'BLUE' }],
    ['an unknown programme', 'NOT_FOUND', undefined, { programmeId: '00000000-0000-4000-8000-000000000000' }],
    ['a malformed programme id', 'NOT_FOUND', undefined, { programmeId: 'FH-2018' }],
  ])('%s is %s, and nothing is written', async (_, code, field, fields) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const res = await t.gql(RAISE, input(p.id, fields), org.admin);
    expect(errorOf(res)).toMatchObject(field ? { code, field } : { code });
    expect(ok(await t.gql(OF_PROGRAMME, { id: p.id }, org.admin)).programme.issues).toEqual([]);
  });

  test('a reference the programme already has, in any case, is CONFLICT on reference; another programme may take it', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    await newIssue(t, org, p.id, { reference: 'I01' });
    expect(errorOf(await t.gql(RAISE, input(p.id, { reference: 'i01' }), org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'reference',
    });
    expect((await newIssue(t, org, q.id, { reference: 'i01' })).reference).toBe('i01');
    expect(ok(await t.gql(OF_PROGRAMME, { id: p.id }, org.admin)).programme.issues).toHaveLength(1);
  });

  test("who may: ADMIN and its programmes' managers; FINANCE, MEMBER and other managers are FORBIDDEN, after NOT_FOUND", async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    expect((await newIssue(t, org, p.id, {}, pm)).reference).toBe('I01');
    for (const token of [await org.user('FINANCE'), await org.user('MEMBER'), pm]) {
      expect(errorOf(await t.gql(RAISE, input(q.id), token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(RAISE, input('00000000-0000-4000-8000-000000000000'), token)).code).toBe('NOT_FOUND');
    }
    // a malformed value comes first of all
    expect(errorOf(await t.gql(RAISE, input(q.id, { title: ' ' }), pm))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect(ok(await t.gql(OF_PROGRAMME, { id: q.id }, org.admin)).programme.issues).toEqual([]);
  });
});

describe('raiseIssueFromRisk', () => {
  test("the issue takes the risk's texts, confidentiality and current rating; the risk closes on raisedOn", async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, {
      description: 'Staff leave before the move',
      owner: 'Head of Service',
      confidential: true,
      identifiedOn: '2018-04-01',
    });
    const assessed = ok(
      await t.gql(
        ASSESS,
        { id: risk.id, v: risk.version, input: { likelihood: 2, impact: 3, assessedOn: '2018-05-01' } },
        org.admin,
      ),
    ).assessRisk;
    const res = await t.gql(
      RAISE_FROM_RISK,
      { riskId: risk.id, v: assessed.version, reference: 'I07', raisedOn: '2018-06-01' },
      org.admin,
    );
    const issue = ok(res).raiseIssueFromRisk;
    expect(issue).toMatchObject({
      reference: 'I07',
      title: risk.title,
      description: 'Staff leave before the move',
      owner: 'Head of Service',
      priority: 'AMBER',
      status: 'OPEN',
      raisedOn: '2018-06-01',
      confidential: true,
      version: 1,
      fromRisk: { id: risk.id, reference: 'R01', status: 'CLOSED' },
    });
    const closed = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closedOn: '2018-06-01',
      closedReason: 'Became issue I07',
      version: assessed.version + 1,
    });
    const events = ok(await t.gql(AUDIT, { id: risk.id }, org.admin)).auditTrail.nodes;
    expect(events[0]).toMatchObject({ action: 'risk.closed' });
    const [raised] = ok(await t.gql(AUDIT, { id: issue.id }, org.admin)).auditTrail.nodes;
    expect(JSON.parse(raised.changes)).toMatchObject({ fromRiskId: [null, risk.id] });
  });

  test('raisedOn defaults to today; priority RED from a RED risk', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, { inherent: { likelihood: 5, impact: 4 } });
    const issue = ok(
      await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, org.admin),
    ).raiseIssueFromRisk;
    expect(issue).toMatchObject({ raisedOn: londonToday(), priority: 'RED', confidential: false });
  });

  test.each([
    ['a stale version', 'CONFLICT', undefined, (v: number) => ({ v: v - 1 })],
    ['a blank reference', 'BAD_USER_INPUT', 'reference', () => ({ reference: ' ' })],
    ['a raisedOn in the future', 'BAD_USER_INPUT', 'raisedOn', () => ({ raisedOn: FUTURE })],
    ['a raisedOn before the current assessment', 'BAD_USER_INPUT', 'raisedOn', () => ({ raisedOn: '2018-03-01' })],
    ['an unknown risk', 'NOT_FOUND', undefined, () => ({ riskId: '00000000-0000-4000-8000-000000000000' })],
  ])('%s is %s: no issue, the risk stays open at its version', async (_, code, field, change) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, { identifiedOn: '2018-04-01' });
    const variables = { riskId: risk.id, v: risk.version, reference: 'I01', ...change(risk.version) };
    expect(errorOf(await t.gql(RAISE_FROM_RISK, variables, org.admin))).toMatchObject(field ? { code, field } : { code });
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({ status: 'OPEN', version: risk.version });
    expect(ok(await t.gql(OF_PROGRAMME, { id: p.id }, org.admin)).programme.issues).toEqual([]);
  });

  test('a reference taken is CONFLICT and the risk stays open; a CLOSED risk is BAD_USER_INPUT on riskId', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    await newIssue(t, org, p.id, { reference: 'I01' });
    const risk = await newRisk(t, org, p.id);
    const taken = await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, org.admin);
    expect(errorOf(taken)).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({ status: 'OPEN', version: risk.version });
    const raised = ok(await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I02' }, org.admin));
    expect(raised.raiseIssueFromRisk.fromRisk.status).toBe('CLOSED');
    const again = await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version + 1, reference: 'I03' }, org.admin);
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'riskId' });
  });

  test('FINANCE and managers of other programmes are FORBIDDEN; nothing is written', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const risk = await newRisk(t, org, p.id);
    for (const token of [await org.user('FINANCE'), await org.user('PROGRAMME_MANAGER', [q.id]), await org.user('MEMBER')]) {
      const res = await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, token);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk.status).toBe('OPEN');
  });
});

describe('updateIssue and resolveIssue', () => {
  test('updates what is given, clears what is null, bumps the version, audits the change', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const issue = await newIssue(t, org, p.id, { owner: 'Head of Service', description: 'Late' });
    const res = await t.gql(
      UPDATE,
      { id: issue.id, v: 1, input: { priority: 'GREEN', owner: null, title: ' Sites late ' } },
      org.admin,
    );
    expect(ok(res).updateIssue).toMatchObject({
      title: 'Sites late',
      priority: 'GREEN',
      owner: null,
      description: 'Late',
      version: 2,
    });
    const [event] = ok(await t.gql(AUDIT, { id: issue.id }, org.admin)).auditTrail.nodes;
    expect(event.action).toBe('issue.updated');
    expect(JSON.parse(event.changes)).toEqual({
      title: ['Two hub sites not ready', 'Sites late'],
      owner: ['Head of Service', null],
      priority: ['AMBER', 'GREEN'],
    });
    expect(errorOf(await t.gql(UPDATE, { id: issue.id, v: 1, input: { title: 'X' } }, org.admin)).code).toBe('CONFLICT');
    for (const field of ['title', 'priority'])
      expect(errorOf(await t.gql(UPDATE, { id: issue.id, v: 2, input: { [field]: null } }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
  });

  test('resolves with its note on a day from raisedOn to today; once only', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const issue = await newIssue(t, org, p.id, { raisedOn: '2018-05-01' });
    const resolve = (vars: Record<string, unknown>) =>
      t.gql(RESOLVE, { id: issue.id, v: 1, note: 'Sites opened', ...vars }, org.admin);
    expect(errorOf(await resolve({ on: '2018-04-30' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolvedOn' });
    expect(errorOf(await resolve({ on: FUTURE }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolvedOn' });
    expect(errorOf(await resolve({ note: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolutionNote' });
    expect(errorOf(await resolve({ v: 2 })).code).toBe('CONFLICT');
    const resolved = ok(await resolve({ on: '2018-05-01' })).resolveIssue;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedOn: '2018-05-01', resolutionNote: 'Sites opened', version: 2 });
    expect(errorOf(await resolve({ v: 2, note: 'Again' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const today = ok(
      await t.gql(RESOLVE, { id: (await newIssue(t, org, p.id, { reference: 'I02' })).id, v: 1, note: 'Done' }, org.admin),
    );
    expect(today.resolveIssue.resolvedOn).toBe(londonToday());
    const [event] = ok(await t.gql(AUDIT, { id: issue.id }, org.admin)).auditTrail.nodes;
    expect(event.action).toBe('issue.resolved');
    expect(JSON.parse(event.changes)).toEqual({
      status: ['OPEN', 'RESOLVED'],
      resolvedOn: [null, '2018-05-01'],
      resolutionNote: [null, 'Sites opened'],
    });
  });

  test('FINANCE, MEMBER and other managers are FORBIDDEN; an unknown issue is NOT_FOUND', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const issue = await newIssue(t, org, p.id);
    for (const token of [await org.user('FINANCE'), await org.user('MEMBER'), await org.user('PROGRAMME_MANAGER', [q.id])]) {
      expect(errorOf(await t.gql(UPDATE, { id: issue.id, v: 1, input: { title: 'X' } }, token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(RESOLVE, { id: issue.id, v: 1, note: 'X' }, token)).code).toBe('FORBIDDEN');
    }
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await t.gql(RESOLVE, { id: ghost, v: 1, note: 'X' }, org.admin)).code).toBe('NOT_FOUND');
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, org.admin)).issue.version).toBe(1);
  });
});
