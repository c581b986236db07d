import { useRef, useState } from 'preact/hooks';
import { CommitteeActionsSection } from '../components/committee-actions';
import { DateText, inScrollBox, Loaded, RatingTag, ScrollBox, useTitle } from '../components/common';
import { HeatMap, HeatMapLegend, type ScoreBasis } from '../components/heat-map';
import { MilestoneTimeline } from '../components/milestone-timeline';
import { MilestonesTable } from '../components/milestones-table';
import { IssueLogSection } from '../components/issue-log-section';
import { Mitigations } from '../components/mitigations';
import { ProgrammeHealthSection } from '../components/programme-health';
import { ReportPackButton } from '../components/report-pack-button';
import { EscalatedMarker, RiskStatement } from '../components/risk-statement';
import { label } from '../format';
import { graphql } from '../gql';
import type { ProgrammePageQuery, RiskMatrixQuery } from '../gql/graphql';
import { londonToday, meetingsBefore } from '../meetings';
import { href } from '../router';
import { useQuery } from '../use-query';
import { ChangesSinceSection } from './programme-changes';
import { Savings } from './programme/savings';
import { Trail } from './programme/trail';

// What the shared Mitigations component shows; the risk page spreads it too (codegen finds it by name).
export const MitigationFields = graphql(`
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
`);

export const HealthFields = graphql(`
  fragment HealthFields on ProgrammeHealth {
    rating
    commentary
    asOf
    recordedBy
  }
`);

const ProgrammePageDocument = graphql(`
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
      risks(filter: { status: [OPEN] }) {
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
    savingsReconciliation(filter: { programmeId: $id }, groupBy: [FINANCIAL_YEAR]) {
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
    resolutions(filter: { programmeId: $id }, first: 500) {
      totalCount
      nodes {
        ...TrailResolution
      }
    }
  }
`);

// asked apart from the rest so that the heat map shows as soon as it is counted, and again on each switch
const RiskMatrixDocument = graphql(`
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
`);

type Programme = NonNullable<ProgrammePageQuery['programme']>;

const BASES: ScoreBasis[] = ['CURRENT', 'INHERENT', 'TARGET'];

function HeatMapSection({ id }: { id: string }) {
  const [basis, setBasis] = useState<ScoreBasis>('CURRENT');
  const state = useQuery(RiskMatrixDocument, { id, basis });
  // the last grid stays on screen while the next basis is counted, so the page does not jump
  const shown = useRef<{ basis: ScoreBasis; data: RiskMatrixQuery } | null>(null);
  if (state.status === 'done') shown.current = { basis, data: state.data };
  return (
    <section aria-labelledby="heat-map-heading">
      <h2 id="heat-map-heading">Risk heat map</h2>
      <fieldset class="switch">
        <legend>Scores counted</legend>
        {BASES.map((b) => (
          <label key={b}>
            <input type="radio" name="basis" value={b} checked={basis === b} onChange={() => setBasis(b)} />
            {label(b)}
          </label>
        ))}
      </fieldset>
      {basis === 'TARGET' && <p class="muted">Open risks without a target are left out.</p>}
      {shown.current ? (
        <div aria-busy={state.status === 'loading'}>
          <ScrollBox label="Risk heat map">
            <HeatMap basis={shown.current.basis} cells={shown.current.data.riskMatrix.cells} />
          </ScrollBox>
          <HeatMapLegend />
        </div>
      ) : (
        <Loaded state={state} what="the heat map">
          {() => null}
        </Loaded>
      )}
    </section>
  );
}

function AboveAppetite({ risks }: { risks: Programme['risks'] }) {
  const above = risks.filter((r) => !r.withinAppetite);
  return (
    <section aria-labelledby="appetite-heading">
      <h2 id="appetite-heading">Risks above appetite</h2>
      {above.length === 0 && <p>No open risk is above the council’s appetite for its category.</p>}
      {above.map((risk) => (
        <article class="card" key={risk.id} data-risk={risk.reference}>
          <h3>
            <a href={href.risk(risk.id)}>
              {risk.reference} {risk.title}
            </a>
          </h3>
          <p>
            Current score <RatingTag rating={risk.current.rating} score={risk.current.score} />, {label(risk.category)}, trend{' '}
            {label(risk.trend)}
            {risk.reviewOverdue && <strong class="overdue">, review overdue</strong>}
          </p>
          <EscalatedMarker escalated={risk.escalated} />
          <RiskStatement risk={risk} />
          <Mitigations of={risk.reference} mitigations={risk.mitigations} wrap={inScrollBox} />
        </article>
      ))}
    </section>
  );
}

function OpenRisks({ risks }: { risks: Programme['risks'] }) {
  return (
    <section aria-labelledby="risks-heading">
      <h2 id="risks-heading">Open risks</h2>
      {risks.length === 0 ? (
        <p>No open risk.</p>
      ) : (
        <ScrollBox label="Open risks">
          <table>
            <caption>Open risks, highest current score first</caption>
            <thead>
              <tr>
                <th scope="col">Risk</th>
                <th scope="col">Category</th>
                <th scope="col">Current</th>
                <th scope="col">Target</th>
                <th scope="col">Trend</th>
                <th scope="col">Appetite</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={href.risk(r.id)}>
                      {r.reference} {r.title}
                    </a>
                  </th>
                  <td>{label(r.category)}</td>
                  <td>
                    <RatingTag rating={r.current.rating} score={r.current.score} />
                  </td>
                  <td>
                    {r.target ? <RatingTag rating={r.target.rating} score={r.target.score} /> : <span class="muted">none</span>}
                  </td>
                  <td>{label(r.trend)}</td>
                  <td>{r.withinAppetite ? 'Within' : <strong>Above</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

function Milestones({ milestones }: { milestones: Programme['milestones'] }) {
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      {milestones.length === 0 ? (
        <p>No milestone is recorded.</p>
      ) : (
        <>
          <MilestoneTimeline milestones={milestones} />
          <ScrollBox label="Milestones">
            <MilestonesTable milestones={milestones} caption="Programme milestones: baseline against forecast or actual date" />
          </ScrollBox>
        </>
      )}
    </section>
  );
}

function Summary({ programme }: { programme: Programme }) {
  return (
    <>
      {programme.description && <p>{programme.description}</p>}
      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>{label(programme.status)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{programme.owner ?? <span class="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Start</dt>
          <dd>
            <DateText value={programme.startDate} />
          </dd>
        </div>
        <div>
          <dt>End</dt>
          <dd>
            <DateText value={programme.endDate} />
          </dd>
        </div>
      </dl>
    </>
  );
}

export function ProgrammePage({ id }: { id: string }) {
  const state = useQuery(ProgrammePageDocument, { id });
  // the meeting "Since the committee last met" counts from, when the reader picked one: the report pack's too
  const [changesMeeting, chooseChangesMeeting] = useState<string | undefined>(undefined);
  const programme = state.status === 'done' ? state.data.programme : undefined;
  useTitle(programme ? `${programme.code} ${programme.name}` : 'Programme');
  if (programme === null)
    return (
      <>
        <h1>Programme not found</h1>
        <p>
          No programme with this address is visible to you. <a href={href.portfolio()}>Back to the portfolio</a>
        </p>
      </>
    );
  return (
    <>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href={href.portfolio()}>Portfolio</a>
      </nav>
      <h1>{programme ? `${programme.code} ${programme.name}` : 'Programme'}</h1>
      {programme && <Summary programme={programme} />}
      {programme && <ReportPackButton id={id} meetingId={changesMeeting} />}
      {programme && <ProgrammeHealthSection health={programme.health} history={programme.healthHistory} />}
      <HeatMapSection id={id} />
      <Loaded state={state} what="the programme">
        {(data) =>
          data.programme && (
            <>
              <ChangesSinceSection
                id={id}
                meetings={meetingsBefore(londonToday(), data.resolutions.nodes, data.programme.actions)}
                chosen={changesMeeting}
                choose={chooseChangesMeeting}
              />
              <AboveAppetite risks={data.programme.risks} />
              <OpenRisks risks={data.programme.risks} />
              <IssueLogSection issues={data.programme.issues} />
              <CommitteeActionsSection actions={data.programme.actions} />
              <Milestones milestones={data.programme.milestones} />
              <Savings savings={data.savingsReconciliation} />
              <Trail resolutions={data.resolutions} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
