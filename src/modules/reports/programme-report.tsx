// The printable report pack of one programme: what a committee gets as its appendix. Rendered on
// the server with preact-render-to-string from the caller's own answer to REPORT_QUERY, so every
// text is escaped by the renderer and the pack holds exactly what the caller may see. The heat map
// is the web page's own component, so the two never disagree.
import { HeatMap, HeatMapLegend } from '../../../web/src/components/heat-map';
import { BAND_COLOURS, Band } from '../../../web/src/components/rating';
import { date, label, money, slippage } from '../../../web/src/format';
import { renderToString } from 'preact-render-to-string';
import { ReportData } from './report-query';

/** A4 pages: no navigation, each section on a new page, table headers repeated on every page. */
const PRINT_CSS = `
@page { size: A4; margin: 18mm 15mm; }
body { font: 11pt/1.4 system-ui, sans-serif; color: #0b0c0c; margin: 0; }
nav, button { display: none; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #b1b4b6; padding: 3pt 5pt; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding-bottom: 3pt; }
.number { text-align: right; }
.heat-map { width: auto; }
.heat-map td, .heat-map th { width: 12mm; height: 10mm; text-align: center; }
.heat-map__cell, .rating-tag, .heat-map-legend__band { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.rating-tag, .heat-map-legend__band { padding: 0 4pt; }
.produced { color: #505a5f; }
`;

const PRODUCED = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

function Rating({ rating, score }: { rating: Band; score: number }) {
  const { background, text } = BAND_COLOURS[rating];
  return (
    <span class="rating-tag" style={{ backgroundColor: background, color: text }}>
      {score} {rating}
    </span>
  );
}

const when = (value: string | null) => (value ? date(value) : 'none');

type Programme = NonNullable<ReportData['programme']>;

function Summary({ programme, risks, slipped }: { programme: Programme; risks: Programme['risks']; slipped: number }) {
  const red = risks.filter((r) => r.current.rating === 'RED').length;
  const above = risks.filter((r) => !r.withinAppetite).length;
  const escalated = risks.filter((r) => r.escalated).length;
  return (
    <section id="summary">
      <h2>Summary</h2>
      {programme.description && <p>{programme.description}</p>}
      <dl>
        <dt>Owner</dt>
        <dd>{programme.owner ?? 'none'}</dd>
        <dt>Status</dt>
        <dd>{label(programme.status)}</dd>
        <dt>Dates</dt>
        <dd>
          {when(programme.startDate)} to {when(programme.endDate)}
        </dd>
      </dl>
      <h3>Health</h3>
      <ul id="health">
        <li>
          {risks.length} open risks, {red} rated RED
        </li>
        <li>{above} open risks above appetite</li>
        <li>{escalated} open risks escalated to the corporate register</li>
        <li>
          {slipped} of {programme.milestones.length} milestones slipped
        </li>
      </ul>
    </section>
  );
}

/** The risk as cause, event and effect, with the chosen response and when it would strike: only what is set. */
function RiskStatement({ risk }: { risk: Programme['risks'][number] }) {
  const parts: [string, string][] = [];
  if (risk.cause) parts.push(['Cause', risk.cause]);
  if (risk.effect) parts.push(['Effect', risk.effect]);
  if (risk.treatment) parts.push(['Treatment', label(risk.treatment)]);
  if (risk.proximity) parts.push(['Proximity', date(risk.proximity)]);
  if (!parts.length) return null;
  return (
    <dl class="risk-statement">
      {parts.map(([term, text]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{text}</dd>])}
    </dl>
  );
}

function AboveAppetite({ risks }: { risks: Programme['risks'] }) {
  const above = risks.filter((r) => !r.withinAppetite);
  return (
    <section id="above-appetite">
      <h2>Risks above appetite</h2>
      {above.length === 0 && <p>No open risk is above the council’s appetite for its category.</p>}
      {above.map((risk) => (
        <article key={risk.id} data-risk={risk.reference}>
          <h3>
            {risk.reference} {risk.title}
          </h3>
          <p>
            Current score <Rating rating={risk.current.rating} score={risk.current.score} />, {label(risk.category)}, trend{' '}
            {label(risk.trend)}
            {risk.reviewOverdue && <strong>, review overdue</strong>}
            {risk.escalated && <strong>, escalated to the corporate register</strong>}
          </p>
          <RiskStatement risk={risk} />
          <table>
            <caption>Mitigations of {risk.reference}</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Kind</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {risk.mitigations.map((m) => (
                <tr key={m.id}>
                  <td>{m.action}</td>
                  <td>
                    {label(m.kind)}
                    {m.effectiveness && `: ${label(m.effectiveness)}`}
                  </td>
                  <td>{m.owner ?? ''}</td>
                  <td>
                    {when(m.dueDate)}
                    {m.baselineDueDate && m.baselineDueDate !== m.dueDate && ` (first due ${date(m.baselineDueDate)})`}
                  </td>
                  <td>
                    {label(m.status)}
                    {m.overdue && <strong>, overdue</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}

function Slipped({ milestones }: { milestones: Programme['milestones'] }) {
  return (
    <section id="slipped-milestones">
      <h2>Slipped milestones</h2>
      {milestones.length === 0 ? (
        <p>No milestone has slipped.</p>
      ) : (
        <table>
          <caption>Milestones forecast or delivered after their baseline</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Baseline</th>
              <th scope="col">Forecast</th>
              <th scope="col">Actual</th>
              <th scope="col">Slippage</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td>{when(m.baselineDate)}</td>
                <td>{when(m.forecastDate)}</td>
                <td>{when(m.actualDate)}</td>
                <td class="number">{slippage(m.slippageDays)}</td>
                <td>{label(m.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Savings({ savings }: { savings: ReportData['savingsReconciliation'] }) {
  return (
    <section id="savings">
      <h2>Savings</h2>
      <table class="savings">
        <caption>Programme savings by financial year (savings only, before one-off costs)</caption>
        <thead>
          <tr>
            <th scope="col">Financial year</th>
            <th scope="col" class="number">
              Planned
            </th>
            <th scope="col" class="number">
              Forecast
            </th>
            <th scope="col" class="number">
              Delivered
            </th>
            <th scope="col" class="number">
              Variance
            </th>
          </tr>
        </thead>
        <tbody>
          {savings.rows.map((y) => (
            <tr key={y.financialYear}>
              <th scope="row">{y.financialYear}</th>
              <td class="number">{money(y.totals.planned)}</td>
              <td class="number">{money(y.totals.forecast)}</td>
              <td class="number">{money(y.totals.delivered)}</td>
              <td class="number">{money(y.totals.variance)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td class="number">{money(savings.totals.planned)}</td>
            <td class="number">{money(savings.totals.forecast)}</td>
            <td class="number">{money(savings.totals.delivered)}</td>
            <td class="number">{money(savings.totals.variance)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Resolutions({ resolutions }: { resolutions: ReportData['resolutions']['nodes'] }) {
  return (
    <section id="resolutions">
      <h2>Resolutions</h2>
      {resolutions.length === 0 ? (
        <p>No resolution is linked to this programme.</p>
      ) : (
        <table>
          <caption>Committee resolutions behind the programme, newest meeting first</caption>
          <thead>
            <tr>
              <th scope="col">Meeting</th>
              <th scope="col">Item</th>
              <th scope="col">Resolution</th>
            </tr>
          </thead>
          <tbody>
            {resolutions.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.meeting.committee.name}, {date(r.meeting.date)}
                </td>
                <td>{[r.agendaItem, r.number].filter(Boolean).join(' / ')}</td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The whole HTML document of the pack; `now` decides the "Produced on" date (Europe/London). */
function ProgrammeReport({ data, now }: { data: ReportData & { programme: Programme }; now: Date }) {
  const { programme } = data;
  const slipped = programme.milestones.filter((m) => m.slippageDays > 0);
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <title>
          {programme.code} {programme.name}: report pack
        </title>
        <style>{PRINT_CSS}</style>
      </head>
      <body>
        <header>
          <h1>
            {programme.code} {programme.name}
          </h1>
          <p class="produced">Produced on {PRODUCED.format(now)}</p>
        </header>
        <main>
          <Summary programme={programme} risks={programme.risks} slipped={slipped.length} />
          <section id="heat-map">
            <h2>Risk heat map</h2>
            <HeatMap basis="CURRENT" cells={data.riskMatrix.cells} />
            <HeatMapLegend />
          </section>
          <AboveAppetite risks={programme.risks} />
          <Slipped milestones={slipped} />
          <Savings savings={data.savingsReconciliation} />
          <Resolutions resolutions={data.resolutions.nodes} />
        </main>
      </body>
    </html>
  );
}

/** The pack as an HTML document. */
export function renderReport(data: ReportData & { programme: Programme }, now: Date): string {
  return `<!DOCTYPE html>${renderToString(<ProgrammeReport data={data} now={now} />)}`;
}
