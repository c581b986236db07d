// The 5x5 heat map of open risks. Purely presentational (no fetching, no browser API), so the
// printable report pack can render the same component on the server with preact-render-to-string.
import { BAND_COLOURS, bandOf } from './rating';

export type ScoreBasis = 'CURRENT' | 'INHERENT' | 'TARGET';

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  count: number;
}

export interface HeatMapProps {
  /** The cells of riskMatrix; a cell that is absent counts 0. */
  cells: readonly HeatMapCell[];
  basis: ScoreBasis;
}

const SCALE = [1, 2, 3, 4, 5];

/**
 * Rows likelihood 5 to 1, columns impact 1 to 5, each heading a <th> holding its number; every
 * cell writes its count (0 included) on its band's colour, so colour is never the only signal.
 */
export function HeatMap({ cells, basis }: HeatMapProps) {
  const countAt = new Map(cells.map((c) => [`${c.likelihood}x${c.impact}`, c.count]));
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  return (
    <table class="heat-map" data-basis={basis}>
      <caption>
        Risk heat map: {total} open {total === 1 ? 'risk' : 'risks'} by {basis.toLowerCase()} likelihood (rows, 5 to 1) and impact
        (columns, 1 to 5)
      </caption>
      <thead>
        <tr>
          <td class="heat-map__corner">Likelihood \ impact</td>
          {SCALE.map((impact) => (
            <th scope="col" key={impact}>
              {impact}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...SCALE].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row">{likelihood}</th>
            {SCALE.map((impact) => {
              const band = bandOf(likelihood * impact);
              const count = countAt.get(`${likelihood}x${impact}`) ?? 0;
              return (
                <td
                  key={impact}
                  class={`heat-map__cell heat-map__cell--${band.toLowerCase()}`}
                  data-likelihood={likelihood}
                  data-impact={impact}
                  data-band={band}
                  title={`Likelihood ${likelihood} x impact ${impact} = score ${likelihood * impact} (${band}): ${count}`}
                  style={{ backgroundColor: BAND_COLOURS[band].background, color: BAND_COLOURS[band].text }}
                >
                  {count}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The key to the colours, written out. */
export function HeatMapLegend() {
  return (
    <p class="heat-map-legend">
      Score = likelihood x impact. Bands:{' '}
      {(['GREEN', 'AMBER', 'RED'] as const).map((band) => (
        <span
          key={band}
          class="heat-map-legend__band"
          style={{ backgroundColor: BAND_COLOURS[band].background, color: BAND_COLOURS[band].text }}
        >
          {band} {band === 'GREEN' ? '1-4' : band === 'AMBER' ? '5-12' : '15-25'}
        </span>
      ))}
    </p>
  );
}
