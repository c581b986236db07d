import { label } from '../format';
import { DateText, ScrollBox } from './common';

export interface MitigationRow {
  id: string;
  action: string;
  owner?: string | null;
  dueDate?: string | null;
  status: string;
  completedOn?: string | null;
  overdue: boolean;
}

/** Mitigations in the API's order (by due date); an overdue one says so in words. */
export function MitigationsTable({ mitigations, caption }: { mitigations: readonly MitigationRow[]; caption: string }) {
  if (!mitigations.length) return <p>No mitigation is recorded.</p>;
  return (
    <ScrollBox label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {mitigations.map((m) => (
            <tr key={m.id}>
              <td>{m.action}</td>
              <td>{m.owner ?? <span class="muted">none</span>}</td>
              <td>
                <DateText value={m.dueDate} />
              </td>
              <td>
                {label(m.status)}
                {m.completedOn && (
                  <>
                    {' '}
                    on <DateText value={m.completedOn} />
                  </>
                )}
                {m.overdue && <strong class="overdue"> Overdue</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
