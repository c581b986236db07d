import { raw, sql } from '../../db/sql';
import { ListOf } from '../../db/table';
import { RegisterEntry } from '../risk/register-entry';
import { Rating } from '../risk/score';

export type IssueStatus = 'OPEN' | 'RESOLVED';

/** An issue as the API reads it (issues table, columns named as the fields they feed). */
export interface IssueRow extends RegisterEntry {
  priority: Rating;
  status: IssueStatus;
  raisedOn: string;
  resolvedOn: string | null;
  resolutionNote: string | null;
  /** The risk it was raised from; null when raised directly, or once that risk was deleted in error. */
  fromRiskId: string | null;
}

export const issueColumns = (i: string) =>
  raw(`${i}.id, ${i}.programme_id AS "programmeId", ${i}.programme_code AS "programmeCode", ${i}.reference, ${i}.title,
   ${i}.description, ${i}.owner, ${i}.priority, ${i}.status, ${i}.raised_on AS "raisedOn", ${i}.resolved_on AS "resolvedOn",
   ${i}.resolution_note AS "resolutionNote", ${i}.from_risk_id AS "fromRiskId", ${i}.confidential, ${i}.version`);

/** RED first: the issues table's generated priority_rank, which the list's index holds. */
export const PRIORITY_RANK: Record<Rating, number> = { RED: 0, AMBER: 1, GREEN: 2 };

/** Status (OPEN first), priority (RED first), programme code, reference; id settles ties. As ix_issues_list holds it. */
export const issueOrder = (i: string) => raw(`${i}.status, ${i}.priority_rank, ${i}.programme_code, ${i}.reference, ${i}.id`);

/** A programme's issues: newest raisedOn first, then reference (ix_issues_programme). */
export const programmeIssueOrder = (i: string) => raw(`${i}.raised_on DESC, ${i}.reference, ${i}.id`);

/** The issues table, as the caller may see it (confidential ones only for those who see exempt information). */
export const issues: ListOf<IssueRow> = {
  table: 'issues',
  alias: 'i',
  noun: 'issue',
  columns: issueColumns,
  confidential: 'confidential',
  list: 'issues',
  order: issueOrder('i'),
  cursor: {
    // the priority by name, as the node shows it; its rank is what the row comparison needs
    shape: ['string', 'string', 'string', 'string', 'id'],
    of: (row) => [row.status, row.priority, row.programmeCode, row.reference, row.id],
    // one row comparison in the list's order: the index seeks straight to the cursor
    after: ([status, priority, code, reference, id]) =>
      sql`(i.status, i.priority_rank, i.programme_code, i.reference, i.id) > (${status}::text, ${PRIORITY_RANK[priority as Rating] ?? 3}::int, ${code}::text, ${reference}::text, ${id}::uuid)`,
  },
};
