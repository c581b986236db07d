import { Org } from '../support/fixtures';
import { ok, TestServer } from '../support/test-server';

/** Documents and a small committee cycle shared by the committee action e2e tests. */
export const ACTION = `id text owner dueDate status completedOn overdue version
  meeting { id date committee { name } } resolution { id number } programme { code } reportTo { name }`;
export const RECORD = `mutation($input: CommitteeActionInput!) { recordCommitteeAction(input: $input) { ${ACTION} } }`;
export const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCommitteeActionInput!) {
  updateCommitteeAction(id: $id, expectedVersion: $v, input: $input) { ${ACTION} } }`;
export const LIST = `query($filter: CommitteeActionFilter, $first: Int, $after: String) {
  committeeActions(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id text overdue } pageInfo { hasNextPage endCursor } } }`;

/** Days from today (Europe/London), as a date: what "overdue" is measured against. */
export function daysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The minutes' cycle: a scrutiny panel meets and recommends a) and b) to the Executive, which meets
 * later; the Family Hubs programme; a PROGRAMME_MANAGER of it.
 */
export async function scrutinyCycle(t: TestServer, org: Org) {
  const run = async (query: string, variables: Record<string, unknown>) =>
    Object.values(ok(await t.gql(query, variables, org.admin)) as object)[0];
  const committee = (name: string) => run(`mutation($name: String!) { createCommittee(name: $name) { id name } }`, { name });
  const meeting = async (committeeId: string, date: string) =>
    (await run(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, { input: { committeeId, date } })).id;
  const panel = await committee('Children and Families Scrutiny Panel');
  const executive = await committee('Executive');
  const panelMeeting = await meeting(panel.id, '2019-03-12');
  const laterPanel = await meeting(panel.id, '2019-09-10');
  const executiveMeeting = await meeting(executive.id, '2019-04-02');
  const recommend = async (number: string, text: string) =>
    (
      await run(`mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, {
        input: {
          meetingId: panelMeeting,
          agendaItem: 'FAMILY HUBS IMPLEMENTATION',
          number,
          text,
          kind: 'RECOMMENDATION',
          referredToCommitteeId: executive.id,
        },
      })
    ).id;
  const recommendations = {
    a: await recommend('a', 'That a dashboard of hub use be circulated to Members.'),
    b: await recommend('b', 'That the impact be reported to the Panel in six months.'),
  };
  const programme = await org.programme({ name: 'Family Hubs' });
  const other = await org.programme({ name: 'Integrated Care' });
  const pm = await org.user('PROGRAMME_MANAGER', [programme.id]);
  return { panel, executive, panelMeeting, laterPanel, executiveMeeting, recommendations, programme, other, pm };
}

export type Cycle = Awaited<ReturnType<typeof scrutinyCycle>>;

/** Records an action (as the ADMIN unless a token is given) and answers it. */
export async function recordAction(t: TestServer, org: Org, input: Record<string, unknown>, token = org.admin) {
  return ok(await t.gql(RECORD, { input }, token)).recordCommitteeAction;
}
