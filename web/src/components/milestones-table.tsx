// Milestones as a table: baseline against forecast or actual date, and the slippage between them.
// Purely presentational, like the heat map: the web page and the report pack render the same one.
import { label, slippage } from '../format';
import { ColumnHeadings, DateText } from './common';

export interface MilestoneTableRow {
  id: string;
  title: string;
  baselineDate: string;
  forecastDate?: string | null;
  actualDate?: string | null;
  status: string;
  slippageDays: number;
}

/** The milestones in the order given, each with its dates, slippage and status. */
export function MilestonesTable({ milestones, caption }: { milestones: readonly MilestoneTableRow[]; caption: string }) {
  return (
    <table class="milestones">
      <caption>{caption}</caption>
      <ColumnHeadings names={['Milestone', 'Baseline', 'Forecast', 'Actual', 'Slippage', 'Status']} />
      <tbody>
        {milestones.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.title}</th>
            <td>
              <DateText value={m.baselineDate} />
            </td>
            <td>
              <DateText value={m.forecastDate} />
            </td>
            <td>
              <DateText value={m.actualDate} />
            </td>
            <td class="number" data-slippage={m.slippageDays}>
              {slippage(m.slippageDays)}
            </td>
            <td>{label(m.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
