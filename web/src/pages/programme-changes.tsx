// The programme page's "Since the committee last met": the changes since the latest meeting at
// which the programme was considered, or since an earlier one the reader picks. One request per
// meeting chosen; the meetings come with the page's own query (its resolutions and actions).
import { ProgrammeChangesView } from '../components/changes-since';
import { DateText, Loaded, ScrollBox } from '../components/common';
import { graphql } from '../gql';
import { type MeetingOption, meetingName } from '../meetings';
import { href } from '../router';
import { useQuery } from '../use-query';

const ProgrammeChangesDocument = graphql(`
  query ProgrammeChanges($id: ID!, $meetingId: ID!) {
    changesSince(programmeId: $id, meetingId: $meetingId) {
      since
      riskMoves {
        risk {
          id
          reference
          title
        }
        before {
          score
          rating
        }
        after {
          score
          rating
        }
        assessments {
          id
          assessedOn
          note
        }
      }
      newRisks {
        id
        reference
        title
        identifiedOn
        current {
          score
          rating
        }
      }
      closedRisks {
        id
        reference
        title
        closedOn
      }
      mitigationsCompleted {
        ...ChangedMitigation
      }
      mitigationsNowOverdue {
        ...ChangedMitigation
      }
      mitigationsRescheduled {
        mitigation {
          ...ChangedMitigation
        }
        dueDateBefore
        dueDateAfter
      }
      milestonesMoved {
        milestone {
          id
          title
          actualDate
        }
        forecastDateBefore
        forecastDateAfter
        slippageChange
      }
      savingsChanged {
        savingsLine {
          id
          description
          financialYear
        }
        forecastBefore
        forecastAfter
        plannedBefore
        plannedAfter
      }
      deliveries {
        id
        amount
        recordedOn
        ledgerReference
        note
      }
      resolutions {
        ...TrailResolution
      }
      openActions {
        ...CommitteeActionRow
      }
    }
  }

  fragment ChangedMitigation on Mitigation {
    id
    action
    owner
    dueDate
    completedOn
    risk {
      id
      reference
    }
  }
`);

function Changes({ id, meetingId }: { id: string; meetingId: string }) {
  const state = useQuery(ProgrammeChangesDocument, { id, meetingId });
  return (
    <Loaded state={state} what="the changes">
      {(data) =>
        data.changesSince && (
          <>
            <p>
              What was recorded after the meeting of <DateText value={data.changesSince.since} />, up to today.
            </p>
            <ProgrammeChangesView
              changes={data.changesSince}
              riskHref={href.risk}
              wrap={(table, name) => (
                <ScrollBox key={name} label={name}>
                  {table}
                </ScrollBox>
              )}
            />
          </>
        )
      }
    </Loaded>
  );
}

/**
 * `meetings` newest first (see meetingsBefore); the latest is shown until the reader picks another.
 * The pick is the page's (`chosen`, `choose`): its report pack prints the same changes.
 */
export function ChangesSinceSection({
  id,
  meetings,
  chosen,
  choose,
}: {
  id: string;
  meetings: readonly MeetingOption[];
  chosen: string | undefined;
  choose: (meetingId: string) => void;
}) {
  const meeting = meetings.find((m) => m.id === chosen) ?? meetings[0];
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Since the committee last met</h2>
      {!meeting ? (
        <p>No committee has met about this programme yet.</p>
      ) : (
        <>
          <p class="picker">
            <label for="changes-since">Changes since</label>
            <select id="changes-since" value={meeting.id} onChange={(e) => choose(e.currentTarget.value)}>
              {meetings.map((m, i) => (
                <option key={m.id} value={m.id}>
                  {meetingName(m)}
                  {i === 0 ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          </p>
          <Changes id={id} meetingId={meeting.id} />
        </>
      )}
    </section>
  );
}
