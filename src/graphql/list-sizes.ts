import { getNullableType, GraphQLSchema, isListType, isObjectType } from 'graphql';

/**
 * What the cost estimate (cost.ts) counts each list without `first` as: about what a large
 * council holds, from the benchmark's data (bench/generate.ts: 40 risks a programme, 5
 * mitigations and 4 assessments a risk, 12 savings lines, 10 milestones, 6 health reports) and
 * the demo's, rounded up. A programme holding more is still answered; what the estimate misses is
 * caught while running by the cap on objects (execution-limits.ts).
 *
 * A connection's `nodes` is `first` of the field that answered the connection ('page').
 * Every list-typed field of the schema is here or takes `first`: `checkListSizes` refuses to
 * start a server otherwise, so a new list cannot slip past the estimate.
 */
export const LIST_SIZES: Record<string, number | 'page'> = {
  'Query.committees': 20,
  'Query.users': 100,

  'Programme.risks': 40,
  'Programme.issues': 10,
  'Programme.milestones': 12,
  'Programme.resolutions': 10,
  'Programme.healthHistory': 24,
  'Programme.savingsLines': 12,
  'Programme.actions': 10,

  'Risk.mitigations': 5,
  'Risk.assessments': 12,
  'Risk.resolutions': 3,
  'Risk.threatensSavings': 3,
  'Mitigation.updates': 6,

  'Resolution.actions': 3,
  'Resolution.programmes': 3,
  'Resolution.respondedBy': 3,
  'Resolution.respondsTo': 3,
  'Resolution.issues': 3,
  'Resolution.milestones': 3,
  'Resolution.risks': 5,
  'Resolution.savingsLines': 3,

  'Committee.meetings': 24,
  'Meeting.actions': 10,
  'Meeting.resolutions': 15,

  'Issue.resolutions': 3,
  'Milestone.baselines': 4,
  'Milestone.resolutions': 3,

  'SavingsLine.threatenedBy': 3,
  'SavingsLine.changes': 6,
  'SavingsLine.deliveries': 4,
  'SavingsLine.resolutions': 3,
  'SavingsReconciliation.rows': 200,

  'User.programmes': 10,
  'Organisation.riskAppetite': 10,
  'RiskMatrix.cells': 25,

  'ProgrammeChanges.riskMoves': 40,
  'ProgrammeChanges.newRisks': 10,
  'ProgrammeChanges.closedRisks': 10,
  'ProgrammeChanges.mitigationsCompleted': 20,
  'ProgrammeChanges.mitigationsNowOverdue': 20,
  'ProgrammeChanges.mitigationsRescheduled': 20,
  'ProgrammeChanges.milestonesMoved': 12,
  'ProgrammeChanges.savingsChanged': 12,
  'ProgrammeChanges.deliveries': 12,
  'ProgrammeChanges.resolutions': 10,
  'ProgrammeChanges.openActions': 10,
  'RiskMove.assessments': 3,

  'MinutesImportResult.found': 20,
  'MinutesImportResult.suggestedProgrammes': 5,
  'LedgerImportResult.errors': 100,

  'AuditEventConnection.nodes': 'page',
  'CommitteeActionConnection.nodes': 'page',
  'IssueConnection.nodes': 'page',
  'MilestoneConnection.nodes': 'page',
  'MitigationConnection.nodes': 'page',
  'ProgrammeConnection.nodes': 'page',
  'ResolutionConnection.nodes': 'page',
  'RiskConnection.nodes': 'page',
};

/** List-typed fields of the schema (introspection's aside) that take no `first` and have no stated size. */
export function unsizedLists(schema: GraphQLSchema): string[] {
  const unsized: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      if (!isListType(getNullableType(field.type)) || field.args.some((a) => a.name === 'first')) continue;
      if (LIST_SIZES[name] === undefined) unsized.push(name);
    }
  }
  return unsized;
}

/** Throws, naming them, when a list field has neither `first` nor a stated size. */
export function checkListSizes(schema: GraphQLSchema): void {
  const unsized = unsizedLists(schema);
  if (unsized.length) {
    throw new Error(
      `list fields without first need a stated size in src/graphql/list-sizes.ts for the cost estimate: ${unsized.join(', ')}`,
    );
  }
}
