import { date, dayNumber } from '../format';
import { ScrollBox } from './common';
import { BAND_COLOURS, bandOf } from './rating';

export interface ChartAssessment {
  id: string;
  assessedOn: string;
  score: number;
}

const WIDTH = 400;
const HEIGHT = 200;
const LEFT = 34;
const RIGHT = 16;
const TOP = 10;
const BOTTOM = 26;

// light tints of the band colours behind the line, so a point's band shows at a glance
const TINT = { GREEN: '#e8f1e8', AMBER: '#fff4d6', RED: '#f9e1de' } as const;

/** Score (1-25) against date, oldest on the left; `assessments` come newest recorded first, as the API gives them. */
export function AssessmentChart({ assessments }: { assessments: readonly ChartAssessment[] }) {
  // by date, then in the order recorded: an assessment may be recorded with an earlier date than the one before it
  const points = [...assessments].reverse().sort((a, b) => dayNumber(a.assessedOn) - dayNumber(b.assessedOn));
  const days = points.map((p) => dayNumber(p.assessedOn));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const x = (day: number) =>
    last === first ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + ((day - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const y = (score: number) => TOP + ((25 - score) / 25) * (HEIGHT - TOP - BOTTOM);
  const bands = [
    { band: 'RED', from: 25, to: 12.5 },
    { band: 'AMBER', from: 12.5, to: 4.5 },
    { band: 'GREEN', from: 4.5, to: 0 },
  ] as const;
  return (
    <figure class="chart">
      <ScrollBox label="Assessment chart">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          style={{ minWidth: `${WIDTH * 0.8}px`, maxWidth: `${WIDTH * 1.5}px` }}
          role="img"
          aria-labelledby="assessment-chart-title"
        >
          <title id="assessment-chart-title">Score at each assessment, oldest first (figures in the table below)</title>
          {bands.map((b) => (
            <rect
              key={b.band}
              x={LEFT}
              width={WIDTH - LEFT - RIGHT}
              y={y(b.from)}
              height={y(b.to) - y(b.from)}
              fill={TINT[b.band]}
            />
          ))}
          {[5, 10, 15, 20, 25].map((score) => (
            <text key={score} x={LEFT - 6} y={y(score) + 4} text-anchor="end" class="chart__label">
              {score}
            </text>
          ))}
          <polyline
            points={points.map((p) => `${x(dayNumber(p.assessedOn))},${y(p.score)}`).join(' ')}
            fill="none"
            stroke="#0b0c0c"
            stroke-width={2}
          />
          {points.map((p) => (
            <circle
              key={p.id}
              cx={x(dayNumber(p.assessedOn))}
              cy={y(p.score)}
              r={5}
              fill={BAND_COLOURS[bandOf(p.score)].background}
              stroke="#0b0c0c"
            >
              <title>{`${date(p.assessedOn)}: score ${p.score}`}</title>
            </circle>
          ))}
          <text x={LEFT} y={HEIGHT - 6} class="chart__label">
            {date(points[0].assessedOn)}
          </text>
          {points.length > 1 && (
            <text x={WIDTH - RIGHT} y={HEIGHT - 6} text-anchor="end" class="chart__label">
              {date(points[points.length - 1].assessedOn)}
            </text>
          )}
        </svg>
      </ScrollBox>
    </figure>
  );
}
