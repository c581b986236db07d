// The report pack's "Since the committee last met": the meetings the programme was considered
// at, picked by the web page's own rule, then the changes since the one wanted, asked with the
// very query the web page sends, so the pack and the page never disagree.
import { Context } from '../../context';
import { notFound } from '../../errors';
import { InProcessQueries, operation } from '../../graphql/in-process';
import { londonToday } from '../../values/calendar-date';
import { ProgrammeChangesData } from '../../../web/src/components/changes-since';
import { ProgrammeChangesDocument, ProgrammeChangesQuery } from '../../../web/src/gql/graphql';
import { MeetingOption, meetingsBefore } from '../../../web/src/meetings';

interface Considered {
  resolutions: { nodes: { meeting: MeetingOption }[] };
  programme: { actions: { meeting: MeetingOption }[] } | null;
}

const MEETINGS = operation<Considered, { id: string }>(`
  query ReportMeetings($id: ID!) {
    resolutions(filter: { programmeId: $id }, first: 500) { nodes { meeting { id date committee { name } } } }
    programme(id: $id) { actions { meeting { id date committee { name } } } }
  }
`);

const CHANGES = operation<ProgrammeChangesQuery, { id: string; meetingId: string }>(ProgrammeChangesDocument.toString());

/** The changes since one meeting, and that meeting. */
export interface PackChanges {
  meeting: MeetingOption;
  changes: ProgrammeChangesData;
}

/**
 * The changes since the latest meeting before today at which the programme was considered, or
 * since `meetingId` (404 unless one of those meetings); null when no such meeting was held yet.
 */
export async function packChanges(
  queries: InProcessQueries,
  context: () => Context,
  programmeId: string,
  meetingId?: string,
): Promise<PackChanges | null> {
  const considered = await queries.run(MEETINGS, { id: programmeId }, context());
  const meetings = meetingsBefore(londonToday(), considered.resolutions.nodes, considered.programme?.actions ?? []);
  const meeting = meetingId === undefined ? meetings[0] : meetings.find((m) => m.id === meetingId);
  if (!meeting) {
    if (meetingId !== undefined) throw notFound('meeting');
    return null;
  }
  const { changesSince } = await queries.run(CHANGES, { id: programmeId, meetingId: meeting.id }, context());
  return changesSince && { meeting, changes: changesSince };
}
