import { Case } from './isolation-org-queries';
import { each } from './isolation-mutations-each';

/** Mutations on the organisation and its users: A's objects are NOT_FOUND to every user of B. */
export const ORGANISATION_MUTATIONS: Record<string, Case> = {
  'Mutation.createOrganisation': async (w) => {
    const q = `mutation($name: String!, $email: String!) { createOrganisation(name: $name, adminEmail: $email, adminName: "X") { adminToken } }`;
    await each(w, q, [{ name: `${w.a.org.name} again`, email: w.a.users.ADMIN.email }], 'UNAUTHENTICATED');
  },

  'Mutation.setRiskAppetite': async (w) => {
    const q = `mutation($m: Int!) { setRiskAppetite(category: SAFEGUARDING, maxScore: $m) { id riskAppetite { category maxScore } } }`;
    await each(w, q, [{ m: 20 }], 'FORBIDDEN', ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER']);
    const fresh = await w.fresh();
    const set = (await fresh.send(q, { m: 20 }, fresh.admin, { ghost: false })).data.setRiskAppetite;
    expect(set.riskAppetite).toContainEqual({ category: 'SAFEGUARDING', maxScore: 20 });
  },

  'Mutation.setEscalationThreshold': async (w) => {
    const q = `mutation($score: Int!) { setEscalationThreshold(score: $score) { id escalationThreshold } }`;
    await each(w, q, [{ score: 20 }], 'FORBIDDEN', ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER']);
    const fresh = await w.fresh();
    expect(
      (await fresh.send(q, { score: 20 }, fresh.admin, { ghost: false })).data.setEscalationThreshold.escalationThreshold,
    ).toBe(20);
  },

  'Mutation.createUser': async (w) => {
    const q = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
    const input = (role: string, programmeIds: string[]) => ({
      input: { email: `new.${w.b.marker}@council.gov.uk`, name: 'New', role, programmeIds },
    });
    const { fh, ics } = w.a.programmes;
    await each(w, q, [
      input('PROGRAMME_MANAGER', [fh.id]),
      input('PROGRAMME_MANAGER', [w.b.programmes.fh.id, ics.id]),
      input('MEMBER', [fh.id]),
    ]);
    // e-mails are unique within an organisation only: A's admin e-mail is free elsewhere
    const fresh = await w.fresh();
    const created = await fresh.send(
      q,
      { input: { email: w.a.users.ADMIN.email, name: 'Namesake', role: 'ADMIN' } },
      fresh.admin,
      { ghost: false, echo: true },
    );
    expect(created.errors).toBeUndefined();
  },

  'Mutation.deactivateUser': (w) =>
    each(
      w,
      `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`,
      Object.values(w.a.users).map((u) => ({ id: u.id })),
    ),

  'Mutation.issueToken': (w) =>
    each(
      w,
      `mutation($id: ID!) { issueToken(userId: $id) { token } }`,
      Object.values(w.a.users).map((u) => ({ id: u.id })),
    ),

  'Mutation.updateUser': (w) =>
    each(w, `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, [
      ...Object.values(w.a.users).map((u) => ({ id: u.id, input: { role: 'MEMBER' } })),
      // B's own manager, given A's programme
      { id: w.b.users.PROGRAMME_MANAGER.id, input: { programmeIds: [w.a.programmes.fh.id] } },
    ]),
};
