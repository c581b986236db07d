import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id code name status owner startDate endDate version updatedAt } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, expectedVersion: $v, input: $input) { id name status owner description version } }`;
const LIST = `query($filter: ProgrammeFilter, $first: Int, $after: String) {
  programmes(filter: $filter, first: $first, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } }
}`;

describe('createProgramme', () => {
  test('an ADMIN creates a programme; status defaults to PROPOSED', async () => {
    const org = await newOrg(t);
    const input = {
      code: 'FH-2018',
      name: 'Family Hubs',
      owner: 'Strategic Director',
      startDate: '2018-04-03',
      endDate: '2021-03-31',
    };
    const p = ok(await t.gql(CREATE, { input }, org.admin)).createProgramme;
    expect(p).toMatchObject({ ...input, status: 'PROPOSED', version: 1 });
    expect(new Date(p.updatedAt).toISOString()).toBe(p.updatedAt);
    expect(ok(await t.gql(`query($id: ID!) { programme(id: $id) { code } }`, { id: p.id }, org.admin)).programme.code).toBe(
      'FH-2018',
    );
  });

  test('codes are unique within an organisation (CONFLICT) but not across organisations', async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    ok(await t.gql(CREATE, { input: { code: 'ICS-2011', name: 'ICS' } }, a.admin));
    expect(errorOf(await t.gql(CREATE, { input: { code: 'ICS-2011', name: 'Again' } }, a.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'code',
    });
    ok(await t.gql(CREATE, { input: { code: 'ICS-2011', name: 'ICS' } }, b.admin));
  });

  test.each([
    [{ code: 'X', name: '' }, 'name'],
    [{ code: '', name: 'X' }, 'code'],
    [{ code: 'X', name: 'X', startDate: '2018-02-30' }, 'startDate'],
    [{ code: 'X', name: 'X', startDate: '2019-01-01', endDate: '2018-01-01' }, 'endDate'],
  ])('bad input %j is BAD_USER_INPUT on %s', async (input, field) => {
    const org = await newOrg(t);
    expect(errorOf(await t.gql(CREATE, { input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(ok(await t.gql(LIST, {}, org.admin)).programmes.totalCount).toBe(0);
  });

  test('a bad date written in the document is BAD_USER_INPUT naming the field', async () => {
    const org = await newOrg(t);
    const res = await t.gql(
      `mutation { createProgramme(input: {code: "X", name: "X", startDate: "2018-02-30"}) { id } }`,
      {},
      org.admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startDate' });
  });

  test('only an ADMIN creates programmes', async () => {
    const org = await newOrg(t);
    for (const role of ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'] as const) {
      expect(errorOf(await t.gql(CREATE, { input: { code: 'X', name: 'X' } }, await org.user(role))).code).toBe('FORBIDDEN');
    }
  });
});

describe('updateProgramme', () => {
  test('moves the version and changes only the fields given; a stale version is CONFLICT with nothing written', async () => {
    const org = await newOrg(t);
    const p = await org.programme({ description: 'Prevention and early help' });
    const updated = ok(
      await t.gql(UPDATE, { id: p.id, v: 1, input: { status: 'IMPLEMENTATION', owner: 'Director' } }, org.admin),
    ).updateProgramme;
    expect(updated).toMatchObject({
      status: 'IMPLEMENTATION',
      owner: 'Director',
      description: 'Prevention and early help',
      version: 2,
    });
    expect(errorOf(await t.gql(UPDATE, { id: p.id, v: 1, input: { name: 'Stale' } }, org.admin)).code).toBe('CONFLICT');
    const now = ok(await t.gql(`query($id: ID!) { programme(id: $id) { name version } }`, { id: p.id }, org.admin)).programme;
    expect(now).toEqual({ name: 'Family Hubs', version: 2 });
  });

  test('a PROGRAMME_MANAGER edits only assigned programmes; FINANCE and MEMBER never', async () => {
    const org = await newOrg(t);
    const [mine, other] = [await org.programme(), await org.programme()];
    const pm = await org.user('PROGRAMME_MANAGER', [mine.id]);
    expect(ok(await t.gql(UPDATE, { id: mine.id, v: 1, input: { status: 'APPROVED' } }, pm)).updateProgramme.status).toBe(
      'APPROVED',
    );
    expect(errorOf(await t.gql(UPDATE, { id: other.id, v: 1, input: { status: 'APPROVED' } }, pm)).code).toBe('FORBIDDEN');
    for (const role of ['FINANCE', 'MEMBER'] as const) {
      expect(errorOf(await t.gql(UPDATE, { id: other.id, v: 1, input: { status: 'APPROVED' } }, await org.user(role))).code).toBe(
        'FORBIDDEN',
      );
    }
  });

  test("another organisation's programme is NOT_FOUND, and null by id", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    const theirs = await b.programme();
    expect(errorOf(await t.gql(UPDATE, { id: theirs.id, v: 1, input: { name: 'Mine' } }, a.admin)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(UPDATE, { id: 'not-an-id', v: 1, input: { name: 'Mine' } }, a.admin)).code).toBe('NOT_FOUND');
    expect(ok(await t.gql(`query($id: ID!) { programme(id: $id) { id } }`, { id: theirs.id }, a.admin)).programme).toBeNull();
  });

  test('of concurrent writers with one version exactly one wins; the others get CONFLICT', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.gql(UPDATE, { id: p.id, v: 1, input: { name: `Writer ${i}` } }, org.admin)),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(9);
    const now = ok(await t.gql(`query($id: ID!) { programme(id: $id) { name version } }`, { id: p.id }, org.admin)).programme;
    expect(now).toEqual({ name: winners[0].data.updateProgramme.name, version: 2 });
  });
});

describe('programmes', () => {
  test('filters by status and by search (case-insensitive, % and _ literal), ordered by code, paginated', async () => {
    const org = await newOrg(t);
    for (const [code, name, status] of [
      ['LW-2020', 'Locality Working', 'APPROVED'],
      ['FH-2018', 'Family Hubs', 'IMPLEMENTATION'],
      ['CCR-2019', 'Children_s Centres 100%', 'CONSULTATION'],
      ['ICS-2011', 'Integrated Children’s Services', 'IMPLEMENTATION'],
    ]) {
      await org.programme({ code, name, status });
    }
    const all = ok(await t.gql(LIST, {}, org.admin)).programmes;
    expect(all.nodes.map((n: { code: string }) => n.code)).toEqual(['CCR-2019', 'FH-2018', 'ICS-2011', 'LW-2020']);
    expect(all.totalCount).toBe(4);
    const impl = ok(await t.gql(LIST, { filter: { status: ['IMPLEMENTATION'] } }, org.admin)).programmes;
    expect(impl.nodes.map((n: { code: string }) => n.code)).toEqual(['FH-2018', 'ICS-2011']);
    const search = async (s: string) =>
      ok(await t.gql(LIST, { filter: { search: s } }, org.admin)).programmes.nodes.map((n: { code: string }) => n.code);
    expect(await search('family')).toEqual(['FH-2018']);
    expect(await search('100%')).toEqual(['CCR-2019']);
    expect(await search('n_s')).toEqual(['CCR-2019']);
    expect(await search('%')).toEqual(['CCR-2019']);

    const page1 = ok(await t.gql(LIST, { first: 3 }, org.admin)).programmes;
    expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const page2 = ok(await t.gql(LIST, { first: 3, after: page1.pageInfo.endCursor }, org.admin)).programmes;
    expect(page2.nodes.map((n: { code: string }) => n.code)).toEqual(['LW-2020']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  test('first must be 1 to 500 and after a cursor of this list', async () => {
    const org = await newOrg(t);
    for (const first of [0, 501, -1]) {
      expect(errorOf(await t.gql(LIST, { first }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    expect(errorOf(await t.gql(LIST, { after: 'garbage' }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const empty = ok(await t.gql(LIST, { first: 500 }, org.admin)).programmes;
    expect(empty).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test("never shows another organisation's programmes", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    await b.programme({ code: 'THEIRS' });
    expect(ok(await t.gql(LIST, {}, a.admin)).programmes).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
