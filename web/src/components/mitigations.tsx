// A risk's mitigations as Orange Book registers set them out: the controls already in place,
// with how well each works, apart from the further actions still to be done, with who does
// each, when it is due, how far that date has moved from the first one given, and the latest
// progress note. Purely presentational: the web page, the risk page and the report pack render it.
import { label, moved } from '../format';
import { asIs, ColumnHeadings, DateText, type Wrap } from './common';

export interface MitigationUpdateRow {
  on: string;
  note: string;
}

export interface MitigationRow {
  id: string;
  action: string;
  owner?: string | null;
  dueDate?: string | null;
  baselineDueDate?: string | null;
  status: string;
  completedOn?: string | null;
  overdue: boolean;
  kind: string;
  effectiveness?: string | null;
  /** Newest first. */
  updates: readonly MitigationUpdateRow[];
}

const Owner = ({ owner }: { owner?: string | null }) => <td>{owner ?? <span class="muted">none</span>}</td>;

function ControlsTable({ controls, caption }: { controls: readonly MitigationRow[]; caption: string }) {
  return (
    <table class="controls">
      <caption>{caption}</caption>
      <ColumnHeadings names={['Control', 'Owner', 'Effectiveness']} />
      <tbody>
        {controls.map((c) => {
          const effectiveness = c.effectiveness ?? 'NOT_ASSESSED';
          return (
            <tr key={c.id}>
              <th scope="row">{c.action}</th>
              <Owner owner={c.owner} />
              <td data-effectiveness={effectiveness}>
                {effectiveness === 'INEFFECTIVE' ? <strong>{label(effectiveness)}</strong> : label(effectiveness)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The due date, and how far it moved from the first one given (with that date). */
function Due({ action }: { action: MitigationRow }) {
  const { dueDate, baselineDueDate } = action;
  const slip = dueDate && baselineDueDate ? moved(baselineDueDate, dueDate) : null;
  return (
    <td>
      <DateText value={dueDate} />
      {slip && (
        <span class="slippage">
          {' '}
          ({slip}: first due <DateText value={baselineDueDate} />)
        </span>
      )}
    </td>
  );
}

/** The latest note with its date; every note behind a disclosure (open in print, where nothing can be clicked). */
function Progress({ updates, openNotes }: { updates: readonly MitigationUpdateRow[]; openNotes: boolean }) {
  const [latest] = updates;
  if (!latest) return <td class="muted">none</td>;
  return (
    <td class="progress">
      <DateText value={latest.on} />: {latest.note}
      {updates.length > 1 && (
        <details open={openNotes}>
          <summary>All {updates.length} progress notes</summary>
          <ol>
            {updates.map((u, i) => (
              <li key={i}>
                <DateText value={u.on} />: {u.note}
              </li>
            ))}
          </ol>
        </details>
      )}
    </td>
  );
}

function ActionsTable({
  actions,
  caption,
  openNotes,
}: {
  actions: readonly MitigationRow[];
  caption: string;
  openNotes: boolean;
}) {
  return (
    <table class="further-actions">
      <caption>{caption}</caption>
      <ColumnHeadings names={['Action', 'Owner', 'Due', 'Status', 'Latest progress']} />
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.action}</th>
            <Owner owner={a.owner} />
            <Due action={a} />
            <td>
              {label(a.status)}
              {a.completedOn && (
                <>
                  {' '}
                  on <DateText value={a.completedOn} />
                </>
              )}
              {a.overdue && <strong class="overdue"> Overdue</strong>}
            </td>
            <Progress updates={a.updates} openNotes={openNotes} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Existing controls" then "Further actions" (each in the API's order, by due date), captioned
 * with `of` (e.g. the risk's reference) when several risks share a page.
 */
export function Mitigations({
  mitigations,
  of,
  wrap = asIs,
  openNotes = false,
}: {
  mitigations: readonly MitigationRow[];
  of?: string;
  wrap?: Wrap;
  openNotes?: boolean;
}) {
  if (!mitigations.length) return <p>No mitigation is recorded.</p>;
  const controls = mitigations.filter((m) => m.kind === 'CONTROL');
  const actions = mitigations.filter((m) => m.kind !== 'CONTROL');
  const suffix = of ? ` of ${of}` : '';
  return (
    <div class="mitigations">
      {controls.length ? (
        wrap(<ControlsTable controls={controls} caption={`Existing controls${suffix}`} />, `Existing controls${suffix}`)
      ) : (
        <p>No existing control is recorded{suffix}.</p>
      )}
      {actions.length ? (
        wrap(
          <ActionsTable actions={actions} caption={`Further actions${suffix}`} openNotes={openNotes} />,
          `Further actions${suffix}`,
        )
      ) : (
        <p>No further action is recorded{suffix}.</p>
      )}
    </div>
  );
}
