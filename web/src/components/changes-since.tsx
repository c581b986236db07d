// What changed in a programme since a committee last met: the question members open scrutiny
// with. Each kind of change is a table under its own heading, and a kind with nothing in it says
// "No changes." rather than vanishing, so a reader can tell "nothing moved" from "not shown".
// Purely presentational, like the actions tables: the web page and the report pack render it.
import type { ComponentChildren, JSX } from 'preact';
import { money, slippage } from '../format';
import { ActionsTable, type CommitteeActionRow } from './committee-actions';
import { ColumnHeadings, DateText, RatingTag } from './common';
import { DecisionTrail, type TrailResolution } from './decision-trail';
import type { Band } from './rating';

interface Score {
  score: number;
  rating: Band;
}

interface ChangedRisk {
  id: string;
  reference: string;
  title: string;
}

interface ChangedMitigation {
  id: string;
  action: string;
  owner?: string | null;
  dueDate?: string | null;
  completedOn?: string | null;
  risk: { id: string; reference: string };
}

/** ProgrammeChanges as the page and the pack ask for it. */
export interface ProgrammeChangesData {
  since: string;
  riskMoves: {
    risk: ChangedRisk;
    before: Score;
    after: Score;
    assessments: { id: string; assessedOn: string; note?: string | null }[];
  }[];
  newRisks: (ChangedRisk & { identifiedOn: string; current: Score })[];
  closedRisks: (ChangedRisk & { closedOn?: string | null })[];
  mitigationsCompleted: ChangedMitigation[];
  mitigationsNowOverdue: ChangedMitigation[];
  mitigationsRescheduled: { mitigation: ChangedMitigation; dueDateBefore?: string | null; dueDateAfter?: string | null }[];
  milestonesMoved: {
    milestone: { id: string; title: string; actualDate?: string | null };
    forecastDateBefore: string;
    forecastDateAfter: string;
    slippageChange: number;
  }[];
  savingsChanged: {
    savingsLine: { id: string; description: string; financialYear: string };
    forecastBefore: string;
    forecastAfter: string;
    plannedBefore: string;
    plannedAfter: string;
  }[];
  deliveries: { id: string; amount: string; recordedOn: string; ledgerReference?: string | null; note?: string | null }[];
  resolutions: TrailResolution[];
  openActions: CommitteeActionRow[];
}

type Wrap = (table: JSX.Element, label: string) => JSX.Element;

/** One kind of change: its heading, then "No changes." or its table of rows. */
function ChangeTable<R>({
  title,
  caption,
  rows,
  columns,
  row,
  wrap,
}: {
  title: string;
  caption: string;
  rows: readonly R[];
  columns: readonly string[];
  row: (r: R) => ComponentChildren;
  wrap: Wrap;
}) {
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="no-changes">No changes.</p>
      ) : (
        wrap(
          <table class="changes">
            <caption>{caption}</caption>
            <ColumnHeadings names={columns} />
            <tbody>{rows.map(row)}</tbody>
          </table>,
          title,
        )
      )}
    </>
  );
}

/** One cell per date, in the order given. */
function DateCells({ values }: { values: readonly (string | null | undefined)[] }) {
  return (
    <>
      {values.map((value, i) => (
        <td key={i}>
          <DateText value={value} />
        </td>
      ))}
    </>
  );
}

/** "Up 4", "Down 6": the move in words, so it is never told by colour alone. */
function moved(before: number, after: number): string {
  return `${after > before ? 'Up' : 'Down'} ${Math.abs(after - before)}`;
}

/**
 * Every list of ProgrammeChanges in the API's order. `riskHref` links risks on the web page;
 * `wrap` lets the page put each table in a scroll box.
 */
export function ProgrammeChangesView({
  changes,
  riskHref,
  wrap = (table) => table,
}: {
  changes: ProgrammeChangesData;
  riskHref?: (id: string) => string;
  wrap?: Wrap;
}) {
  const risk = (r: { id: string; reference: string; title?: string }) => {
    const name = r.title ? `${r.reference} ${r.title}` : r.reference;
    return riskHref ? <a href={riskHref(r.id)}>{name}</a> : name;
  };
  const mitigation = (columns: (m: ChangedMitigation) => ComponentChildren) => (m: ChangedMitigation) => (
    <tr key={m.id}>
      <th scope="row">{m.action}</th>
      <td>{risk(m.risk)}</td>
      <td>{m.owner ?? <span class="muted">none</span>}</td>
      {columns(m)}
    </tr>
  );
  return (
    <div class="changes-since">
      <ChangeTable
        title="Risk scores moved"
        caption="Risks whose current score moved, highest now first"
        rows={changes.riskMoves}
        columns={['Risk', 'Before', 'Now', 'Moved', 'Why (assessments since)']}
        wrap={wrap}
        row={(m) => (
          <tr key={m.risk.id} data-risk={m.risk.reference}>
            <th scope="row">{risk(m.risk)}</th>
            <td>
              <RatingTag rating={m.before.rating} score={m.before.score} />
            </td>
            <td>
              <RatingTag rating={m.after.rating} score={m.after.score} />
            </td>
            <td class="changes__moved">{moved(m.before.score, m.after.score)}</td>
            <td>
              {m.assessments.map((a) => (
                <p key={a.id} class="changes__note">
                  <DateText value={a.assessedOn} />: {a.note ?? <span class="muted">no note</span>}
                </p>
              ))}
            </td>
          </tr>
        )}
      />
      <ChangeTable
        title="New risks"
        caption="Risks identified since the meeting, by reference"
        rows={changes.newRisks}
        columns={['Risk', 'Identified', 'Current score']}
        wrap={wrap}
        row={(r) => (
          <tr key={r.id} data-risk={r.reference}>
            <th scope="row">{risk(r)}</th>
            <DateCells values={[r.identifiedOn]} />
            <td>
              <RatingTag rating={r.current.rating} score={r.current.score} />
            </td>
          </tr>
        )}
      />
      <ChangeTable
        title="Risks closed"
        caption="Risks closed since the meeting, by reference"
        rows={changes.closedRisks}
        columns={['Risk', 'Closed']}
        wrap={wrap}
        row={(r) => (
          <tr key={r.id} data-risk={r.reference}>
            <th scope="row">{risk(r)}</th>
            <DateCells values={[r.closedOn]} />
          </tr>
        )}
      />
      <ChangeTable
        title="Mitigations completed"
        caption="Mitigations completed since the meeting, soonest due first"
        rows={changes.mitigationsCompleted}
        columns={['Mitigation', 'Risk', 'Owner', 'Due', 'Completed']}
        wrap={wrap}
        row={mitigation((m) => (
          <DateCells values={[m.dueDate, m.completedOn]} />
        ))}
      />
      <ChangeTable
        title="Mitigations now overdue"
        caption="Mitigations that fell overdue since the meeting, soonest due first"
        rows={changes.mitigationsNowOverdue}
        columns={['Mitigation', 'Risk', 'Owner', 'Was due']}
        wrap={wrap}
        row={mitigation((m) => (
          <td>
            <DateText value={m.dueDate} /> <strong class="overdue">Overdue</strong>
          </td>
        ))}
      />
      <ChangeTable
        title="Mitigations rescheduled"
        caption="Mitigations whose due date was changed since the meeting"
        rows={changes.mitigationsRescheduled}
        columns={['Mitigation', 'Risk', 'Owner', 'Was due', 'Now due']}
        wrap={wrap}
        row={(move) => mitigation(() => <DateCells values={[move.dueDateBefore, move.dueDateAfter]} />)(move.mitigation)}
      />
      <ChangeTable
        title="Milestones moved or reached"
        caption="Milestones whose dates moved, or that were reached, since the meeting"
        rows={changes.milestonesMoved}
        columns={['Milestone', 'Forecast before', 'Forecast now', 'Reached', 'Slippage change']}
        wrap={wrap}
        row={(m) => (
          <tr key={m.milestone.id}>
            <th scope="row">{m.milestone.title}</th>
            <DateCells values={[m.forecastDateBefore, m.forecastDateAfter, m.milestone.actualDate]} />
            <td class="number">{slippage(m.slippageChange)}</td>
          </tr>
        )}
      />
      <ChangeTable
        title="Savings changed"
        caption="Savings re-forecast, re-rated, rephased or written off since the meeting, by financial year"
        rows={changes.savingsChanged}
        columns={['Saving', 'Year', 'Planned before', 'Planned now', 'Forecast before', 'Forecast now']}
        wrap={wrap}
        row={(s) => (
          <tr key={s.savingsLine.id}>
            <th scope="row">{s.savingsLine.description}</th>
            <td>{s.savingsLine.financialYear}</td>
            {[s.plannedBefore, s.plannedAfter, s.forecastBefore, s.forecastAfter].map((amount, i) => (
              <td key={i} class="number">
                {money(amount)}
              </td>
            ))}
          </tr>
        )}
      />
      <ChangeTable
        title="Savings delivered"
        caption="Savings deliveries recorded since the meeting, in the order recorded"
        rows={changes.deliveries}
        columns={['Recorded', 'Amount', 'Ledger reference', 'Note']}
        wrap={wrap}
        row={(d) => (
          <tr key={d.id}>
            <th scope="row">
              <DateText value={d.recordedOn} />
            </th>
            <td class="number">{money(d.amount)}</td>
            <td>{d.ledgerReference ?? <span class="muted">none</span>}</td>
            <td>{d.note ?? <span class="muted">none</span>}</td>
          </tr>
        )}
      />
      <h3>Resolutions since</h3>
      {changes.resolutions.length === 0 ? (
        <p class="no-changes">No changes.</p>
      ) : (
        <DecisionTrail resolutions={changes.resolutions} />
      )}
      <h3>Committee actions outstanding</h3>
      {changes.openActions.length === 0 ? (
        <p class="no-changes">No committee action is open.</p>
      ) : (
        wrap(
          <ActionsTable actions={changes.openActions} caption="Committee actions still open, soonest due first" />,
          'Committee actions outstanding',
        )
      )}
    </div>
  );
}
