import { Loaded, ScrollBox, useTitle } from '../components/common';
import { BAND_COLOURS } from '../components/rating';
import { label, money } from '../format';
import { graphql } from '../gql';
import type { PortfolioQuery } from '../gql/graphql';
import { href } from '../router';
import { useQuery } from '../use-query';

// 500 is the API's largest page: far more programmes than a council runs at once
const PortfolioDocument = graphql(`
  query Portfolio {
    programmes(first: 500) {
      totalCount
      nodes {
        id
        code
        name
        status
        risks(filter: { status: [OPEN] }) {
          id
          current {
            rating
          }
          withinAppetite
        }
        milestones {
          id
          slippageDays
        }
      }
    }
    savingsReconciliation(groupBy: [PROGRAMME]) {
      rows {
        programme {
          id
        }
        totals {
          planned
          delivered
        }
      }
    }
  }
`);

type Programme = PortfolioQuery['programmes']['nodes'][number];

const RATINGS = ['RED', 'AMBER', 'GREEN'] as const;

function Row({ programme, savings }: { programme: Programme; savings?: { planned: string; delivered: string } }) {
  const open = (rating: string) => programme.risks.filter((r) => r.current.rating === rating).length;
  return (
    <tr data-programme={programme.code}>
      <th scope="row">
        <a href={href.programme(programme.id)}>
          {programme.code} {programme.name}
        </a>
      </th>
      <td>{label(programme.status)}</td>
      {RATINGS.map((rating) => (
        <td key={rating} class="number" data-figure={`open-${rating.toLowerCase()}`}>
          {open(rating)}
        </td>
      ))}
      <td class="number" data-figure="above-appetite">
        {programme.risks.filter((r) => !r.withinAppetite).length}
      </td>
      <td class="number" data-figure="slipped-milestones">
        {programme.milestones.filter((m) => m.slippageDays > 0).length}
      </td>
      <td class="number" data-figure="savings-planned">
        {money(savings?.planned ?? '0.00')}
      </td>
      <td class="number" data-figure="savings-delivered">
        {money(savings?.delivered ?? '0.00')}
      </td>
    </tr>
  );
}

function PortfolioTable({ data }: { data: PortfolioQuery }) {
  const savings = new Map(data.savingsReconciliation.rows.map((r) => [r.programme?.id, r.totals]));
  const { nodes, totalCount } = data.programmes;
  if (!nodes.length) return <p>No programme is recorded yet.</p>;
  return (
    <>
      <ScrollBox label="Programme portfolio">
        <table class="portfolio">
          <caption>Programme portfolio: every programme you may see, with its open risks, milestones and savings</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Programme
              </th>
              <th scope="col" rowSpan={2}>
                Status
              </th>
              <th scope="colgroup" colSpan={3}>
                Open risks by rating
              </th>
              <th scope="col" rowSpan={2}>
                Risks above appetite
              </th>
              <th scope="col" rowSpan={2}>
                Slipped milestones
              </th>
              <th scope="colgroup" colSpan={2}>
                Savings
              </th>
            </tr>
            <tr>
              {RATINGS.map((rating) => (
                <th scope="col" key={rating} class="number">
                  <span class="rating-dot" style={{ backgroundColor: BAND_COLOURS[rating].background }} aria-hidden="true" />
                  {label(rating)}
                </th>
              ))}
              <th scope="col" class="number">
                Planned
              </th>
              <th scope="col" class="number">
                Delivered
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((p) => (
              <Row key={p.id} programme={p} savings={savings.get(p.id)} />
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {totalCount > nodes.length && (
        <p>
          Showing the first {nodes.length} of {totalCount} programmes.
        </p>
      )}
    </>
  );
}

export function Portfolio() {
  useTitle('Portfolio');
  const state = useQuery(PortfolioDocument, {});
  return (
    <>
      <h1>Portfolio</h1>
      <p>
        Each programme’s open risks by current rating, its risks above the council’s appetite, its milestones that have slipped,
        and the savings it planned against those delivered (savings only, before one-off costs).
      </p>
      <Loaded state={state} what="the portfolio">
        {(data) => <PortfolioTable data={data} />}
      </Loaded>
    </>
  );
}
