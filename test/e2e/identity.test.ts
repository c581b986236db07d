import { newOrg } from '../support/fixtures';
import { errorOf, ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE_ORG = `mutation($name: String!, $email: String!) {
  createOrganisation(name: $name, adminEmail: $email, adminName: "Ada") { organisation { id name riskAppetite { category maxScore } } adminToken }
}`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { token user { id email role programmes { code } } } }`;

describe('createOrganisation', () => {
  test('the operator creates an organisation whose first ADMIN can sign in; appetite defaults to 12', async () => {
    const res = ok(await t.gql(CREATE_ORG, { name: 'Bradford', email: 'ops@bradford.gov.uk' }, OPERATOR_SECRET));
    const { organisation, adminToken } = res.createOrganisation;
    expect(organisation.name).toBe('Bradford');
    expect(organisation.riskAppetite).toHaveLength(9);
    expect(organisation.riskAppetite.every((a: { maxScore: number }) => a.maxScore === 12)).toBe(true);
    // pr_<organisation>_<random>: at least 128 random bits (22 base64url characters)
    const random = adminToken.split('_').slice(2).join('_');
    expect(random.length).toBeGreaterThanOrEqual(22);
    const me = ok(await t.gql(`{ me { email role } organisation { id } }`, {}, adminToken));
    expect(me).toEqual({ me: { email: 'ops@bradford.gov.uk', role: 'ADMIN' }, organisation: { id: organisation.id } });
  });

  test('any other bearer, a user token included, is UNAUTHENTICATED', async () => {
    const org = await newOrg(t);
    for (const token of [org.admin, 'nonsense', undefined]) {
      expect(errorOf(await t.gql(CREATE_ORG, { name: 'X', email: 'a@b.gov.uk' }, token)).code).toBe('UNAUTHENTICATED');
    }
  });

  test('the operator secret is no user token', async () => {
    expect(errorOf(await t.gql(`{ me { id } }`, {}, OPERATOR_SECRET)).code).toBe('UNAUTHENTICATED');
  });

  test('bad names and e-mails are BAD_USER_INPUT naming the field', async () => {
    expect(errorOf(await t.gql(CREATE_ORG, { name: '  ', email: 'a@b.gov.uk' }, OPERATOR_SECRET))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    expect(errorOf(await t.gql(CREATE_ORG, { name: 'X', email: 'not-an-email' }, OPERATOR_SECRET))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'adminEmail',
    });
  });

  test('is disabled when the server has no ADMIN_SECRET', async () => {
    const other = await startTestServer({ adminSecret: undefined });
    try {
      expect(errorOf(await other.gql(CREATE_ORG, { name: 'X', email: 'a@b.gov.uk' }, OPERATOR_SECRET)).code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      await other.close();
    }
  });
});

describe('createUser', () => {
  test('an ADMIN creates users with roles and programme assignments; each token works once issued', async () => {
    const org = await newOrg(t);
    const p = await org.programme({ code: 'FH-2018' });
    const res = ok(
      await t.gql(
        CREATE_USER,
        { input: { email: 'Jim@Council.gov.uk', name: 'Jim', role: 'PROGRAMME_MANAGER', programmeIds: [p.id] } },
        org.admin,
      ),
    ).createUser;
    expect(res.user).toMatchObject({ email: 'Jim@Council.gov.uk', role: 'PROGRAMME_MANAGER', programmes: [{ code: 'FH-2018' }] });
    expect(ok(await t.gql(`{ me { id role programmes { id } } }`, {}, res.token)).me).toEqual({
      id: res.user.id,
      role: 'PROGRAMME_MANAGER',
      programmes: [{ id: p.id }],
    });
  });

  test('e-mails are unique ignoring case (CONFLICT)', async () => {
    const org = await newOrg(t);
    ok(await t.gql(CREATE_USER, { input: { email: 'cllr@council.gov.uk', name: 'A', role: 'MEMBER' } }, org.admin));
    const again = await t.gql(CREATE_USER, { input: { email: 'CLLR@council.gov.uk', name: 'B', role: 'MEMBER' } }, org.admin);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  test('only an ADMIN creates users', async () => {
    const org = await newOrg(t);
    for (const role of ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'] as const) {
      const token = await org.user(role);
      const res = await t.gql(CREATE_USER, { input: { email: 'x@council.gov.uk', name: 'X', role: 'MEMBER' } }, token);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
  });

  test("another organisation's programme cannot be assigned (NOT_FOUND), nothing is written", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    const theirs = await b.programme();
    const res = await t.gql(
      CREATE_USER,
      { input: { email: 'pm@a.gov.uk', name: 'PM', role: 'PROGRAMME_MANAGER', programmeIds: [theirs.id] } },
      a.admin,
    );
    expect(errorOf(res).code).toBe('NOT_FOUND');
    const retry = await t.gql(CREATE_USER, { input: { email: 'pm@a.gov.uk', name: 'PM', role: 'PROGRAMME_MANAGER' } }, a.admin);
    expect(ok(retry).createUser.user.email).toBe('pm@a.gov.uk');
  });
});

describe('setRiskAppetite', () => {
  test('an ADMIN sets one category; the others stay at 12', async () => {
    const org = await newOrg(t);
    const res = ok(
      await t.gql(
        `mutation { setRiskAppetite(category: SAFEGUARDING, maxScore: 8) { riskAppetite { category maxScore } } }`,
        {},
        org.admin,
      ),
    );
    const appetite = Object.fromEntries(
      res.setRiskAppetite.riskAppetite.map((a: { category: string; maxScore: number }) => [a.category, a.maxScore]),
    );
    expect(appetite.SAFEGUARDING).toBe(8);
    expect(appetite.FINANCIAL).toBe(12);
  });

  test('maxScore is 1 to 25 and only an ADMIN sets it', async () => {
    const org = await newOrg(t);
    for (const maxScore of [0, 26]) {
      expect(
        errorOf(
          await t.gql(`mutation($m: Int!) { setRiskAppetite(category: LEGAL, maxScore: $m) { id } }`, { m: maxScore }, org.admin),
        ),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'maxScore',
      });
    }
    const member = await org.user('MEMBER');
    expect(errorOf(await t.gql(`mutation { setRiskAppetite(category: LEGAL, maxScore: 5) { id } }`, {}, member)).code).toBe(
      'FORBIDDEN',
    );
  });
});

test('no token, an unknown token, or a forged one is UNAUTHENTICATED; introspection is open', async () => {
  const org = await newOrg(t);
  const forged = org.admin.slice(0, -4) + 'AAAA';
  for (const token of [undefined, 'pr_00000000000000000000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', forged]) {
    expect(errorOf(await t.gql(`{ organisation { id } }`, {}, token)).code).toBe('UNAUTHENTICATED');
  }
  expect(ok(await t.gql(`{ __schema { queryType { name } } }`)).__schema.queryType.name).toBe('Query');
});
