import fs from 'node:fs';
import path from 'node:path';
import { Call } from './client';
import { ProgrammeCode } from './organisation';

/** Published minutes of one agenda item (the samples the parser is tested on), imported as a clerk would. */
interface Minutes {
  file: string;
  programme: ProgrammeCode;
}

/** What each committee resolved (typed, or imported from its minutes), and the programme each resolution governs. */
const COMMITTEES: {
  name: string;
  meetings: {
    date: string;
    resolutions?: { item: string; number?: string; text: string; programme: ProgrammeCode }[];
    minutes?: Minutes;
  }[];
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
        minutes: { file: 'bradford-family-hubs-update', programme: 'FH-2018' },
      },
    ],
  },
  {
    name: 'Children’s Services Overview and Scrutiny Committee',
    meetings: [
      {
        date: '2011-09-20',
        minutes: { file: 'integrated-childrens-services', programme: 'ICS-2011' },
      },
      {
        date: '2019-11-05',
        minutes: { file: 'durham-childrens-centres-review', programme: 'CCR-2019' },
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
      if (meeting.minutes) {
        for (const [text, id] of await importMinutes(admin, createMeeting.id, meeting.minutes, programmeIds)) {
          resolutionIds.set(text, id);
        }
      }
      for (const r of meeting.resolutions ?? []) {
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

// the samples live with the parser's tests; the demo reads the same files
const MINUTES_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'minutes');

/** Imports one item's minutes on the meeting and links what it recorded to the programme. Returns [text, id] pairs. */
async function importMinutes(
  admin: Call,
  meetingId: string,
  minutes: Minutes,
  programmeIds: Record<ProgrammeCode, string>,
): Promise<[string, string][]> {
  const text = fs.readFileSync(path.join(MINUTES_DIR, `${minutes.file}.txt`), 'utf8');
  const { importMinutes } = await admin(
    `mutation($meetingId: ID!, $text: String!) { importMinutes(meetingId: $meetingId, text: $text) { found { text resolution { id } } } }`,
    { meetingId, text },
  );
  const found: { text: string; resolution: { id: string } }[] = importMinutes.found;
  for (const f of found) {
    await admin(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
      id: f.resolution.id,
      target: { programmeId: programmeIds[minutes.programme] },
    });
  }
  return found.map((f) => [f.text, f.resolution.id]);
}
