// A programme's issue log: problems that have happened and are being managed, as members ask
// about them at scrutiny. Open issues first, the most serious first, then the resolved ones with
// when and how. Purely presentational: the web page and the report pack render it.
import type { ComponentChildren } from 'preact';
import { asIs, ColumnHeadings, DateText, RatingTag, type Wrap } from './common';
import type { Band } from './rating';

export interface IssueRow {
  id: string;
  reference: string;
  title: string;
  priority: Band;
  owner?: string | null;
  status: string;
  raisedOn: string;
  resolvedOn?: string | null;
  resolutionNote?: string | null;
  fromRisk?: { id: string; reference: string; title: string } | null;
}

const RANK: Record<Band, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/** OPEN issues by priority (RED first; the API's newest-raised order within one), then the resolved ones. */
export function openFirst<I extends { status: string; priority: Band }>(issues: readonly I[]): { open: I[]; resolved: I[] } {
  return {
    open: issues.filter((i) => i.status === 'OPEN').sort((a, b) => RANK[a.priority] - RANK[b.priority]),
    resolved: issues.filter((i) => i.status !== 'OPEN'),
  };
}

/** `riskLink` makes the risk a link (the page); the pack writes it as text. */
export type RiskLink = (risk: NonNullable<IssueRow['fromRisk']>, text: string) => ComponentChildren;

function FromRisk({ risk, riskLink }: { risk: IssueRow['fromRisk']; riskLink?: RiskLink }) {
  if (!risk) return <td class="muted">raised directly</td>;
  const text = `${risk.reference} ${risk.title}`;
  return <td>{riskLink ? riskLink(risk, text) : text}</td>;
}

function IssuesTable({
  issues,
  caption,
  resolved,
  riskLink,
}: {
  issues: readonly IssueRow[];
  caption: string;
  resolved: boolean;
  riskLink?: RiskLink;
}) {
  const names = ['Issue', 'Priority', 'Owner', 'Raised', ...(resolved ? ['Resolved', 'How'] : []), 'Raised from risk'];
  return (
    <table class="issues">
      <caption>{caption}</caption>
      <ColumnHeadings names={names} />
      <tbody>
        {issues.map((i) => (
          <tr key={i.id} data-issue={i.reference}>
            <th scope="row">
              {i.reference} {i.title}
            </th>
            <td>
              <RatingTag rating={i.priority} />
            </td>
            <td>{i.owner ?? <span class="muted">none</span>}</td>
            <td>
              <DateText value={i.raisedOn} />
            </td>
            {resolved && (
              <>
                <td>
                  <DateText value={i.resolvedOn} />
                </td>
                <td>{i.resolutionNote ?? <span class="muted">none</span>}</td>
              </>
            )}
            <FromRisk risk={i.fromRisk} riskLink={riskLink} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How many are open and resolved, then a table of each (`wrap` puts each where the medium wants it). */
export function IssueLog({ issues, wrap = asIs, riskLink }: { issues: readonly IssueRow[]; wrap?: Wrap; riskLink?: RiskLink }) {
  if (issues.length === 0) return <p>No issue is recorded for this programme.</p>;
  const { open, resolved } = openFirst(issues);
  return (
    <>
      <p class="issues-summary">
        {open.length} open, {resolved.length} resolved.
      </p>
      {open.length === 0 ? (
        <p>No issue is open.</p>
      ) : (
        wrap(
          <IssuesTable issues={open} caption="Open issues, highest priority first" resolved={false} riskLink={riskLink} />,
          'Open issues',
        )
      )}
      {resolved.length > 0 &&
        wrap(
          <IssuesTable issues={resolved} caption="Resolved issues, newest raised first" resolved riskLink={riskLink} />,
          'Resolved issues',
        )}
    </>
  );
}
