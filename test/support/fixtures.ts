import { randomUUID } from 'node:crypto';
import { ok, OPERATOR_SECRET, TestServer } from './test-server';

export type Role = 'ADMIN' | 'PROGRAMME_MANAGER' | 'FINANCE' | 'MEMBER';

/** An organisation of its own for each test, so tests never see each other's rows. */
export interface Org {
  id: string;
  admin: string;
  user(role: Role, programmeIds?: string[]): Promise<string>;
  programme(fields?: Record<string, unknown>): Promise<{ id: string; code: string; version: number }>;
}

const unique = () => randomUUID().slice(0, 8);

export async function newOrg(t: Pick<TestServer, 'gql'>, name = `Council ${unique()}`): Promise<Org> {
  const data = ok(
    await t.gql(
      `mutation($name: String!, $email: String!) {
         createOrganisation(name: $name, adminEmail: $email, adminName: "Ada Admin") { organisation { id } adminToken }
       }`,
      { name, email: `admin-${unique()}@council.gov.uk` },
      OPERATOR_SECRET,
    ),
  ).createOrganisation;
  const admin: string = data.adminToken;
  return {
    id: data.organisation.id,
    admin,
    async user(role, programmeIds) {
      const res = await t.gql(
        `mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`,
        { input: { email: `${role.toLowerCase()}-${unique()}@council.gov.uk`, name: `A ${role}`, role, programmeIds } },
        admin,
      );
      return ok(res).createUser.token;
    },
    async programme(fields = {}) {
      const res = await t.gql(
        `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id code version } }`,
        { input: { code: `P-${unique()}`, name: 'Family Hubs', ...fields } },
        admin,
      );
      return ok(res).createProgramme;
    },
  };
}
