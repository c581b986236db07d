import { Role } from './isolation-seed';
import { ok, TestServer } from './test-server';

// What a caller of the isolation tests sees of its organisation, and the ids in it.

const TOTALS = 'planned forecast delivered variance netPlanned netDelivered';
const LINKS = 'programmes { id } risks { id } milestones { id } savingsLines { id } issues { id }';

/**
 * Everything a caller sees of its organisation, cursors, counts and versions included (every
 * list in one page). Answers must not change when another organisation acts, nor when an
 * outsider's attempt is refused. `users` and `auditTrail` only for callers allowed them.
 */
export async function viewOf(t: TestServer, token: string, role: Role = 'ADMIN'): Promise<Record<string, unknown>> {
  const get = async (query: string) => ok(await t.gql(query, {}, token));
  const page = 'totalCount pageInfo { hasNextPage endCursor }';
  return {
    ...(await get(`{ organisation { id name riskAppetite { category maxScore } } me { id email name role programmes { id } } }`)),
    ...(role === 'ADMIN' ? await get(`{ users { id email name role active programmes { id } } }`) : {}),
    ...(await get(`{ programmes(first: 500) { ${page} nodes { id code name description status owner startDate endDate version updatedAt
      resolutions { id } health { rating commentary asOf recordedBy } healthHistory { rating commentary asOf recordedBy }
      milestones { id title baselineDate forecastDate actualDate status slippageDays version resolutions { id } } } } }`)),
    risksOfProgrammes: (
      await get(`{ programmes(first: 500) { nodes { risks { id reference title description category owner status version
      updatedAt confidential reviewDate reviewOverdue closedOn closedReason trend withinAppetite inherent { score } current { score rating }
      target { score } resolutions { id } } } } }`)
    ).programmes,
    mitigations: (
      await get(`{ programmes(first: 500) { nodes { risks { id mitigations { id action owner dueDate status completedOn overdue version risk { id } }
      assessments { id assessedOn likelihood impact score note recordedBy } } } } }`)
    ).programmes,
    savings: (
      await get(`{ programmes(first: 500) { nodes { savingsLines { id description kind category financialYear recurring planned forecast
      delivered confidence version deliveries { id amount recordedOn ledgerReference note } resolutions { id } } } } }`)
    ).programmes,
    ...(await get(
      `{ committees { id name meetings { id date committee { id } resolutions { id agendaItem number text version meeting { id } ${LINKS}
      actions { id } } actions { id } } } }`,
    )),
    ...(await get(`{ committeeActions(first: 500) { ${page} nodes { id text owner dueDate status completedOn overdue version
      meeting { id } resolution { id } programme { id actions { id } } reportTo { id } } } }`)),
    ...(await get(`{ issues(first: 500) { ${page} nodes { id reference title description owner priority status raisedOn resolvedOn
      resolutionNote confidential version programme { id issues { id } } fromRisk { id } resolutions { id } } } }`)),
    ...(await get(`{ risks(first: 500) { ${page} nodes { id } } milestones(first: 500) { ${page} nodes { id } }
      resolutions(first: 500) { ${page} nodes { id ${LINKS} } }
      current: riskMatrix { total cells { likelihood impact count } } inherent: riskMatrix(basis: INHERENT) { total cells { count } }
      target: riskMatrix(basis: TARGET) { total cells { count } } }`)),
    ...(await get(`{ savingsReconciliation(groupBy: [PROGRAMME, FINANCIAL_YEAR, CATEGORY, KIND]) {
      totals { ${TOTALS} } rows { programme { id } financialYear category kind totals { ${TOTALS} } } } }`)),
    ...(role === 'MEMBER'
      ? {}
      : await get(`{ auditTrail(first: 500) { ${page} nodes { id at actor action entityType entityId changes } } }`)),
  };
}

/** Every id in a view: what an outsider must never see. */
export function idsIn(view: unknown): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
      ids.add(v.toLowerCase());
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(view);
  return [...ids];
}
