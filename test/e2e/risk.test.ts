import { londonToday } from '../../src/values/calendar-date';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ASSESS, CLOSE, code, CREATE, emailOf, FUTURE, newRisk, RISK_BY_ID, UPDATE } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('createRisk', () => {
  test('records the inherent score as the first assessment; current equals inherent; trend NEW', async () => {
    const org = await newOrg(t);
    const p = await org.programme({ code: 'ICS-2011' });
    const risk = await newRisk(t, org, p.id, {
      reference: 'R03',
      inherent: { likelihood: 4, impact: 5 },
      target: { likelihood: 2, impact: 3 },
      owner: 'Corporate Director',
      reviewDate: FUTURE,
      description: 'Staff moving offices on 31 October',
    });
    expect(risk).toMatchObject({
      reference: 'R03',
      programme: { code: 'ICS-2011' },
      status: 'OPEN',
      version: 1,
      confidential: false,
      trend: 'NEW',
      owner: 'Corporate Director',
      reviewDate: FUTURE,
      reviewOverdue: false,
      closedOn: null,
      closedReason: null,
      inherent: { likelihood: 4, impact: 5, score: 20, rating: 'RED' },
      current: { likelihood: 4, impact: 5, score: 20, rating: 'RED' },
      target: { likelihood: 2, impact: 3, score: 6, rating: 'AMBER' },
    });
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read.assessments).toEqual([
      {
        assessedOn: londonToday(),
        likelihood: 4,
        impact: 5,
        score: 20,
        rating: 'RED',
        note: null,
        recordedBy: await emailOf(t, org.admin),
      },
    ]);
    const bare = await newRisk(t, org, p.id, { reference: 'R04', inherent: { likelihood: 1, impact: 2 } });
    expect(bare).toMatchObject({ target: null, reviewDate: null, current: { score: 2, rating: 'GREEN' } });
  });

  test.each([
    [{ inherent: { likelihood: 0, impact: 3 } }, 'likelihood'],
    [{ inherent: { likelihood: 6, impact: 3 } }, 'likelihood'],
    [{ inherent: { likelihood: 3, impact: 0 } }, 'impact'],
    [{ target: { likelihood: 2, impact: 9 } }, 'impact'],
    [{ reference: ' ' }, 'reference'],
    [{ title: '' }, 'title'],
    [{ reviewDate: '2018-02-30' }, 'reviewDate'],
  ])('bad input %j is BAD_USER_INPUT on %s and writes nothing', async (input, field) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const res = await t.gql(
      CREATE,
      {
        input: {
          programmeId: p.id,
          reference: 'R01',
          title: 'T',
          category: 'LEGAL',
          inherent: { likelihood: 3, impact: 3 },
          ...input,
        },
      },
      org.admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(ok(await t.gql(`{ risks { totalCount } }`, {}, org.admin)).risks.totalCount).toBe(0);
  });

  test('a reference is unique within its programme (CONFLICT on reference), not across programmes', async () => {
    const org = await newOrg(t);
    const [a, b] = [await org.programme(), await org.programme()];
    await newRisk(t, org, a.id, { reference: 'R01' });
    const again = await t.gql(
      CREATE,
      {
        input: { programmeId: a.id, reference: 'R01', title: 'Again', category: 'LEGAL', inherent: { likelihood: 1, impact: 1 } },
      },
      org.admin,
    );
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    // ignoring case
    const lower = await t.gql(
      CREATE,
      {
        input: { programmeId: a.id, reference: 'r01', title: 'Again', category: 'LEGAL', inherent: { likelihood: 1, impact: 1 } },
      },
      org.admin,
    );
    expect(errorOf(lower)).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    await newRisk(t, org, b.id, { reference: 'R01' });
    expect(ok(await t.gql(`{ risks { totalCount } }`, {}, org.admin)).risks.totalCount).toBe(2);
  });

  test("an unknown or another organisation's programme is NOT_FOUND", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    const theirs = await b.programme();
    for (const programmeId of [theirs.id, 'nonsense']) {
      const res = await t.gql(
        CREATE,
        { input: { programmeId, reference: 'R', title: 'T', category: 'LEGAL', inherent: { likelihood: 1, impact: 1 } } },
        a.admin,
      );
      expect(code(res)).toBe('NOT_FOUND');
    }
  });
});

describe('assessRisk', () => {
  test('appends an assessment that becomes current, moves the version, and never rewrites history', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    const risk = await newRisk(t, org, p.id, {
      inherent: { likelihood: 3, impact: 3 },
      reviewDate: '2030-01-01',
      identifiedOn: '2018-01-01',
    });
    const steps = [
      [{ likelihood: 4, impact: 4, note: 'Office moves slipped', assessedOn: '2018-06-01' }, 16, 'RED', 'WORSENING'],
      [{ likelihood: 2, impact: 4, note: 'Induction for moved teams', reviewDate: '2031-01-01' }, 8, 'AMBER', 'IMPROVING'],
      [{ likelihood: 4, impact: 2 }, 8, 'AMBER', 'STEADY'],
      [{ likelihood: 1, impact: 1 }, 1, 'GREEN', 'IMPROVING'],
    ] as const;
    let version = 1;
    for (const [input, score, rating, trend] of steps) {
      const after = ok(await t.gql(ASSESS, { id: risk.id, v: version, input }, pm)).assessRisk;
      expect(after).toMatchObject({
        version: version + 1,
        trend,
        current: { likelihood: input.likelihood, impact: input.impact, score, rating },
      });
      expect(after.inherent).toEqual({ likelihood: 3, impact: 3, score: 9, rating: 'AMBER' });
      version = after.version;
    }
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read.reviewDate).toBe('2031-01-01');
    const [admin, manager] = [await emailOf(t, org.admin), await emailOf(t, pm)];
    expect(read.assessments.map((a: Record<string, unknown>) => [a.score, a.note, a.recordedBy])).toEqual([
      [1, null, manager],
      [8, null, manager],
      [8, 'Induction for moved teams', manager],
      [16, 'Office moves slipped', manager],
      [9, null, admin],
    ]);
    expect(read.assessments[3].assessedOn).toBe('2018-06-01');
    expect(read.assessments[1].assessedOn).toBe(londonToday());
  });

  test('likelihood and impact out of 1..5 are BAD_USER_INPUT naming the field, before anything else', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    const member = await org.user('MEMBER');
    for (const [input, field] of [
      [{ likelihood: 6, impact: 1 }, 'likelihood'],
      [{ likelihood: 1, impact: -2 }, 'impact'],
    ] as const) {
      expect(errorOf(await t.gql(ASSESS, { id: risk.id, v: 1, input }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      expect(errorOf(await t.gql(ASSESS, { id: 'nonsense', v: 9, input }, member))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read).toMatchObject({ version: 1, assessments: [{ score: 16 }] });
  });

  test('a stale version is CONFLICT and writes nothing', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 2, impact: 2 } }, org.admin));
    expect(code(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 5, impact: 5 } }, org.admin))).toBe('CONFLICT');
    const read = ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk;
    expect(read).toMatchObject({ version: 2, current: { score: 4 } });
    expect(read.assessments).toHaveLength(2);
  });
});

describe('updateRisk', () => {
  test('changes only the fields given and moves the version; null clears the target and review date', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, {
      target: { likelihood: 2, impact: 2 },
      reviewDate: FUTURE,
      owner: 'Head of Service',
    });
    const after = ok(
      await t.gql(
        UPDATE,
        { id: risk.id, v: 1, input: { title: 'Service failure during moves', category: 'WORKFORCE' } },
        org.admin,
      ),
    ).updateRisk;
    expect(after).toMatchObject({
      title: 'Service failure during moves',
      category: 'WORKFORCE',
      owner: 'Head of Service',
      version: 2,
      target: { score: 4 },
      reviewDate: FUTURE,
      current: risk.current,
      trend: 'NEW',
    });
    const cleared = ok(
      await t.gql(UPDATE, { id: risk.id, v: 2, input: { target: null, reviewDate: null, owner: null } }, org.admin),
    ).updateRisk;
    expect(cleared).toMatchObject({
      target: null,
      reviewDate: null,
      owner: null,
      version: 3,
      title: 'Service failure during moves',
    });
    const retarget = ok(
      await t.gql(UPDATE, { id: risk.id, v: 3, input: { target: { likelihood: 1, impact: 3 } } }, org.admin),
    ).updateRisk;
    expect(retarget.target).toEqual({ likelihood: 1, impact: 3, score: 3, rating: 'GREEN' });
  });

  test('bad input is named; a stale version is CONFLICT with nothing written', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    for (const [input, field] of [
      [{ title: null }, 'title'],
      [{ title: ' ' }, 'title'],
      [{ category: null }, 'category'],
      [{ target: { likelihood: 9, impact: 1 } }, 'likelihood'],
      [{ confidential: null }, 'confidential'],
    ] as const) {
      expect(errorOf(await t.gql(UPDATE, { id: risk.id, v: 1, input }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    expect(code(await t.gql(UPDATE, { id: risk.id, v: 7, input: { title: 'Stale' } }, org.admin))).toBe('CONFLICT');
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({ title: risk.title, version: 1 });
  });
});

describe('closeRisk', () => {
  test('records the reason and date; a closed risk takes no assessment, update, new mitigation or second close', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id, { reviewDate: '2001-01-01' });
    expect(risk.reviewOverdue).toBe(true);
    const closed = ok(
      await t.gql(CLOSE, { id: risk.id, v: 1, reason: 'All teams moved; no service failure' }, org.admin),
    ).closeRisk;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closedOn: londonToday(),
      closedReason: 'All teams moved; no service failure',
      version: 2,
      reviewOverdue: false,
    });
    const refused = [
      await t.gql(ASSESS, { id: risk.id, v: 2, input: { likelihood: 1, impact: 1 } }, org.admin),
      await t.gql(UPDATE, { id: risk.id, v: 2, input: { title: 'Reopened?' } }, org.admin),
      await t.gql(CLOSE, { id: risk.id, v: 2, reason: 'Again' }, org.admin),
      await t.gql(
        `mutation($id: ID!) { addMitigation(riskId: $id, input: { action: "Late" }) { id } }`,
        { id: risk.id },
        org.admin,
      ),
    ];
    for (const res of refused) expect(code(res)).toBe('BAD_USER_INPUT');
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk).toMatchObject({
      version: 2,
      title: risk.title,
      mitigations: [],
    });
  });

  test('a reason is required; a stale version is CONFLICT', async () => {
    const org = await newOrg(t);
    const risk = await newRisk(t, org, (await org.programme()).id);
    expect(errorOf(await t.gql(CLOSE, { id: risk.id, v: 1, reason: ' ' }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(code(await t.gql(CLOSE, { id: risk.id, v: 2, reason: 'Done' }, org.admin))).toBe('CONFLICT');
    expect(ok(await t.gql(RISK_BY_ID, { id: risk.id }, org.admin)).risk.status).toBe('OPEN');
  });
});

test('every change is in the audit trail', async () => {
  const org = await newOrg(t);
  const risk = await newRisk(t, org, (await org.programme()).id);
  ok(await t.gql(UPDATE, { id: risk.id, v: 1, input: { owner: 'Head of HR' } }, org.admin));
  ok(await t.gql(ASSESS, { id: risk.id, v: 2, input: { likelihood: 2, impact: 3, note: 'Better' } }, org.admin));
  ok(await t.gql(CLOSE, { id: risk.id, v: 3, reason: 'Gone' }, org.admin));
  const trail = ok(
    await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`, { id: risk.id }, org.admin),
  ).auditTrail.nodes;
  expect(trail.map((e: { action: string }) => e.action)).toEqual([
    'risk.closed',
    'risk.assessed',
    'risk.updated',
    'risk.created',
  ]);
  expect(JSON.parse(trail[1].changes)).toMatchObject({ currentScore: [16, 6], note: [null, 'Better'] });
  expect(JSON.parse(trail[2].changes)).toEqual({ owner: [null, 'Head of HR'] });
});
