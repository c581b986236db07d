import { AssessmentChart } from '../components/assessment-chart';
import { DateText, inScrollBox, Loaded, RatingTag, ScrollBox, useTitle } from '../components/common';
import { DecisionTrail } from '../components/decision-trail';
import { Mitigations } from '../components/mitigations';
import { EscalatedMarker, RiskStatement } from '../components/risk-statement';
import { label } from '../format';
import { graphql } from '../gql';
import type { RiskPageQuery } from '../gql/graphql';
import { href } from '../router';
import { useQuery } from '../use-query';

const RiskPageDocument = graphql(`
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
`);

type Risk = NonNullable<RiskPageQuery['risk']>;

function Scores({ risk }: { risk: Risk }) {
  const rows = [
    ['Inherent', risk.inherent, 'before any controls'],
    ['Current', risk.current, 'as last assessed'],
    ['Target', risk.target, 'where the mitigations are meant to bring it'],
  ] as const;
  return (
    <ScrollBox label="Scores">
      <table class="scores">
        <caption>Scores: likelihood x impact</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col" class="number">
              Likelihood
            </th>
            <th scope="col" class="number">
              Impact
            </th>
            <th scope="col">Score and rating</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, score, meaning]) => (
            <tr key={name} data-basis={name.toUpperCase()}>
              <th scope="row">
                {name} <span class="muted">({meaning})</span>
              </th>
              {score ? (
                <>
                  <td class="number">{score.likelihood}</td>
                  <td class="number">{score.impact}</td>
                  <td>
                    <RatingTag rating={score.rating} score={score.score} />
                  </td>
                </>
              ) : (
                <td colSpan={3} class="muted">
                  none set
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function History({ assessments }: { assessments: Risk['assessments'] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Assessment history</h2>
      <AssessmentChart assessments={assessments} />
      <ScrollBox label="Assessment history">
        <table class="assessments">
          <caption>Assessment history, newest first (the last is the inherent assessment)</caption>
          <thead>
            <tr>
              <th scope="col">Assessed on</th>
              <th scope="col" class="number">
                Likelihood
              </th>
              <th scope="col" class="number">
                Impact
              </th>
              <th scope="col">Score</th>
              <th scope="col">Note</th>
              <th scope="col">Recorded by</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <DateText value={a.assessedOn} />
                </th>
                <td class="number">{a.likelihood}</td>
                <td class="number">{a.impact}</td>
                <td>
                  <RatingTag rating={a.rating} score={a.score} />
                </td>
                <td>{a.note ?? <span class="muted">none</span>}</td>
                <td class="wrap-anywhere">{a.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function Facts({ risk }: { risk: Risk }) {
  return (
    <dl class="facts">
      <div>
        <dt>Status</dt>
        <dd>
          {label(risk.status)}
          {risk.closedOn && (
            <>
              {' '}
              on <DateText value={risk.closedOn} />: {risk.closedReason}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>Category</dt>
        <dd>{label(risk.category)}</dd>
      </div>
      <div>
        <dt>Owner</dt>
        <dd>{risk.owner ?? <span class="muted">none</span>}</dd>
      </div>
      <div>
        <dt>Trend</dt>
        <dd>{label(risk.trend)}</dd>
      </div>
      <div>
        <dt>Appetite</dt>
        <dd>{risk.withinAppetite ? 'Within appetite' : <strong>Above appetite</strong>}</dd>
      </div>
      <div>
        <dt>Next review</dt>
        <dd>
          <DateText value={risk.reviewDate} />
          {risk.reviewOverdue && <strong class="overdue"> Overdue</strong>}
        </dd>
      </div>
    </dl>
  );
}

function RiskDetail({ risk }: { risk: Risk }) {
  return (
    <>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href={href.portfolio()}>Portfolio</a> /{' '}
        <a href={href.programme(risk.programme.id)}>
          {risk.programme.code} {risk.programme.name}
        </a>
      </nav>
      <h1>
        {risk.reference} {risk.title}
      </h1>
      {risk.confidential && (
        <p class="notice">
          <strong>Confidential:</strong> exempt information, hidden from elected members.
        </p>
      )}
      {risk.description && <p>{risk.description}</p>}
      <EscalatedMarker escalated={risk.escalated} />
      <Facts risk={risk} />
      <RiskStatement risk={risk} />
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        <Scores risk={risk} />
      </section>
      <History assessments={risk.assessments} />
      <section aria-labelledby="mitigations-heading">
        <h2 id="mitigations-heading">Mitigations</h2>
        <Mitigations mitigations={risk.mitigations} wrap={inScrollBox} />
      </section>
      <section aria-labelledby="resolutions-heading">
        <h2 id="resolutions-heading">Resolutions</h2>
        <DecisionTrail resolutions={risk.resolutions} />
      </section>
    </>
  );
}

export function RiskPage({ id }: { id: string }) {
  const state = useQuery(RiskPageDocument, { id });
  const risk = state.status === 'done' ? state.data.risk : undefined;
  useTitle(risk ? `${risk.reference} ${risk.title}` : 'Risk');
  if (risk === null)
    return (
      <>
        <h1>Risk not found</h1>
        <p>
          No risk with this address is visible to you. <a href={href.portfolio()}>Back to the portfolio</a>
        </p>
      </>
    );
  return (
    <Loaded state={state} what="the risk">
      {(data) => data.risk && <RiskDetail risk={data.risk} />}
    </Loaded>
  );
}
