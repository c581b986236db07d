import { money, moneyForDrawing } from '../format';
import { ScrollBox } from './common';

export interface SavingsYear {
  financialYear: string;
  planned: string;
  forecast: string;
  delivered: string;
}

export const SERIES = [
  { key: 'planned', name: 'Planned', colour: '#505a5f' },
  { key: 'forecast', name: 'Forecast', colour: '#1d70b8' },
  { key: 'delivered', name: 'Delivered', colour: '#4c2c92' },
] as const;

const HEIGHT = 220;
const TOP = 12;
const BOTTOM = 28;
const LEFT = 64;
const BAR = 18;
const GROUP = BAR * 3 + 30;

/** "£552k", "£1.2m": axis labels only; the table beside the chart has the exact figures. */
function short(value: number): string {
  const abs = Math.abs(value);
  const text = abs >= 1e6 ? `${+(abs / 1e6).toFixed(1)}m` : abs >= 1e3 ? `${Math.round(abs / 1e3)}k` : `${Math.round(abs)}`;
  return `${value < 0 ? '-' : ''}£${text}`;
}

/** Planned, forecast and delivered savings by financial year as grouped bars (a picture of the table beside it). */
export function SavingsChart({ years }: { years: readonly SavingsYear[] }) {
  const values = years.flatMap((y) => SERIES.map((s) => moneyForDrawing(y[s.key])));
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const width = Math.max(320, LEFT + years.length * GROUP + 8);
  const y = (v: number) => TOP + ((max - v) / (max - min)) * (HEIGHT - TOP - BOTTOM);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  return (
    <figure class="chart">
      <ScrollBox label="Savings chart">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          style={{ minWidth: `${width * 0.85}px`, maxWidth: `${width * 1.3}px` }}
          role="img"
          aria-labelledby="savings-chart-title"
        >
          <title id="savings-chart-title">
            Savings by financial year: planned, forecast and delivered (figures in the table below)
          </title>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={width} y1={y(t)} y2={y(t)} stroke="#d8dadb" />
              <text x={LEFT - 6} y={y(t) + 4} text-anchor="end" class="chart__label">
                {short(t)}
              </text>
            </g>
          ))}
          {years.map((year, i) => (
            <g key={year.financialYear}>
              {SERIES.map((s, j) => {
                const v = moneyForDrawing(year[s.key]);
                return (
                  <rect
                    key={s.key}
                    x={LEFT + 12 + i * GROUP + j * BAR}
                    y={Math.min(y(v), y(0))}
                    width={BAR - 2}
                    height={Math.abs(y(0) - y(v))}
                    fill={s.colour}
                  >
                    <title>{`${year.financialYear} ${s.name.toLowerCase()}: ${money(year[s.key])}`}</title>
                  </rect>
                );
              })}
              <text x={LEFT + 12 + i * GROUP + (BAR * 3) / 2} y={HEIGHT - 8} text-anchor="middle" class="chart__label">
                {year.financialYear}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={width} y1={y(0)} y2={y(0)} stroke="#0b0c0c" />
        </svg>
      </ScrollBox>
      <figcaption class="chart__key">
        {SERIES.map((s) => (
          <span key={s.key} class="chart__key-item">
            <span class="chart__swatch" style={{ backgroundColor: s.colour }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
