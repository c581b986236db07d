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
  mitigations: { action: string; overdue: boolean }[];
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
        mitigations { action overdue }
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

/** The register's columns, as the issue names them; the actions in the order the API lists mitigations. */
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
  text('actions', (r) => (r.mitigations.length ? r.mitigations.map((m) => m.action).join('; ') : null), 60),
];
