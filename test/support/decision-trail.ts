import { Org } from './fixtures';
import { ok, TestServer } from './test-server';

// Committees, meetings and resolutions for the decision-trail tests, each made by the org's ADMIN.

const RESOLUTION_FIELDS = 'id agendaItem number text kind outcome version meeting { date }';
export const UPDATE_RESOLUTION = `mutation($id: ID!, $v: Int!, $input: UpdateResolutionInput!) {
  updateResolution(id: $id, expectedVersion: $v, input: $input) { ${RESOLUTION_FIELDS} } }`;
const RECORD = `mutation($input: ResolutionInput!) { recordResolution(input: $input) { ${RESOLUTION_FIELDS} } }`;
const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { action entityType entityId changes } } }`;

export async function committee(t: TestServer, org: Org, name = 'Executive') {
  return ok(await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id name } }`, { name }, org.admin))
    .createCommittee as { id: string; name: string };
}

export async function meeting(t: TestServer, org: Org, committeeId: string, date: string) {
  return ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId, date } },
      org.admin,
    ),
  ).createMeeting.id as string;
}

export async function record(t: TestServer, org: Org, input: Record<string, unknown>) {
  return ok(await t.gql(RECORD, { input }, org.admin)).recordResolution;
}

/** A resolution "T" under item "A", at a meeting of a new committee on 2 October 2018. */
export async function someResolution(t: TestServer, org: Org) {
  return record(t, org, {
    meetingId: await meeting(t, org, (await committee(t, org)).id, '2018-10-02'),
    agendaItem: 'A',
    text: 'T',
  });
}

/** The latest audit event of an entity, its changes parsed. */
export async function lastEvent(t: TestServer, org: Org, id: string) {
  const [event] = ok(await t.gql(AUDIT, { id }, org.admin)).auditTrail.nodes;
  return { ...event, changes: JSON.parse(event.changes) };
}
