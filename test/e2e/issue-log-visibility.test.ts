import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { newRisk } from './risk-helpers';
import {
  AUDIT,
  ISSUE_BY_ID,
  LINK,
  LIST,
  newIssue,
  newResolution,
  OF_PROGRAMME,
  RAISE_FROM_RISK,
  RESOLVE,
  UPDATE,
} from './issue-log-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const page = async (token: string, filter: object = {}, first = 50, after?: string) =>
  ok(await t.gql(LIST, { filter, first, after }, token)).issues;
const refs = async (token: string, filter: object = {}) =>
  (await page(token, filter)).nodes.map(
    (n: { reference: string; programme: { code: string } }) => `${n.programme.code}/${n.reference}`,
  );

describe('issues', () => {
  test('by status (OPEN first), priority (RED first), programme code, reference; filtered; paged by cursor', async () => {
    const org = await newOrg(t);
    const [a, b] = [await org.programme({ code: 'A-1' }), await org.programme({ code: 'B-1' })];
    await newIssue(t, org, b.id, { reference: 'I01', priority: 'RED' });
    await newIssue(t, org, a.id, { reference: 'I02', priority: 'GREEN' });
    await newIssue(t, org, a.id, { reference: 'I01', priority: 'AMBER' });
    const done = await newIssue(t, org, a.id, { reference: 'I03', priority: 'RED' });
    await newIssue(t, org, a.id, { reference: 'I04', priority: 'RED' });
    ok(await t.gql(RESOLVE, { id: done.id, v: 1, note: 'Fixed' }, org.admin));
    expect(await refs(org.admin)).toEqual(['A-1/I04', 'B-1/I01', 'A-1/I01', 'A-1/I02', 'A-1/I03']);
    expect(await refs(org.admin, { status: ['RESOLVED'] })).toEqual(['A-1/I03']);
    expect(await refs(org.admin, { priority: ['RED'], status: ['OPEN'] })).toEqual(['A-1/I04', 'B-1/I01']);
    expect(await refs(org.admin, { programmeId: b.id })).toEqual(['B-1/I01']);
    expect(await refs(org.admin, { programmeId: 'B-1' })).toEqual([]);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(org.admin, {}, 2, after);
      expect(p.totalCount).toBe(5);
      seen.push(...p.nodes.map((n: { reference: string }) => n.reference));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(['I04', 'I01', 'I01', 'I02', 'I03']);
  });

  test.each([
    ['first 0', { first: 0 }, 'first'],
    ['first 501', { first: 501 }, 'first'],
    ['a cursor of another list', { after: Buffer.from(JSON.stringify(['risks', 1, 'A', 'R01'])).toString('base64url') }, 'after'],
    ['a cursor that is no cursor', { after: 'abc' }, 'after'],
  ])('%s is BAD_USER_INPUT', async (_, args, field) => {
    const org = await newOrg(t);
    expect(errorOf(await t.gql(LIST, args, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  test('without a token: UNAUTHENTICATED', async () => {
    expect(errorOf(await t.gql(LIST, {})).code).toBe('UNAUTHENTICATED');
  });
});

/** An organisation with an open issue, a confidential one raised directly and one raised from a confidential risk, all linked to a resolution. */
async function confidentialWorld(org: Org) {
  const p = await org.programme();
  const open = await newIssue(t, org, p.id, { reference: 'I01' });
  const direct = await newIssue(t, org, p.id, { reference: 'I02', confidential: true, title: 'Named post disputes' });
  const risk = await newRisk(t, org, p.id, { reference: 'R09', confidential: true });
  const fromRisk = ok(
    await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I03' }, org.admin),
  ).raiseIssueFromRisk;
  const resolution = await newResolution(t, org);
  for (const issue of [open, direct, fromRisk])
    ok(await t.gql(LINK, { id: resolution, target: { issueId: issue.id } }, org.admin));
  return { p, open, direct, fromRisk, risk, resolution };
}

describe('a MEMBER', () => {
  test('never sees a confidential issue: lists, counts, by id, programme, resolution, the resolutions filter', async () => {
    const org = await newOrg(t);
    const w = await confidentialWorld(org);
    const member = await org.user('MEMBER');
    expect(w.fromRisk.confidential).toBe(true);
    expect((await page(org.admin)).totalCount).toBe(3);
    const list = await page(member);
    expect(list.totalCount).toBe(1);
    expect(list.nodes.map((n: { reference: string }) => n.reference)).toEqual(['I01']);
    for (const issue of [w.direct, w.fromRisk]) expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, member)).issue).toBeNull();
    expect(ok(await t.gql(ISSUE_BY_ID, { id: w.open.id }, member)).issue.resolutions).toEqual([{ id: w.resolution }]);
    expect(
      ok(await t.gql(OF_PROGRAMME, { id: w.p.id }, member)).programme.issues.map((i: { reference: string }) => i.reference),
    ).toEqual(['I01']);
    const resolution = `query($id: ID!) { resolutions(filter: {programmeId: $id}) { totalCount nodes { issues { reference } } } }`;
    expect(ok(await t.gql(resolution, { id: w.p.id }, member)).resolutions).toEqual({
      totalCount: 1,
      nodes: [{ issues: [{ reference: 'I01' }] }],
    });
    expect(ok(await t.gql(resolution, { id: w.p.id }, org.admin)).resolutions.nodes[0].issues).toEqual([
      { reference: 'I01' },
      { reference: 'I02' },
      { reference: 'I03' },
    ]);
  });

  test('naming a confidential issue in a mutation is NOT_FOUND, never FORBIDDEN', async () => {
    const org = await newOrg(t);
    const w = await confidentialWorld(org);
    const member = await org.user('MEMBER');
    for (const issue of [w.direct, w.fromRisk]) {
      expect(errorOf(await t.gql(UPDATE, { id: issue.id, v: 1, input: { title: 'X' } }, member)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(RESOLVE, { id: issue.id, v: 1, note: 'X' }, member)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(LINK, { id: w.resolution, target: { issueId: issue.id } }, member)).code).toBe('NOT_FOUND');
    }
    expect(errorOf(await t.gql(UPDATE, { id: w.open.id, v: 1, input: { title: 'X' } }, member)).code).toBe('FORBIDDEN');
  });

  test('sees an issue raised from a risk later made confidential, but not that risk', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id);
    const issue = ok(
      await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, org.admin),
    ).raiseIssueFromRisk;
    // a closed risk takes no update: reopen it, mark it confidential
    const reopened = ok(
      await t.gql(
        `mutation($id: ID!, $v: Int!) { reopenRisk(id: $id, expectedVersion: $v, reason: "Mistake") { version } }`,
        {
          id: risk.id,
          v: risk.version + 1,
        },
        org.admin,
      ),
    ).reopenRisk;
    ok(
      await t.gql(
        `mutation($id: ID!, $v: Int!) { updateRisk(id: $id, expectedVersion: $v, input: {confidential: true}) { id } }`,
        {
          id: risk.id,
          v: reopened.version,
        },
        org.admin,
      ),
    );
    const member = await org.user('MEMBER');
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, member)).issue).toMatchObject({ confidential: false, fromRisk: null });
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, org.admin)).issue.fromRisk).toMatchObject({ id: risk.id });
  });
});

describe('another organisation', () => {
  test('sees none of the issues, counts or links, and naming one is NOT_FOUND whatever its role', async () => {
    const org = await newOrg(t);
    const w = await confidentialWorld(org);
    const other = await newOrg(t);
    const otherResolution = await newResolution(t, other);
    const tokens = [other.admin, await other.user('PROGRAMME_MANAGER'), await other.user('FINANCE'), await other.user('MEMBER')];
    for (const token of tokens) {
      expect(await page(token)).toMatchObject({ totalCount: 0, nodes: [] });
      expect(await page(token, { programmeId: w.p.id })).toMatchObject({ totalCount: 0, nodes: [] });
      for (const issue of [w.open, w.direct, w.fromRisk]) {
        expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, token)).issue).toBeNull();
        expect(errorOf(await t.gql(UPDATE, { id: issue.id, v: 1, input: { title: 'X' } }, token)).code).toBe('NOT_FOUND');
        expect(errorOf(await t.gql(RESOLVE, { id: issue.id, v: 1, note: 'X' }, token)).code).toBe('NOT_FOUND');
        const link = await t.gql(LINK, { id: otherResolution, target: { issueId: issue.id } }, token);
        expect(errorOf(link).code).toBe('NOT_FOUND');
      }
      const raise = `mutation($input: IssueInput!) { raiseIssue(input: $input) { id } }`;
      const input = { programmeId: w.p.id, reference: 'I09', title: 'Planted', priority: 'RED' };
      expect(errorOf(await t.gql(raise, { input }, token)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(RAISE_FROM_RISK, { riskId: w.risk.id, v: 1, reference: 'I09' }, token)).code).toBe('NOT_FOUND');
    }
    expect((await page(org.admin)).totalCount).toBe(3);
  });
});

describe('links and deletion', () => {
  test("linking needs an editor of the issue's programme; Issue.resolutions and Resolution.issues agree", async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const issue = await newIssue(t, org, p.id);
    const resolution = await newResolution(t, org);
    const stranger = await org.user('PROGRAMME_MANAGER', [q.id]);
    expect(errorOf(await t.gql(LINK, { id: resolution, target: { issueId: issue.id } }, stranger)).code).toBe('FORBIDDEN');
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    expect(ok(await t.gql(LINK, { id: resolution, target: { issueId: issue.id } }, pm)).linkResolution.issues).toEqual([
      { reference: 'I01' },
    ]);
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, org.admin)).issue).toMatchObject({
      version: 1,
      resolutions: [{ id: resolution }],
    });
    const unlink = `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { issues { id } } }`;
    expect(ok(await t.gql(unlink, { id: resolution, target: { issueId: issue.id } }, pm)).unlinkResolution.issues).toEqual([]);
  });

  test('deleting the risk an issue came from keeps the issue, without fromRisk, at its version; audited on both', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const risk = await newRisk(t, org, p.id, { confidential: true });
    const issue = ok(
      await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, org.admin),
    ).raiseIssueFromRisk;
    const del = `mutation($id: ID!, $v: Int!) { deleteRisk(id: $id, expectedVersion: $v, reason: "Entered twice") { id entityType } }`;
    expect(ok(await t.gql(del, { id: risk.id, v: risk.version + 1 }, org.admin)).deleteRisk).toEqual({
      id: risk.id,
      entityType: 'Risk',
    });
    expect(ok(await t.gql(ISSUE_BY_ID, { id: issue.id }, org.admin)).issue).toMatchObject({
      fromRisk: null,
      confidential: true,
      version: 1,
      status: 'OPEN',
    });
    const [forgotten] = ok(await t.gql(AUDIT, { id: issue.id }, org.admin)).auditTrail.nodes;
    expect(forgotten.action).toBe('issue.riskDeleted');
    expect(JSON.parse(forgotten.changes)).toEqual({ fromRiskId: [risk.id, null] });
    const [deleted] = ok(await t.gql(AUDIT, { id: risk.id }, org.admin)).auditTrail.nodes;
    expect(JSON.parse(deleted.changes).issueIds).toEqual([[issue.id], null]);
  });
});

test('programmes { issues { programme fromRisk resolutions } }: as many statements for 2 programmes as for 12', async () => {
  // one root list: two roots' levels may fall due apart, which a count compares by chance
  const query = `{ programmes(first: 500) { nodes { code issues { reference programme { code } fromRisk { reference }
    resolutions { id issues { reference } } } } } }`;
  const counts: number[] = [];
  for (const n of [2, 12]) {
    const org = await newOrg(t);
    const resolution = await newResolution(t, org);
    for (let i = 0; i < n; i++) {
      const p = await org.programme();
      const risk = await newRisk(t, org, p.id);
      const issue = ok(
        await t.gql(RAISE_FROM_RISK, { riskId: risk.id, v: risk.version, reference: 'I01' }, org.admin),
      ).raiseIssueFromRisk;
      ok(await t.gql(LINK, { id: resolution, target: { issueId: issue.id } }, org.admin));
      await newIssue(t, org, p.id, { reference: 'I02' });
    }
    await t.gql(`{ me { id } }`, {}, org.admin);
    const before = t.statements();
    const data = ok(await t.gql(query, {}, org.admin));
    counts.push(t.statements() - before);
    expect((await page(org.admin)).totalCount).toBe(2 * n);
    expect(data.programmes.nodes[n - 1].issues).toHaveLength(2);
  }
  expect(counts[1]).toBe(counts[0]);
});
