/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a committee action stands. */
export type ActionStatus =
  /** Done, on completedOn. */
  | 'DONE'
  /** No longer to be done. */
  | 'DROPPED'
  /** Not done yet; overdue once its dueDate has passed. */
  | 'OPEN';

/** How well a control keeps its risk down. */
export type ControlEffectiveness =
  /** Works as intended. */
  | 'EFFECTIVE'
  /** Does not keep the risk down. */
  | 'INEFFECTIVE'
  /** Not yet assessed: every control starts here. */
  | 'NOT_ASSESSED'
  /** Works, but leaves gaps. */
  | 'PARTLY_EFFECTIVE';

/** Where an issue is. */
export type IssueStatus =
  /** Being managed. */
  | 'OPEN'
  /** Dealt with: resolvedOn and resolutionNote say when and how. */
  | 'RESOLVED';

/** Where a milestone is. */
export type MilestoneStatus =
  /** May not be reached by its forecastDate. */
  | 'AT_RISK'
  /** Reached: actualDate says when. */
  | 'COMPLETE'
  /** Not reached in time. */
  | 'MISSED'
  /** Work towards it has not begun. */
  | 'NOT_STARTED'
  /** Expected by its forecastDate. */
  | 'ON_TRACK';

/** Whether a mitigation is still to be done or already keeps the risk down. */
export type MitigationKind =
  /** Something to be done, by its owner, by its due date. */
  | 'ACTION'
  /** Something in place that keeps the risk down, e.g. a policy, a check or a contract term. */
  | 'CONTROL';

/** Where a mitigation is. */
export type MitigationStatus =
  /** Will not be done. */
  | 'CANCELLED'
  /** Done: completedOn says when. */
  | 'COMPLETE'
  /** Under way. */
  | 'IN_PROGRESS'
  /** Agreed, not started. */
  | 'PLANNED';

/** Where a programme is in its life. */
export type ProgrammeStatus =
  /** Approved by the decision-making body; not yet being implemented. */
  | 'APPROVED'
  /** Stopped before it finished. */
  | 'CANCELLED'
  /** Finished. */
  | 'CLOSED'
  /** Out to public or staff consultation. */
  | 'CONSULTATION'
  /** Being implemented. */
  | 'IMPLEMENTATION'
  /** Put forward, not yet consulted on or approved. */
  | 'PROPOSED';

/** Score bands: GREEN 1-4, AMBER 5-12, RED 15-25. */
export type Rating =
  /** A score of 5 to 12; as a delivery confidence: at risk without attention. */
  | 'AMBER'
  /** A score of 1 to 4; as a savings line's delivery confidence: on course. */
  | 'GREEN'
  /** A score of 15 to 25; as a delivery confidence: unlikely to be delivered as planned. */
  | 'RED';

/** The kind of harm a risk threatens. The organisation sets its risk appetite per category. */
export type RiskCategory =
  /** Case-management systems, data quality, information sharing and security. */
  | 'DATA_AND_SYSTEMS'
  /** Unequal effect on people with protected characteristics; the public sector equality duty. */
  | 'EQUALITIES'
  /** Budgets, funding and the savings the programme promised. */
  | 'FINANCIAL'
  /** Statutory duties, consultation requirements, procurement rules and legal challenge. */
  | 'LEGAL'
  /** Partners (health, schools, police, the voluntary sector) not playing their agreed part. */
  | 'PARTNERSHIP'
  /** Public, member, partner or inspectorate confidence in the council. */
  | 'REPUTATIONAL'
  /** Harm to the children, young people or adults the services protect. */
  | 'SAFEGUARDING'
  /** Services not delivered as planned: gaps, delays or lower quality during the change. */
  | 'SERVICE_DELIVERY'
  /** Staff: recruitment, retention, capacity and the effect of restructures. */
  | 'WORKFORCE';

/** Whether a risk is still being managed. */
export type RiskStatus =
  /** Closed by closeRisk, with a reason; it takes no assessment, update or new mitigation. */
  | 'CLOSED'
  /** Being managed: it takes assessments, updates and new mitigations. */
  | 'OPEN';

/** What a user may do within its organisation. */
export type Role =
  /** Manages users and settings of its organisation; may do everything within it. */
  | 'ADMIN'
  /** Edits savings lines, records deliveries and imports ledger actuals. */
  | 'FINANCE'
  /** An elected member: reads everything but confidential risks; writes nothing. */
  | 'MEMBER'
  /** Edits programmes it is assigned to, with their risks, mitigations and milestones. */
  | 'PROGRAMME_MANAGER';

/** Which of each risk's scores the matrix counts. */
export type ScoreBasis =
  /** As last assessed. */
  | 'CURRENT'
  /** Before any controls. */
  | 'INHERENT'
  /** Where the mitigations are meant to bring it; risks without a target are left out. */
  | 'TARGET';

/** The Orange Book's four responses to a risk. */
export type Treatment =
  /** Stop or change the activity that gives rise to it. */
  | 'TERMINATE'
  /** Accept the risk as it is: within appetite, or nothing worth doing would bring it down. */
  | 'TOLERATE'
  /** Pass it to someone better placed to bear it, e.g. an insurer or a contractor. */
  | 'TRANSFER'
  /** Act to bring the likelihood or impact down (mitigations). */
  | 'TREAT';

/** How the current score moved at the last assessment. */
export type Trend =
  /** Current score lower than at the previous assessment. */
  | 'IMPROVING'
  /** First assessment. */
  | 'NEW'
  /** Current score the same as at the previous assessment. */
  | 'STEADY'
  /** Current score higher than at the previous assessment. */
  | 'WORSENING';

export type CommitteeActionRowFragment = { id: string, text: string, owner: string | null, dueDate: string | null, status: ActionStatus, completedOn: string | null, overdue: boolean, meeting: { id: string, date: string, committee: { name: string } }, reportTo: { name: string } | null, resolution: { agendaItem: string, number: string | null } | null };

export type TrailResolutionFragment = { id: string, agendaItem: string, number: string | null, text: string, meeting: { id: string, date: string, committee: { name: string } } };

export type PortfolioQueryVariables = Exact<{ [key: string]: never; }>;


export type PortfolioQuery = { programmes: { totalCount: number, nodes: Array<{ id: string, code: string, name: string, status: ProgrammeStatus, risks: Array<{ id: string, withinAppetite: boolean, current: { rating: Rating } }>, milestones: Array<{ id: string, slippageDays: number }> }> }, savingsReconciliation: { rows: Array<{ programme: { id: string } | null, totals: { planned: string, delivered: string } }> } };

export type ProgrammeChangesQueryVariables = Exact<{
  id: string | number;
  meetingId: string | number;
}>;


export type ProgrammeChangesQuery = { changesSince: { since: string, riskMoves: Array<{ risk: { id: string, reference: string, title: string }, before: { score: number, rating: Rating }, after: { score: number, rating: Rating }, assessments: Array<{ id: string, assessedOn: string, note: string | null }> }>, newRisks: Array<{ id: string, reference: string, title: string, identifiedOn: string, current: { score: number, rating: Rating } }>, closedRisks: Array<{ id: string, reference: string, title: string, closedOn: string | null }>, mitigationsCompleted: Array<{ id: string, action: string, owner: string | null, dueDate: string | null, completedOn: string | null, risk: { id: string, reference: string } }>, mitigationsNowOverdue: Array<{ id: string, action: string, owner: string | null, dueDate: string | null, completedOn: string | null, risk: { id: string, reference: string } }>, mitigationsRescheduled: Array<{ dueDateBefore: string | null, dueDateAfter: string | null, mitigation: { id: string, action: string, owner: string | null, dueDate: string | null, completedOn: string | null, risk: { id: string, reference: string } } }>, milestonesMoved: Array<{ forecastDateBefore: string, forecastDateAfter: string, slippageChange: number, milestone: { id: string, title: string, actualDate: string | null } }>, savingsChanged: Array<{ forecastBefore: string, forecastAfter: string, plannedBefore: string, plannedAfter: string, savingsLine: { id: string, description: string, financialYear: string } }>, deliveries: Array<{ id: string, amount: string, recordedOn: string, ledgerReference: string | null, note: string | null }>, resolutions: Array<{ id: string, agendaItem: string, number: string | null, text: string, meeting: { id: string, date: string, committee: { name: string } } }>, openActions: Array<{ id: string, text: string, owner: string | null, dueDate: string | null, status: ActionStatus, completedOn: string | null, overdue: boolean, meeting: { id: string, date: string, committee: { name: string } }, reportTo: { name: string } | null, resolution: { agendaItem: string, number: string | null } | null }> } | null };

export type ChangedMitigationFragment = { id: string, action: string, owner: string | null, dueDate: string | null, completedOn: string | null, risk: { id: string, reference: string } };

export type MitigationFieldsFragment = { id: string, action: string, owner: string | null, dueDate: string | null, baselineDueDate: string | null, status: MitigationStatus, completedOn: string | null, overdue: boolean, kind: MitigationKind, effectiveness: ControlEffectiveness | null, updates: Array<{ on: string, note: string }> };

export type HealthFieldsFragment = { rating: Rating, commentary: string, asOf: string, recordedBy: string };

export type ProgrammePageQueryVariables = Exact<{
  id: string | number;
}>;


export type ProgrammePageQuery = { programme: { id: string, code: string, name: string, description: string | null, status: ProgrammeStatus, owner: string | null, startDate: string | null, endDate: string | null, health: { rating: Rating, commentary: string, asOf: string, recordedBy: string } | null, healthHistory: Array<{ rating: Rating, commentary: string, asOf: string, recordedBy: string }>, risks: Array<{ id: string, reference: string, title: string, category: RiskCategory, trend: Trend, withinAppetite: boolean, reviewOverdue: boolean, escalated: boolean, cause: string | null, effect: string | null, treatment: Treatment | null, proximity: string | null, current: { score: number, rating: Rating }, target: { score: number, rating: Rating } | null, mitigations: Array<{ id: string, action: string, owner: string | null, dueDate: string | null, baselineDueDate: string | null, status: MitigationStatus, completedOn: string | null, overdue: boolean, kind: MitigationKind, effectiveness: ControlEffectiveness | null, updates: Array<{ on: string, note: string }> }> }>, issues: Array<{ id: string, reference: string, title: string, priority: Rating, owner: string | null, status: IssueStatus, raisedOn: string, resolvedOn: string | null, resolutionNote: string | null, fromRisk: { id: string, reference: string, title: string } | null }>, milestones: Array<{ id: string, title: string, baselineDate: string, forecastDate: string, actualDate: string | null, status: MilestoneStatus, slippageDays: number }>, actions: Array<{ id: string, text: string, owner: string | null, dueDate: string | null, status: ActionStatus, completedOn: string | null, overdue: boolean, meeting: { id: string, date: string, committee: { name: string } }, reportTo: { name: string } | null, resolution: { agendaItem: string, number: string | null } | null }> } | null, savingsReconciliation: { rows: Array<{ financialYear: string | null, totals: { planned: string, forecast: string, delivered: string, variance: string } }>, totals: { planned: string, forecast: string, delivered: string, variance: string } }, resolutions: { totalCount: number, nodes: Array<{ id: string, agendaItem: string, number: string | null, text: string, meeting: { id: string, date: string, committee: { name: string } } }> } };

export type RiskMatrixQueryVariables = Exact<{
  id: string | number;
  basis: ScoreBasis;
}>;


export type RiskMatrixQuery = { riskMatrix: { total: number, cells: Array<{ likelihood: number, impact: number, count: number }> } };

export type RiskPageQueryVariables = Exact<{
  id: string | number;
}>;


export type RiskPageQuery = { risk: { id: string, reference: string, title: string, description: string | null, category: RiskCategory, owner: string | null, status: RiskStatus, confidential: boolean, closedOn: string | null, closedReason: string | null, reviewDate: string | null, reviewOverdue: boolean, trend: Trend, withinAppetite: boolean, escalated: boolean, cause: string | null, effect: string | null, treatment: Treatment | null, proximity: string | null, programme: { id: string, code: string, name: string }, inherent: { likelihood: number, impact: number, score: number, rating: Rating }, current: { likelihood: number, impact: number, score: number, rating: Rating }, target: { likelihood: number, impact: number, score: number, rating: Rating } | null, mitigations: Array<{ id: string, action: string, owner: string | null, dueDate: string | null, baselineDueDate: string | null, status: MitigationStatus, completedOn: string | null, overdue: boolean, kind: MitigationKind, effectiveness: ControlEffectiveness | null, updates: Array<{ on: string, note: string }> }>, assessments: Array<{ id: string, assessedOn: string, likelihood: number, impact: number, score: number, rating: Rating, note: string | null, recordedBy: string }>, resolutions: Array<{ id: string, agendaItem: string, number: string | null, text: string, meeting: { id: string, date: string, committee: { name: string } } }> } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { name: string, email: string, role: Role }, organisation: { name: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CommitteeActionRowFragmentDoc = new TypedDocumentString(`
    fragment CommitteeActionRow on CommitteeAction {
  id
  text
  owner
  dueDate
  status
  completedOn
  overdue
  meeting {
    id
    date
    committee {
      name
    }
  }
  reportTo {
    name
  }
  resolution {
    agendaItem
    number
  }
}
    `, {"fragmentName":"CommitteeActionRow"}) as unknown as TypedDocumentString<CommitteeActionRowFragment, unknown>;
export const TrailResolutionFragmentDoc = new TypedDocumentString(`
    fragment TrailResolution on Resolution {
  id
  agendaItem
  number
  text
  meeting {
    id
    date
    committee {
      name
    }
  }
}
    `, {"fragmentName":"TrailResolution"}) as unknown as TypedDocumentString<TrailResolutionFragment, unknown>;
export const ChangedMitigationFragmentDoc = new TypedDocumentString(`
    fragment ChangedMitigation on Mitigation {
  id
  action
  owner
  dueDate
  completedOn
  risk {
    id
    reference
  }
}
    `, {"fragmentName":"ChangedMitigation"}) as unknown as TypedDocumentString<ChangedMitigationFragment, unknown>;
export const MitigationFieldsFragmentDoc = new TypedDocumentString(`
    fragment MitigationFields on Mitigation {
  id
  action
  owner
  dueDate
  baselineDueDate
  status
  completedOn
  overdue
  kind
  effectiveness
  updates {
    on
    note
  }
}
    `, {"fragmentName":"MitigationFields"}) as unknown as TypedDocumentString<MitigationFieldsFragment, unknown>;
export const HealthFieldsFragmentDoc = new TypedDocumentString(`
    fragment HealthFields on ProgrammeHealth {
  rating
  commentary
  asOf
  recordedBy
}
    `, {"fragmentName":"HealthFields"}) as unknown as TypedDocumentString<HealthFieldsFragment, unknown>;
export const PortfolioDocument = new TypedDocumentString(`
    query Portfolio {
  programmes(first: 500) {
    totalCount
    nodes {
      id
      code
      name
      status
      risks(filter: {status: [OPEN]}) {
        id
        current {
          rating
        }
        withinAppetite
      }
      milestones {
        id
        slippageDays
      }
    }
  }
  savingsReconciliation(groupBy: [PROGRAMME]) {
    rows {
      programme {
        id
      }
      totals {
        planned
        delivered
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortfolioQuery, PortfolioQueryVariables>;
export const ProgrammeChangesDocument = new TypedDocumentString(`
    query ProgrammeChanges($id: ID!, $meetingId: ID!) {
  changesSince(programmeId: $id, meetingId: $meetingId) {
    since
    riskMoves {
      risk {
        id
        reference
        title
      }
      before {
        score
        rating
      }
      after {
        score
        rating
      }
      assessments {
        id
        assessedOn
        note
      }
    }
    newRisks {
      id
      reference
      title
      identifiedOn
      current {
        score
        rating
      }
    }
    closedRisks {
      id
      reference
      title
      closedOn
    }
    mitigationsCompleted {
      ...ChangedMitigation
    }
    mitigationsNowOverdue {
      ...ChangedMitigation
    }
    mitigationsRescheduled {
      mitigation {
        ...ChangedMitigation
      }
      dueDateBefore
      dueDateAfter
    }
    milestonesMoved {
      milestone {
        id
        title
        actualDate
      }
      forecastDateBefore
      forecastDateAfter
      slippageChange
    }
    savingsChanged {
      savingsLine {
        id
        description
        financialYear
      }
      forecastBefore
      forecastAfter
      plannedBefore
      plannedAfter
    }
    deliveries {
      id
      amount
      recordedOn
      ledgerReference
      note
    }
    resolutions {
      ...TrailResolution
    }
    openActions {
      ...CommitteeActionRow
    }
  }
}
    fragment CommitteeActionRow on CommitteeAction {
  id
  text
  owner
  dueDate
  status
  completedOn
  overdue
  meeting {
    id
    date
    committee {
      name
    }
  }
  reportTo {
    name
  }
  resolution {
    agendaItem
    number
  }
}
fragment TrailResolution on Resolution {
  id
  agendaItem
  number
  text
  meeting {
    id
    date
    committee {
      name
    }
  }
}
fragment ChangedMitigation on Mitigation {
  id
  action
  owner
  dueDate
  completedOn
  risk {
    id
    reference
  }
}`) as unknown as TypedDocumentString<ProgrammeChangesQuery, ProgrammeChangesQueryVariables>;
export const ProgrammePageDocument = new TypedDocumentString(`
    query ProgrammePage($id: ID!) {
  programme(id: $id) {
    id
    code
    name
    description
    status
    owner
    startDate
    endDate
    health {
      ...HealthFields
    }
    healthHistory {
      ...HealthFields
    }
    risks(filter: {status: [OPEN]}) {
      id
      reference
      title
      category
      current {
        score
        rating
      }
      target {
        score
        rating
      }
      trend
      withinAppetite
      reviewOverdue
      escalated
      cause
      effect
      treatment
      proximity
      mitigations {
        ...MitigationFields
      }
    }
    issues {
      id
      reference
      title
      priority
      owner
      status
      raisedOn
      resolvedOn
      resolutionNote
      fromRisk {
        id
        reference
        title
      }
    }
    milestones {
      id
      title
      baselineDate
      forecastDate
      actualDate
      status
      slippageDays
    }
    actions {
      ...CommitteeActionRow
    }
  }
  savingsReconciliation(filter: {programmeId: $id}, groupBy: [FINANCIAL_YEAR]) {
    rows {
      financialYear
      totals {
        planned
        forecast
        delivered
        variance
      }
    }
    totals {
      planned
      forecast
      delivered
      variance
    }
  }
  resolutions(filter: {programmeId: $id}, first: 500) {
    totalCount
    nodes {
      ...TrailResolution
    }
  }
}
    fragment CommitteeActionRow on CommitteeAction {
  id
  text
  owner
  dueDate
  status
  completedOn
  overdue
  meeting {
    id
    date
    committee {
      name
    }
  }
  reportTo {
    name
  }
  resolution {
    agendaItem
    number
  }
}
fragment TrailResolution on Resolution {
  id
  agendaItem
  number
  text
  meeting {
    id
    date
    committee {
      name
    }
  }
}
fragment MitigationFields on Mitigation {
  id
  action
  owner
  dueDate
  baselineDueDate
  status
  completedOn
  overdue
  kind
  effectiveness
  updates {
    on
    note
  }
}
fragment HealthFields on ProgrammeHealth {
  rating
  commentary
  asOf
  recordedBy
}`) as unknown as TypedDocumentString<ProgrammePageQuery, ProgrammePageQueryVariables>;
export const RiskMatrixDocument = new TypedDocumentString(`
    query RiskMatrix($id: ID!, $basis: ScoreBasis!) {
  riskMatrix(programmeId: $id, basis: $basis) {
    total
    cells {
      likelihood
      impact
      count
    }
  }
}
    `) as unknown as TypedDocumentString<RiskMatrixQuery, RiskMatrixQueryVariables>;
export const RiskPageDocument = new TypedDocumentString(`
    query RiskPage($id: ID!) {
  risk(id: $id) {
    id
    reference
    title
    description
    category
    owner
    status
    confidential
    closedOn
    closedReason
    reviewDate
    reviewOverdue
    trend
    withinAppetite
    escalated
    cause
    effect
    treatment
    proximity
    programme {
      id
      code
      name
    }
    inherent {
      likelihood
      impact
      score
      rating
    }
    current {
      likelihood
      impact
      score
      rating
    }
    target {
      likelihood
      impact
      score
      rating
    }
    mitigations {
      ...MitigationFields
    }
    assessments {
      id
      assessedOn
      likelihood
      impact
      score
      rating
      note
      recordedBy
    }
    resolutions {
      ...TrailResolution
    }
  }
}
    fragment TrailResolution on Resolution {
  id
  agendaItem
  number
  text
  meeting {
    id
    date
    committee {
      name
    }
  }
}
fragment MitigationFields on Mitigation {
  id
  action
  owner
  dueDate
  baselineDueDate
  status
  completedOn
  overdue
  kind
  effectiveness
  updates {
    on
    note
  }
}`) as unknown as TypedDocumentString<RiskPageQuery, RiskPageQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    name
    email
    role
  }
  organisation {
    name
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;