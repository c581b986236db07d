import { Scope } from '../../auth/scope';
import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { sql } from '../../db/sql';
import { visibleTo } from '../../db/table';
import { issueColumns, IssueRow, issues, programmeIssueOrder } from './issue.entity';

export function issueLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** An issue by id, if the caller may see it. */
    issueById: loaderById<IssueRow>((ids) =>
      reads.rows(
        sql`SELECT ${issueColumns('i')} FROM ${byKeys('issues', 'i', 'id', scope, ids)} WHERE ${visibleTo(issues, scope)}`,
      ),
    ),
    /** A programme's issues the caller may see, newest raisedOn first, then reference. */
    issuesByProgrammeId: loaderOfLists<IssueRow>((ids): Promise<Keyed<IssueRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${issueColumns('i')} FROM ${byKeys('issues', 'i', 'programme_id', scope, ids)}
            WHERE ${visibleTo(issues, scope)} ORDER BY ${programmeIssueOrder('i')}`,
      ),
    ),
  };
}
