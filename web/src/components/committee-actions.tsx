// A programme's committee actions as members read them at scrutiny: what is still outstanding
// first (overdue ones marked in words, not colour alone), then what was done or dropped.
// Purely presentational, like the milestones table: the web page and the report pack render it.
import type { JSX } from 'preact';
import { date, label } from '../format';
import { ColumnHeadings, DateText, ScrollBox } from './common';

export interface CommitteeActionRow {
  id: string;
  text: string;
  owner?: string | null;
  dueDate?: string | null;
  status: string;
  completedOn?: string | null;
  overdue: boolean;
  meeting: { date: string; committee: { name: string } };
  reportTo?: { name: string } | null;
  resolution?: { agendaItem?: string | null; number?: string | null } | null;
}

/** OPEN actions then the rest, each keeping the API's order (due date, then meeting). */
export function outstandingFirst<A extends { status: string }>(actions: readonly A[]): { outstanding: A[]; closed: A[] } {
  return {
    outstanding: actions.filter((a) => a.status === 'OPEN'),
    closed: actions.filter((a) => a.status !== 'OPEN'),
  };
}

/** One table of actions in the order given; the overdue ones say so in words. */
export function ActionsTable({ actions, caption }: { actions: readonly CommitteeActionRow[]; caption: string }) {
  return (
    <table class="committee-actions">
      <caption>{caption}</caption>
      <ColumnHeadings names={['Action', 'Owner', 'Due', 'Report to', 'Given at', 'Status']} />
      <tbody>
        {actions.map((a) => {
          const item = a.resolution && [a.resolution.agendaItem, a.resolution.number].filter(Boolean).join(' / ');
          return (
            <tr key={a.id} data-action-status={a.overdue ? 'OVERDUE' : a.status}>
              <th scope="row">{a.text}</th>
              <td>{a.owner ?? <span class="muted">none</span>}</td>
              <td>
                <DateText value={a.dueDate} />
              </td>
              <td>{a.reportTo?.name ?? <span class="muted">none</span>}</td>
              <td>
                {a.meeting.committee.name}, {date(a.meeting.date)}
                {item ? ` (resolution ${item})` : ''}
              </td>
              <td>
                {a.overdue ? <strong class="overdue">Overdue</strong> : label(a.status)}
                {a.completedOn && (
                  <>
                    {' '}
                    on <DateText value={a.completedOn} />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Outstanding actions (with how many are overdue), then done or dropped ones; `wrap` lets the page put each table in a scroll box. */
export function CommitteeActions({
  actions,
  wrap = (table) => table,
}: {
  actions: readonly CommitteeActionRow[];
  wrap?: (table: JSX.Element, label: string) => JSX.Element;
}) {
  if (actions.length === 0) return <p>No committee action is recorded about this programme.</p>;
  const { outstanding, closed } = outstandingFirst(actions);
  const overdue = outstanding.filter((a) => a.overdue).length;
  return (
    <>
      <p class="actions-summary">
        {outstanding.length} outstanding, {overdue} overdue; {closed.length} done or dropped.
      </p>
      {outstanding.length === 0 ? (
        <p>No action is outstanding.</p>
      ) : (
        wrap(
          <ActionsTable actions={outstanding} caption="Outstanding committee actions, soonest due first" />,
          'Outstanding committee actions',
        )
      )}
      {closed.length > 0 &&
        wrap(<ActionsTable actions={closed} caption="Committee actions done or dropped" />, 'Committee actions done or dropped')}
    </>
  );
}

/** The web page's "Actions" section: the tables scroll inside their own boxes on a narrow screen. */
export function CommitteeActionsSection({ actions }: { actions: readonly CommitteeActionRow[] }) {
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <CommitteeActions
        actions={actions}
        wrap={(table, name) => (
          <ScrollBox key={name} label={name}>
            {table}
          </ScrollBox>
        )}
      />
    </section>
  );
}
