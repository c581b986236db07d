// The printable report pack of one programme: what a committee gets as its appendix. Rendered on
// the server with preact-render-to-string from the caller's own answer to REPORT_QUERY, so every
// text is escaped by the renderer and the pack holds exactly what the caller may see. The heat map
// and the tables of mitigations, issues, milestones and savings are the web page's own components, so
// the two never disagree.
import type { ComponentChildren } from 'preact';
import { ProgrammeChangesView } from '../../../web/src/components/changes-since';
import { CommitteeActions } from '../../../web/src/components/committee-actions';
import { ColumnHeadings, RatingTag } from '../../../web/src/components/common';
import { HeatMap, HeatMapLegend } from '../../../web/src/components/heat-map';
import { IssueLog } from '../../../web/src/components/issue-log';
import { MilestonesTable } from '../../../web/src/components/milestones-table';
import { Mitigations } from '../../../web/src/components/mitigations';
import { ProgrammeHealth } from '../../../web/src/components/programme-health';
import { EscalatedMarker, RiskStatement } from '../../../web/src/components/risk-statement';
import { SavingsTable } from '../../../web/src/components/savings-table';
import { date, label } from '../../../web/src/format';
import { meetingName } from '../../../web/src/meetings';
import { renderToString } from 'preact-render-to-string';
import { PackChanges } from './changes-query';
import { ReportData, ReportProgramme } from './report-query';

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
.escalated strong { display: inline-block; border: 2px solid #0b0c0c; padding: 0 4pt; }
.risk-statement { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 8pt; }
.risk-statement div { display: contents; }
.risk-statement dt { font-weight: bold; }
.risk-statement dd { margin: 0; }
.progress ol { margin: 2pt 0 0; padding-left: 14pt; }
.progress summary { font-weight: bold; }
`;

const PRODUCED = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

const when = (value: string | null) => (value ? date(value) : 'none');

/** One section of the pack (each starts a new page): its heading, then `empty` when it has nothing to show, else its body. */
function Section({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  children?: ComponentChildren;
}) {
  return (
    <section id={id}>
      <h2>{title}</h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

function Summary({
  programme,
  risks,
  slipped,
}: {
  programme: ReportProgramme;
  risks: ReportProgramme['risks'];
  slipped: number;
}) {
  const red = risks.filter((r) => r.current.rating === 'RED').length;
  const above = risks.filter((r) => !r.withinAppetite).length;
  const escalated = risks.filter((r) => r.escalated).length;
  return (
    <Section id="summary" title="Summary">
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
    </Section>
  );
}

function AboveAppetite({ risks }: { risks: ReportProgramme['risks'] }) {
  const above = risks.filter((r) => !r.withinAppetite);
  return (
    <Section
      id="above-appetite"
      title="Risks above appetite"
      empty={above.length === 0 && 'No open risk is above the council’s appetite for its category.'}
    >
      {above.map((risk) => (
        <article key={risk.id} data-risk={risk.reference}>
          <h3>
            {risk.reference} {risk.title}
          </h3>
          <p>
            Current score <RatingTag rating={risk.current.rating} score={risk.current.score} />, {label(risk.category)}, trend{' '}
            {label(risk.trend)}
            {risk.reviewOverdue && <strong>, review overdue</strong>}
          </p>
          <EscalatedMarker escalated={risk.escalated} />
          <RiskStatement risk={risk} />
          <Mitigations of={risk.reference} mitigations={risk.mitigations} openNotes />
        </article>
      ))}
    </Section>
  );
}

function Resolutions({ resolutions }: { resolutions: ReportData['resolutions']['nodes'] }) {
  return (
    <Section
      id="resolutions"
      title="Resolutions"
      empty={resolutions.length === 0 && 'No resolution is linked to this programme.'}
    >
      <table>
        <caption>Committee resolutions behind the programme, newest meeting first</caption>
        <ColumnHeadings names={['Meeting', 'Item', 'Resolution']} />
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
    </Section>
  );
}

/** What changed since the meeting chosen (the latest the programme was considered at, unless asked otherwise). */
function ChangesSince({ changes, now }: { changes: PackChanges | null; now: Date }) {
  return (
    <Section
      id="changes"
      title="Since the committee last met"
      empty={!changes && 'No committee has met about this programme yet.'}
    >
      {changes && (
        <>
          <p>
            What was recorded after the meeting of {meetingName(changes.meeting)}, up to {PRODUCED.format(now)}.
          </p>
          <ProgrammeChangesView changes={changes.changes} />
        </>
      )}
    </Section>
  );
}

type PackData = ReportData & { programme: ReportProgramme; changes: PackChanges | null };

/** The whole HTML document of the pack; `now` decides the "Produced on" date (Europe/London). */
function ProgrammeReport({ data, now }: { data: PackData; now: Date }) {
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
          <Section id="programme-health" title="Programme health">
            <ProgrammeHealth health={programme.health} history={programme.healthHistory} />
          </Section>
          <ChangesSince changes={data.changes} now={now} />
          <Section id="heat-map" title="Risk heat map">
            <HeatMap basis="CURRENT" cells={data.riskMatrix.cells} />
            <HeatMapLegend />
          </Section>
          <AboveAppetite risks={programme.risks} />
          <Section id="issues" title="Issue log">
            <IssueLog issues={programme.issues} />
          </Section>
          <Section id="actions" title="Actions">
            <CommitteeActions actions={programme.actions} />
          </Section>
          <Section id="slipped-milestones" title="Slipped milestones" empty={slipped.length === 0 && 'No milestone has slipped.'}>
            <MilestonesTable milestones={slipped} caption="Milestones forecast or delivered after their baseline" />
          </Section>
          <Section id="savings" title="Savings">
            <SavingsTable rows={data.savingsReconciliation.rows} totals={data.savingsReconciliation.totals} />
          </Section>
          <Resolutions resolutions={data.resolutions.nodes} />
        </main>
      </body>
    </html>
  );
}

/** The pack as an HTML document. */
export function renderReport(data: PackData, now: Date): string {
  return `<!DOCTYPE html>${renderToString(<ProgrammeReport data={data} now={now} />)}`;
}
