import { DecisionTrail } from '../../components/decision-trail';
import type { ProgrammePageQuery } from '../../gql/graphql';

/** The resolutions about the programme and what it holds, newest meeting first, with how many there are in all. */
export function Trail({ resolutions }: { resolutions: ProgrammePageQuery['resolutions'] }) {
  return (
    <section aria-labelledby="trail-heading">
      <h2 id="trail-heading">Decision trail</h2>
      <p class="muted">
        What committees resolved about the programme and its risks, milestones and savings, newest meeting first
        {resolutions.totalCount > resolutions.nodes.length
          ? ` (the newest ${resolutions.nodes.length} of ${resolutions.totalCount})`
          : ''}
        .
      </p>
      <DecisionTrail resolutions={resolutions.nodes} />
    </section>
  );
}
