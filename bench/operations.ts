// The benchmark's operations, as a client sends them: one document each, values in variables.
// Both servers get the same request body; the raw server picks its statement by operationName.

export type OpName = 'O1' | 'O2' | 'O2deep' | 'O3' | 'O4' | 'O5' | 'O6' | 'O7' | 'O8' | 'O9' | 'O10' | 'O11' | 'W1';

const TOTALS = 'planned forecast delivered variance netPlanned netDelivered cumulativePlanned cumulativeDelivered atRisk';

export const DOCUMENTS: Record<OpName, string> = {
  O1: `query O1($first: Int, $minScore: Int) {
    programmes(first: $first) { nodes { code
      risks(filter: {minScore: $minScore}) { reference title current { score rating }
        mitigations { action owner status dueDate overdue } } } } }`,
  O2: `query O2($status: [RiskStatus!], $first: Int, $after: String) {
    risks(filter: {status: $status}, first: $first, after: $after) {
      totalCount nodes { reference title programme { code } current { score } } } }`,
  O2deep: '', // O2's document with a cursor hundreds of pages in (set below)
  O3: `query O3($id: ID!) {
    programme(id: $id) { code name status
      risks { reference title status current { score rating }
        mitigations { action status dueDate overdue kind effectiveness baselineDueDate updates { on note recordedBy } }
        assessments { assessedOn likelihood impact score rating note recordedBy }
        threatensSavings { description financialYear } }
      milestones { title baselineDate forecastDate actualDate status slippageDays }
      savingsLines { description financialYear kind planned forecast delivered
        deliveries { amount recordedOn ledgerReference } threatenedBy { reference current { score } } }
      resolutions { agendaItem number text meeting { date } } } }`,
  O4: `query O4 { programmes { nodes { code savingsLines { financialYear planned forecast delivered } } } }`,
  O5: `query O5($groupBy: [SavingsGrouping!]) {
    savingsReconciliation(groupBy: $groupBy) {
      rows { programme { code } financialYear totals { ${TOTALS} } } totals { ${TOTALS} } } }`,
  O6: `query O6($first: Int) {
    resolutions(first: $first) { nodes { text meeting { date committee { name } } programmes { code } risks { reference } } } }`,
  O7: `query O7($first: Int) {
    mitigations(filter: {overdue: true}, first: $first) {
      totalCount nodes { action owner dueDate status overdue createdOn risk { reference title programme { code } } } } }`,
  O8: `query O8($first: Int) {
    committeeActions(filter: {status: [OPEN]}, first: $first) {
      totalCount nodes { text owner dueDate overdue meeting { date committee { name } } programme { code } } } }`,
  O9: `query O9($id: ID!, $since: Date) {
    changesSince(programmeId: $id, since: $since) { since
      riskMoves { risk { reference } before { score rating } after { score rating } assessments { assessedOn score note } }
      newRisks { reference title } closedRisks { reference closedOn }
      mitigationsCompleted { action completedOn } mitigationsNowOverdue { action dueDate }
      mitigationsRescheduled { mitigation { action } dueDateBefore dueDateAfter }
      milestonesMoved { milestone { title } forecastDateBefore forecastDateAfter slippageChange }
      savingsChanged { savingsLine { description financialYear } forecastBefore forecastAfter plannedBefore plannedAfter }
      deliveries { amount recordedOn } resolutions { text agendaItem number }
      openActions { text dueDate overdue } } }`,
  O10: `query O10($first: Int) {
    issues(first: $first) {
      totalCount nodes { reference title owner priority status raisedOn resolvedOn confidential programme { code name }
        fromRisk { reference status current { score rating } } resolutions { text meeting { date } } } } }`,
  O11: `query O11($first: Int) {
    programmes(first: $first) { nodes { code health { rating commentary asOf recordedBy }
      healthHistory { rating commentary asOf recordedBy } } } }`,
  W1: `mutation W1($riskId: ID!, $expectedVersion: Int!, $input: RiskAssessmentInput!) {
    assessRisk(riskId: $riskId, expectedVersion: $expectedVersion, input: $input) { id version current { score } } }`,
};
DOCUMENTS.O2deep = DOCUMENTS.O2.replace('query O2(', 'query O2deep(');

export const READS: OpName[] = ['O1', 'O2', 'O2deep', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'O10', 'O11'];

/** What the reads need from the data: a programme id and two cursors. */
export interface Fixtures {
  programmeId: string;
  page3: string;
  deep: { page: number; cursor: string };
}

export function variables(op: OpName, f: Fixtures): Record<string, unknown> {
  switch (op) {
    case 'O1':
      return { first: 50, minScore: 15 };
    case 'O2':
      return { status: ['OPEN'], first: 20, after: f.page3 };
    case 'O2deep':
      return { status: ['OPEN'], first: 20, after: f.deep.cursor };
    case 'O3':
      return { id: f.programmeId };
    case 'O4':
      return {};
    case 'O5':
      return { groupBy: ['PROGRAMME', 'FINANCIAL_YEAR'] };
    case 'O6':
    case 'O7':
    case 'O8':
    case 'O10':
    case 'O11':
      return { first: 50 };
    case 'O9':
      // after some risks' inherent assessments and before others': every list has rows (resolutions from Tiny x5 on)
      return { id: f.programmeId, since: '2019-01-05' };
    case 'W1':
      throw new Error('W1 takes per-request variables');
  }
}

export function body(op: OpName, f: Fixtures): string {
  return JSON.stringify({ operationName: op, query: DOCUMENTS[op], variables: variables(op, f) });
}
