import { Context } from '../../context';
import { InProcessQueries, operation } from '../../graphql/in-process';
import { boolean, Columns, date, number, text } from './columns';

interface Score {
  score: number;
  rating: string;
}

export interface RiskNode {
  programme: { code: string; name: string };
  reference: string;
  title: string;
  category: string;
  owner: string | null;
  status: string;
  inherent: Score;
  current: Score;
  target: Score | null;
  trend: string;
  withinAppetite: boolean;
  reviewDate: string | null;
  reviewOverdue: boolean;
  cause: string | null;
  effect: string | null;
  treatment: string | null;
  proximity: string | null;
  escalated: boolean;
  mitigations: { action: string; overdue: boolean; kind: string; effectiveness: string | null }[];
}

/** The `risks` list's largest page: the fewest round trips for a long export. */
const PAGE = 500;

interface RiskPage {
  risks: { nodes: RiskNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const RISK_PAGE = operation<RiskPage, { filter: { programmeId: string } | null; after: string | null }>(`
  query ExportRisks($filter: RiskFilter, $after: String) {
    risks(filter: $filter, first: ${PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        programme { code name }
        reference title category owner status
        inherent { score rating }
        current { score rating }
        target { score rating }
        trend withinAppetite reviewDate reviewOverdue
        cause effect treatment proximity escalated
        mitigations { action overdue kind effectiveness }
      }
    }
  }`);

/**
 * Every risk the `risks` query answers the caller without a filter (closed ones included), or
 * only those of one programme, in its order, a page at a time. Each page has a context of its own:
 * a request's loaders keep what they have read, which over 20,000 risks would be all of it.
 */
export async function* riskPages(
  queries: InProcessQueries,
  context: () => Context,
  programmeId: string | undefined,
): AsyncGenerator<RiskNode[]> {
  let after: string | null = null;
  do {
    const { risks }: RiskPage = await queries.run(RISK_PAGE, { filter: programmeId ? { programmeId } : null, after }, context());
    yield risks.nodes;
    after = risks.pageInfo.hasNextPage ? risks.pageInfo.endCursor : null;
  } while (after);
}

/** The mitigations of one kind as one cell, in the API's order; a control with its rating. */
function listed(r: RiskNode, kind: 'ACTION' | 'CONTROL'): string | null {
  const of = r.mitigations.filter((m) => m.kind === kind);
  return of.length ? of.map((m) => (m.effectiveness ? `${m.action} (${m.effectiveness})` : m.action)).join('; ') : null;
}

/**
 * The register's columns, as the issue names them; the actions in the order the API lists
 * mitigations. Issue 17's columns follow (cause, effect, treatment, proximity, whether on the
 * corporate register, the controls in place apart from the actions), after the first ones so
 * that a spreadsheet reading those by position still does.
 */
export const riskColumns: Columns<RiskNode> = [
  text('programme_code', (r) => r.programme.code, 14),
  text('programme_name', (r) => r.programme.name, 30),
  text('reference', (r) => r.reference, 10),
  text('title', (r) => r.title, 40),
  text('category', (r) => r.category, 18),
  text('owner', (r) => r.owner, 20),
  text('status', (r) => r.status, 8),
  number('inherent_score', (r) => r.inherent.score),
  text('inherent_rating', (r) => r.inherent.rating, 10),
  number('current_score', (r) => r.current.score),
  text('current_rating', (r) => r.current.rating, 10),
  number('target_score', (r) => r.target?.score),
  text('target_rating', (r) => r.target?.rating, 10),
  text('trend', (r) => r.trend, 11),
  boolean('within_appetite', (r) => r.withinAppetite),
  date('review_date', (r) => r.reviewDate),
  boolean('review_overdue', (r) => r.reviewOverdue),
  number('mitigations', (r) => r.mitigations.length),
  number('mitigations_overdue', (r) => r.mitigations.filter((m) => m.overdue).length),
  text('actions', (r) => listed(r, 'ACTION'), 60),
  text('cause', (r) => r.cause, 40),
  text('effect', (r) => r.effect, 40),
  text('treatment', (r) => r.treatment, 10),
  date('proximity', (r) => r.proximity),
  boolean('escalated', (r) => r.escalated),
  text('controls', (r) => listed(r, 'CONTROL'), 60),
];
