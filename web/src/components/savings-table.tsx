// The savings reconciliation by financial year as a table. Purely presentational, like the heat
// map: the web page shows it beside its chart and the report pack renders it on the server.
import { money } from '../format';

export interface SavingsTotals {
  planned: string;
  forecast: string;
  delivered: string;
  variance: string;
}

export interface SavingsTableProps {
  /** savingsReconciliation's rows, grouped by financial year. */
  rows: readonly { financialYear: string | null; totals: SavingsTotals }[];
  totals: SavingsTotals;
}

const FIGURES = [
  ['planned', 'Planned'],
  ['forecast', 'Forecast'],
  ['delivered', 'Delivered'],
  ['variance', 'Variance'],
] as const;

/** A row's heading, then its four figures. */
function Figures({ heading, totals }: { heading: string; totals: SavingsTotals }) {
  return (
    <tr>
      <th scope="row">{heading}</th>
      {FIGURES.map(([figure]) => (
        <td key={figure} class="number">
          {money(totals[figure])}
        </td>
      ))}
    </tr>
  );
}

/** Planned, forecast, delivered and variance per financial year, with the programme's total. */
export function SavingsTable({ rows, totals }: SavingsTableProps) {
  return (
    <table class="savings">
      <caption>Programme savings by financial year (savings only, before one-off costs)</caption>
      <thead>
        <tr>
          <th scope="col">Financial year</th>
          {FIGURES.map(([figure, name]) => (
            <th key={figure} scope="col" class="number">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Figures key={row.financialYear} heading={row.financialYear ?? ''} totals={row.totals} />
        ))}
      </tbody>
      <tfoot>
        <Figures heading="Total" totals={totals} />
      </tfoot>
    </table>
  );
}
