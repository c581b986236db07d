import { Scope } from '../../auth/scope';
import { BATCH_KEY, byKeys, Keyed, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Sql, sql } from '../../db/sql';
import {
  committeeActionColumns,
  committeeActionOrder,
  CommitteeActionRow,
  recordedOrder,
  withMeeting,
} from './committee-action.entity';

export function committeeActionLoaders(reads: ReadBatch, scope: Scope) {
  /** The actions whose `column` is each key, with their meeting, in `order`. */
  const actionsBy = (column: string, order: Sql) =>
    loaderOfLists<CommitteeActionRow>((ids): Promise<Keyed<CommitteeActionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${committeeActionColumns('a')} FROM ${byKeys('committee_actions', 'a', column, scope, ids)}
             ${withMeeting('a')}
            ORDER BY ${order}`,
      ),
    );
  return {
    /** Programme.actions: by dueDate (none last), then meeting date, then the order recorded. */
    actionsByProgrammeId: actionsBy('programme_id', committeeActionOrder('a')),
    /** Meeting.actions, in the order recorded. */
    actionsByMeetingId: actionsBy('meeting_id', recordedOrder('a')),
    /** Resolution.actions, in the order recorded. */
    actionsByResolutionId: actionsBy('resolution_id', recordedOrder('a')),
  };
}
