import { date, dayNumber, slippage } from '../format';

export interface TimelineMilestone {
  id: string;
  title: string;
  baselineDate: string;
  forecastDate: string;
  actualDate?: string | null;
  slippageDays: number;
}

const LATE = '#b52a1c';
const ON_TIME = '#00703c';

/**
 * Each milestone's baseline (hollow diamond) and its actual date, or its forecast while it has
 * none (filled or hollow circle), joined by a line: red when late, green when on time or early.
 * Drawn with positioned boxes rather than SVG text, so titles wrap on a narrow screen.
 */
export function MilestoneTimeline({ milestones }: { milestones: readonly TimelineMilestone[] }) {
  const days = milestones.flatMap((m) => [m.baselineDate, m.actualDate ?? m.forecastDate].map(dayNumber));
  const start = Math.min(...days) - 45;
  const end = Math.max(...days) + 45;
  const at = (day: number) => `${((day - start) / (end - start)) * 100}%`;
  const firstYear = new Date(start * 86_400_000).getUTCFullYear() + 1;
  const lastYear = new Date(end * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 6));
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year += step) years.push(year);
  return (
    <figure class="timeline">
      <div class="timeline__plot">
        <div class="timeline__axis" aria-hidden="true">
          {years.map((year) => (
            <span key={year} class="timeline__year" style={{ left: at(Date.UTC(year, 0, 1) / 86_400_000) }}>
              {year}
            </span>
          ))}
        </div>
        {years.map((year) => (
          <span key={year} class="timeline__grid" style={{ left: at(Date.UTC(year, 0, 1) / 86_400_000) }} aria-hidden="true" />
        ))}
        <ol class="timeline__rows">
          {milestones.map((m) => {
            const baseline = dayNumber(m.baselineDate);
            const latest = dayNumber(m.actualDate ?? m.forecastDate);
            const colour = m.slippageDays > 0 ? LATE : ON_TIME;
            return (
              <li key={m.id}>
                <span class="timeline__title">
                  {m.title} <span class="muted">({slippage(m.slippageDays)})</span>
                </span>
                <span
                  class="timeline__track"
                  aria-hidden="true"
                  title={`baseline ${date(m.baselineDate)}, ${m.actualDate ? `actual ${date(m.actualDate)}` : `forecast ${date(m.forecastDate)}`}`}
                >
                  <span
                    class="timeline__line"
                    style={{
                      left: at(Math.min(baseline, latest)),
                      right: `calc(100% - ${at(Math.max(baseline, latest))})`,
                      backgroundColor: colour,
                    }}
                  />
                  <span class="timeline__baseline" style={{ left: at(baseline) }} />
                  <span
                    class="timeline__point"
                    style={{ left: at(latest), borderColor: colour, backgroundColor: m.actualDate ? colour : '#ffffff' }}
                  />
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      <figcaption class="chart__key">
        <span class="chart__key-item">
          <span class="timeline__baseline timeline__baseline--key" aria-hidden="true" /> baseline
        </span>
        <span class="chart__key-item">
          <span
            class="timeline__point timeline__point--key"
            style={{ backgroundColor: ON_TIME, borderColor: ON_TIME }}
            aria-hidden="true"
          />{' '}
          actual
        </span>
        <span class="chart__key-item">
          <span class="timeline__point timeline__point--key" style={{ borderColor: ON_TIME }} aria-hidden="true" /> forecast
        </span>
        <span class="chart__key-item">
          <span class="chart__swatch" style={{ backgroundColor: LATE }} aria-hidden="true" /> late
        </span>
        <span class="chart__key-item">
          <span class="chart__swatch" style={{ backgroundColor: ON_TIME }} aria-hidden="true" /> on time or early
        </span>
      </figcaption>
    </figure>
  );
}
