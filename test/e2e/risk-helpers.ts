import { Org } from '../support/fixtures';
import { errorOf, GraphQLResponse, ok, TestServer } from '../support/test-server';

/** Documents and small factories shared by the risk e2e tests. */
export const SCORE = `likelihood impact score rating`;
export const RISK = `id reference title description category owner status version confidential reviewDate reviewOverdue
  closedOn closedReason trend withinAppetite programme { code } inherent { ${SCORE} } current { ${SCORE} } target { ${SCORE} }`;

export const CREATE = `mutation($input: CreateRiskInput!) { createRisk(input: $input) { ${RISK} } }`;
export const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateRiskInput!) { updateRisk(id: $id, expectedVersion: $v, input: $input) { ${RISK} } }`;
export const ASSESS = `mutation($id: ID!, $v: Int!, $input: RiskAssessmentInput!) {
  assessRisk(riskId: $id, expectedVersion: $v, input: $input) { ${RISK} assessments { assessedOn ${SCORE} note recordedBy } } }`;
export const CLOSE = `mutation($id: ID!, $v: Int!, $reason: String!) { closeRisk(id: $id, expectedVersion: $v, reason: $reason) { ${RISK} } }`;
export const MITIGATION = `id action owner dueDate status completedOn overdue version risk { id version }`;
export const ADD_MITIGATION = `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { ${MITIGATION} } }`;
export const UPDATE_MITIGATION = `mutation($id: ID!, $v: Int!, $input: UpdateMitigationInput!) {
  updateMitigation(id: $id, expectedVersion: $v, input: $input) { ${MITIGATION} } }`;
export const RISK_BY_ID = `query($id: ID!) { risk(id: $id) { ${RISK} mitigations { ${MITIGATION} } assessments { assessedOn ${SCORE} note recordedBy } } }`;
export const LIST = `query($filter: RiskFilter, $first: Int, $after: String) {
  risks(filter: $filter, first: $first, after: $after) { totalCount nodes { reference current { score } programme { code } } pageInfo { hasNextPage endCursor } } }`;
export const MATRIX = `query($programmeId: ID, $basis: ScoreBasis) { riskMatrix(programmeId: $programmeId, basis: $basis) { total cells { likelihood impact count } } }`;

export const PAST = '2001-01-01';
export const FUTURE = '2999-12-31';

export interface RiskInput {
  reference?: string;
  title?: string;
  category?: string;
  inherent?: { likelihood: number; impact: number };
  target?: { likelihood: number; impact: number } | null;
  [field: string]: unknown;
}

/** Creates a risk (as the ADMIN unless a token is given) and returns it. */
export async function newRisk(
  t: Pick<TestServer, 'gql'>,
  org: Org,
  programmeId: string,
  input: RiskInput = {},
  token = org.admin,
) {
  const res = await t.gql(
    CREATE,
    {
      input: {
        programmeId,
        reference: 'R01',
        title: 'Service failure when staff move offices',
        category: 'SERVICE_DELIVERY',
        inherent: { likelihood: 4, impact: 4 },
        ...input,
      },
    },
    token,
  );
  return ok(res).createRisk;
}

export const code = (res: GraphQLResponse) => errorOf(res).code;

/** The references of a `risks` page, in order. */
export async function references(t: TestServer, token: string, filter: object = {}): Promise<string[]> {
  return ok(await t.gql(LIST, { filter }, token)).risks.nodes.map((n: { reference: string }) => n.reference);
}

export async function emailOf(t: TestServer, token: string): Promise<string> {
  return ok(await t.gql(`{ me { email } }`, {}, token)).me.email;
}
