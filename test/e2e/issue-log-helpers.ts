import { Org } from '../support/fixtures';
import { ok, TestServer } from '../support/test-server';

/** Documents and small factories shared by the issue log's e2e tests. */
export const ISSUE = `id reference title description owner priority status raisedOn resolvedOn resolutionNote confidential version
  programme { id code } fromRisk { id reference status }`;

export const RAISE = `mutation($input: IssueInput!) { raiseIssue(input: $input) { ${ISSUE} } }`;
export const RAISE_FROM_RISK = `mutation($riskId: ID!, $v: Int!, $reference: String!, $raisedOn: Date) {
  raiseIssueFromRisk(riskId: $riskId, expectedVersion: $v, reference: $reference, raisedOn: $raisedOn) { ${ISSUE} } }`;
export const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateIssueInput!) { updateIssue(id: $id, expectedVersion: $v, input: $input) { ${ISSUE} } }`;
export const RESOLVE = `mutation($id: ID!, $v: Int!, $note: String!, $on: Date) {
  resolveIssue(id: $id, expectedVersion: $v, resolutionNote: $note, resolvedOn: $on) { ${ISSUE} } }`;
export const ISSUE_BY_ID = `query($id: ID!) { issue(id: $id) { ${ISSUE} resolutions { id } } }`;
export const LIST = `query($filter: IssueFilter, $first: Int, $after: String) {
  issues(filter: $filter, first: $first, after: $after) { totalCount nodes { reference status priority programme { code } }
  pageInfo { hasNextPage endCursor } } }`;
export const OF_PROGRAMME = `query($id: ID!) { programme(id: $id) { issues { reference raisedOn } } }`;
export const AUDIT = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action entityType changes } } }`;
export const LINK = `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id issues { reference } } }`;

export const FUTURE = '2999-12-31';

/** Raises an issue directly (as the ADMIN unless a token is given) and returns it. */
export async function newIssue(
  t: TestServer,
  org: Org,
  programmeId: string,
  input: Record<string, unknown> = {},
  token = org.admin,
) {
  const res = await t.gql(
    RAISE,
    { input: { programmeId, reference: 'I01', title: 'Two hub sites not ready', priority: 'AMBER', ...input } },
    token,
  );
  return ok(res).raiseIssue;
}

/** A committee meeting's resolution, for links. */
export async function newResolution(t: TestServer, org: Org) {
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Cabinet") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($c: ID!) { createMeeting(input: {committeeId: $c, date: "2018-09-12"}) { id } }`,
      { c: committee.id },
      org.admin,
    ),
  ).createMeeting;
  return ok(
    await t.gql(
      `mutation($m: ID!) { recordResolution(input: {meetingId: $m, agendaItem: "FAMILY HUBS", text: "That the plan be agreed."}) { id } }`,
      { m: meeting.id },
      org.admin,
    ),
  ).recordResolution.id as string;
}
