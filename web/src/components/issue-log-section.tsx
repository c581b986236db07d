// The page's own wrapping of the issue log (the pack renders IssueLog bare): kept apart from
// issue-log.tsx because the router it links with is the page's alone, not the server's.
import { href } from '../router';
import { inScrollBox } from './common';
import { IssueLog, type IssueRow } from './issue-log';

/** The web page's "Issue log" section: each table scrolls in its own box, each risk links to its page. */
export function IssueLogSection({ issues }: { issues: readonly IssueRow[] }) {
  return (
    <section aria-labelledby="issues-heading">
      <h2 id="issues-heading">Issue log</h2>
      <IssueLog issues={issues} wrap={inScrollBox} riskLink={(risk, text) => <a href={href.risk(risk.id)}>{text}</a>} />
    </section>
  );
}
