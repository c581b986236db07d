import { ScrollBox } from '../../components/common';
import { SavingsChart } from '../../components/savings-chart';
import { SavingsTable } from '../../components/savings-table';
import type { ProgrammePageQuery } from '../../gql/graphql';

/** The programme's savings by financial year: a chart, then the table with the totals. */
export function Savings({ savings }: { savings: ProgrammePageQuery['savingsReconciliation'] }) {
  const years = savings.rows.map((r) => ({ financialYear: r.financialYear ?? '', ...r.totals }));
  return (
    <section aria-labelledby="savings-heading">
      <h2 id="savings-heading">Savings</h2>
      {years.length === 0 ? (
        <p>No savings are recorded.</p>
      ) : (
        <>
          <SavingsChart years={years} />
          <ScrollBox label="Savings">
            <SavingsTable rows={savings.rows} totals={savings.totals} />
          </ScrollBox>
        </>
      )}
    </section>
  );
}
