import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { newRisk } from './risk-helpers';

// updateUser: a programme manager assigned later gets the programme; roles change at once on the
// user's tokens; the last active ADMIN stays ADMIN.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name role programmes { code } } }`;
const ME = `{ me { id name role programmes { code } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`;

test('a PROGRAMME_MANAGER is given another programme and may edit it at once; the change is audited', async () => {
  const org = await newOrg(t);
  const [a, b] = [await org.programme({ code: 'A-01' }), await org.programme({ code: 'B-02' })];
  const pm = await org.user('PROGRAMME_MANAGER', [a.id]);
  const me = ok(await t.gql(ME, {}, pm)).me;
  expect(
    errorOf(
      await t.gql(
        `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
        {
          input: { programmeId: b.id, reference: 'R01', title: 'T', category: 'LEGAL', inherent: { likelihood: 1, impact: 1 } },
        },
        pm,
      ),
    ).code,
  ).toBe('FORBIDDEN');
  const updated = ok(
    await t.gql(UPDATE, { id: me.id, input: { programmeIds: [b.id, b.id], name: ' Pat Manager ' } }, org.admin),
  ).updateUser;
  expect(updated).toEqual({ id: me.id, name: 'Pat Manager', role: 'PROGRAMME_MANAGER', programmes: [{ code: 'B-02' }] });
  await newRisk(t, org, b.id, {}, pm);
  expect(ok(await t.gql(ME, {}, pm)).me.programmes).toEqual([{ code: 'B-02' }]);
  const [event] = ok(await t.gql(TRAIL, { id: me.id }, org.admin)).auditTrail.nodes;
  expect(event.action).toBe('user.updated');
  expect(JSON.parse(event.changes)).toEqual({ name: ['A PROGRAMME_MANAGER', 'Pat Manager'], programmeIds: [[a.id], [b.id]] });
});

test('a new role applies at once; one that is not PROGRAMME_MANAGER loses its programmes', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
  const { id } = ok(await t.gql(ME, {}, pm)).me;
  expect(ok(await t.gql(UPDATE, { id, input: { role: 'MEMBER' } }, org.admin)).updateUser).toMatchObject({
    role: 'MEMBER',
    programmes: [],
  });
  expect(ok(await t.gql(ME, {}, pm)).me.role).toBe('MEMBER');
  expect(errorOf(await t.gql(`{ auditTrail { totalCount } }`, {}, pm)).code).toBe('FORBIDDEN');
  expect(ok(await t.gql(UPDATE, { id, input: { role: 'ADMIN' } }, org.admin)).updateUser.role).toBe('ADMIN');
  ok(await t.gql(`{ auditTrail { totalCount } }`, {}, pm));
});

test('the last active ADMIN stays ADMIN (BAD_USER_INPUT, field role); with another ADMIN it may change', async () => {
  const org = await newOrg(t);
  const admin = ok(await t.gql(ME, {}, org.admin)).me;
  expect(errorOf(await t.gql(UPDATE, { id: admin.id, input: { role: 'FINANCE' } }, org.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'role',
  });
  // a deactivated ADMIN does not count
  const spare = await org.user('ADMIN');
  const spareId = ok(await t.gql(ME, {}, spare)).me.id;
  ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: spareId }, org.admin));
  expect(errorOf(await t.gql(UPDATE, { id: admin.id, input: { role: 'MEMBER' } }, org.admin)).field).toBe('role');
  const second = await org.user('ADMIN');
  ok(await t.gql(UPDATE, { id: admin.id, input: { role: 'FINANCE' } }, org.admin));
  expect(ok(await t.gql(ME, {}, org.admin)).me.role).toBe('FINANCE');
  const secondId = ok(await t.gql(ME, {}, second)).me.id;
  expect(errorOf(await t.gql(UPDATE, { id: secondId, input: { role: 'MEMBER' } }, second)).field).toBe('role');
});

test('malformed input, NOT_FOUND, FORBIDDEN and the programme rule in the contract’s order; nothing is written', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const member = await org.user('MEMBER');
  const memberId = ok(await t.gql(ME, {}, member)).me.id;
  const other = await newOrg(t);
  const theirs = await other.programme();
  const send = (id: string, input: object, token = org.admin) => t.gql(UPDATE, { id, input }, token);
  expect(errorOf(await send('nonsense', { name: ' ' }, member))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  expect(errorOf(await send(memberId, { role: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  expect(errorOf(await send('nonsense', { name: 'X' })).code).toBe('NOT_FOUND');
  expect(errorOf(await send(memberId, { name: 'X' }, other.admin)).code).toBe('NOT_FOUND');
  expect(errorOf(await send(memberId, { programmeIds: [theirs.id] })).code).toBe('NOT_FOUND');
  expect(errorOf(await send(memberId, { programmeIds: [theirs.id] }, member)).code).toBe('NOT_FOUND');
  expect(errorOf(await send(memberId, { name: 'X' }, member)).code).toBe('FORBIDDEN');
  expect(errorOf(await send(memberId, { programmeIds: [p.id] }))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'programmeIds',
  });
  expect(ok(await t.gql(ME, {}, member)).me).toMatchObject({ name: 'A MEMBER', role: 'MEMBER', programmes: [] });
});
