import { Call } from './client';
import { ProgrammeCode } from './organisation';

/** What each committee resolved, and the programme each resolution governs. */
const COMMITTEES: {
  name: string;
  meetings: { date: string; resolutions: { item: string; number?: string; text: string; programme: ProgrammeCode }[] }[];
}[] = [
  {
    name: 'Executive',
    meetings: [
      {
        date: '2018-04-03',
        resolutions: [
          {
            item: 'FAMILY HUBS MODEL FOR PREVENTION AND EARLY HELP',
            number: '1',
            text: 'That the Family Hubs model be implemented for delivery from October 2018.',
            programme: 'FH-2018',
          },
          {
            item: 'FAMILY HUBS MODEL FOR PREVENTION AND EARLY HELP',
            number: '2',
            text: 'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.',
            programme: 'FH-2018',
          },
        ],
      },
      {
        date: '2020-07-14',
        resolutions: [
          {
            item: 'LOCALITY WORKING: SCRUTINY PANEL RECOMMENDATIONS',
            text: 'That the ten recommendations of the scrutiny panel be endorsed, locality working continue in two localities and be rolled out by priority of need.',
            programme: 'LW-2020',
          },
        ],
      },
    ],
  },
  {
    name: 'Shipley Area Committee',
    meetings: [
      {
        date: '2018-06-28',
        resolutions: [
          {
            item: 'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
            number: '1',
            text: 'That the report and progress to date be noted.',
            programme: 'FH-2018',
          },
          {
            item: 'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
            number: '2',
            text: 'That accurate figures for families supported by key workers be provided in future reports.',
            programme: 'FH-2018',
          },
        ],
      },
    ],
  },
  {
    name: 'Children’s Services Overview and Scrutiny Committee',
    meetings: [
      {
        date: '2011-09-20',
        resolutions: [
          {
            item: 'INTEGRATED CHILDREN’S SERVICES',
            number: '1',
            text: 'That the risk register be shared with the Committee, with detail of how the risks of the re-organisation are mitigated.',
            programme: 'ICS-2011',
          },
          {
            item: 'INTEGRATED CHILDREN’S SERVICES',
            number: '2',
            text: 'That equalities impact assessments be submitted to the decision-makers.',
            programme: 'ICS-2011',
          },
        ],
      },
      {
        date: '2019-11-05',
        resolutions: [
          {
            item: 'CHILDREN’S CENTRES REVIEW',
            text: 'That the findings be endorsed and referred to the Executive, and the looked-after children numbers be reported again in six months.',
            programme: 'CCR-2019',
          },
        ],
      },
    ],
  },
];

/** Records the committees, meetings and resolutions, linking each to its programme. Returns resolution ids by text. */
export async function seedResolutions(admin: Call, programmeIds: Record<ProgrammeCode, string>): Promise<Map<string, string>> {
  const resolutionIds = new Map<string, string>();
  for (const committee of COMMITTEES) {
    const { createCommittee } = await admin(`mutation($name: String!) { createCommittee(name: $name) { id } }`, {
      name: committee.name,
    });
    for (const meeting of committee.meetings) {
      const { createMeeting } = await admin(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, {
        input: { committeeId: createCommittee.id, date: meeting.date },
      });
      for (const r of meeting.resolutions) {
        const { recordResolution } = await admin(
          `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
          {
            input: { meetingId: createMeeting.id, agendaItem: r.item, number: r.number, text: r.text },
          },
        );
        resolutionIds.set(r.text, recordResolution.id);
        await admin(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
          id: recordResolution.id,
          target: { programmeId: programmeIds[r.programme] },
        });
      }
    }
  }
  return resolutionIds;
}
