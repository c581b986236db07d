// The programme manager's RAG report on the programme as a whole, as a committee reads it first:
// the rating in words, what the manager says about it, as of when and who reported it, then the
// earlier reports. Purely presentational: the web page and the report pack render it.
import { asIs, ColumnHeadings, DateText, inScrollBox, RatingTag, type Wrap } from './common';
import type { Band } from './rating';

export interface HealthReport {
  rating: Band;
  commentary: string;
  asOf: string;
  recordedBy: string;
}

/** The latest report, then every report (`history`, newest first) in a small table. */
export function ProgrammeHealth({
  health,
  history,
  wrap = asIs,
}: {
  health?: HealthReport | null;
  history: readonly HealthReport[];
  wrap?: Wrap;
}) {
  if (!health) return <p>No health report has been made on this programme.</p>;
  return (
    <>
      <div class="health-latest" data-rating={health.rating}>
        <p>
          <strong>Overall health:</strong> <RatingTag rating={health.rating} />, as of <DateText value={health.asOf} />, reported
          by {health.recordedBy}
        </p>
        <p class="health-commentary">{health.commentary}</p>
      </div>
      {history.length > 1 &&
        wrap(
          <table class="health-history">
            <caption>Health reports, newest first</caption>
            <ColumnHeadings names={['As of', 'Rating', 'Commentary', 'Reported by']} />
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <th scope="row">
                    <DateText value={h.asOf} />
                  </th>
                  <td>
                    <RatingTag rating={h.rating} />
                  </td>
                  <td>{h.commentary}</td>
                  <td class="wrap-anywhere">{h.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>,
          'Health reports',
        )}
    </>
  );
}

/** The web page's "Programme health" section, near the top: the history table scrolls in its own box. */
export function ProgrammeHealthSection(props: { health?: HealthReport | null; history: readonly HealthReport[] }) {
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Programme health</h2>
      <ProgrammeHealth {...props} wrap={inScrollBox} />
    </section>
  );
}
