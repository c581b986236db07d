import { Call } from './client';
import { ProgrammeCode } from './organisation';

/**
 * The committee cycle as the minutes show it (issue 14): the Locality Working Scrutiny Panel makes
 * ten recommendations a)-j) to the Executive, which responds; officers undertake to circulate
 * dashboards and to report back; a working group is suggested. Each programme's committees get a
 * meeting history, so "since the last meeting" has a last meeting: actions given there, some done,
 * some overdue (OPEN past their due date), some not yet due.
 */

const PANEL = 'Locality Working Scrutiny Panel';
const EXECUTIVE = 'Executive';
const SCRUTINY = 'Children’s Services Overview and Scrutiny Committee';
const SHIPLEY = 'Shipley Area Committee';

const RECOMMENDATIONS: [number: string, text: string][] = [
  ['a', 'That locality working continue in the two localities where it operates.'],
  ['b', 'That a locality dashboard of referrals and outcomes be circulated to Members quarterly.'],
  ['c', 'That locality teams share one case management system.'],
  ['d', 'That schools be represented on each locality board.'],
  ['e', 'That the voluntary sector be commissioned through the locality boards.'],
  ['f', 'That locality working be rolled out by priority of need.'],
  ['g', 'That ward Members be briefed in each locality before roll-out.'],
  ['h', 'That health visiting be co-located with locality teams.'],
  ['i', 'That a dedicated budget be given to each locality board.'],
  ['j', 'That the impact of locality working be reported to the Panel in six months’ time.'],
];
/** The Executive's response of 14 July 2020: most accepted; the budget in part; co-location declined. */
const OUTCOMES: Record<string, string> = { h: 'REJECTED', i: 'PARTLY_ACCEPTED' };
const ENDORSED =
  'That the ten recommendations of the scrutiny panel be endorsed, locality working continue in two localities and be rolled out by priority of need.';

/** Later meetings of the programmes' committees, each noting the programme's update (their last meeting about it). */
const UPDATES: { committee: string; date: string; item: string; text: string; programme: ProgrammeCode }[] = [
  {
    committee: SCRUTINY,
    date: '2011-12-13',
    item: 'INTEGRATED CHILDREN’S SERVICES: PROGRESS UPDATE',
    text: 'That the outcome of the staff consultation and the progress of implementation be noted.',
    programme: 'ICS-2011',
  },
  {
    committee: SCRUTINY,
    date: '2019-05-14',
    item: 'FAMILY HUBS: ANNUAL RISK REGISTER AND DASHBOARD REPORT',
    text: 'That the annual report on the Family Hubs risk register and district dashboard be noted.',
    programme: 'FH-2018',
  },
  {
    committee: PANEL,
    date: '2021-01-19',
    item: 'LOCALITY WORKING: IMPACT REPORT',
    text: 'That the report on the first six months of locality working be noted.',
    programme: 'LW-2020',
  },
];

interface DemoAction {
  committee: string;
  date: string;
  /** The resolution it arose from, by its text. */
  from?: string;
  programme?: ProgrammeCode;
  text: string;
  owner?: string;
  dueDate?: string;
  reportTo?: string;
  /** DONE on this day, or DROPPED; OPEN otherwise. */
  done?: string;
  dropped?: true;
}

const ACTIONS: DemoAction[] = [
  {
    committee: SCRUTINY,
    date: '2011-09-20',
    programme: 'ICS-2011',
    text: 'Outcome of the staff consultation to be reported to the Committee.',
    owner: 'Corporate Director of Children’s Services',
    dueDate: '2011-12-13',
    reportTo: SCRUTINY,
    done: '2011-12-13',
  },
  {
    committee: SCRUTINY,
    date: '2011-12-13',
    programme: 'ICS-2011',
    text: 'Single point of contact performance figures to be circulated to Members.',
    owner: 'Head of Integrated Services',
    dueDate: '2012-03-31',
    done: '2012-04-12',
  },
  {
    committee: EXECUTIVE,
    date: '2018-04-03',
    from: 'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.',
    programme: 'FH-2018',
    text: 'District dashboard of hub use to be circulated to Members.',
    owner: 'Head of Early Help',
    dueDate: '2018-10-31',
    done: '2018-11-06',
  },
  {
    committee: EXECUTIVE,
    date: '2018-04-03',
    from: 'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.',
    programme: 'FH-2018',
    text: 'Annual report on the Family Hubs risk register to Overview and Scrutiny.',
    owner: 'Head of Early Help',
    dueDate: '2019-04-30',
    reportTo: SCRUTINY,
    done: '2019-05-14',
  },
  {
    committee: SHIPLEY,
    date: '2018-06-28',
    programme: 'FH-2018',
    text: 'Locations of the Shipley hubs and outreach venues to be shared with ward Members.',
    owner: 'Shipley Area Co-ordinator',
    dueDate: '2018-09-30',
  },
  {
    committee: SCRUTINY,
    date: '2019-05-14',
    from: 'That the annual report on the Family Hubs risk register and district dashboard be noted.',
    programme: 'FH-2018',
    text: 'Impact of the hubs on referrals to social care to be reported to the Committee in six months’ time.',
    owner: 'Head of Early Help',
    dueDate: '2019-11-30',
    reportTo: SCRUTINY,
  },
  {
    committee: SCRUTINY,
    date: '2019-11-05',
    programme: 'CCR-2019',
    text: 'List of community buildings proposed for outreach to be circulated to Members.',
    owner: 'Head of Early Help and Prevention',
    dueDate: '2019-12-06',
    done: '2019-12-04',
  },
  {
    committee: SCRUTINY,
    date: '2019-11-05',
    programme: 'CCR-2019',
    text: 'Consultation responses on the children’s centres to be reported before the Executive decides.',
    owner: 'Head of Early Help and Prevention',
    dueDate: '2020-01-31',
    reportTo: EXECUTIVE,
  },
  {
    committee: PANEL,
    date: '2020-03-10',
    from: RECOMMENDATIONS[1][1],
    programme: 'LW-2020',
    text: 'Locality dashboard to be circulated to Members.',
    owner: 'Assistant Director, Early Help',
    dueDate: '2020-05-29',
    done: '2020-05-22',
  },
  {
    committee: PANEL,
    date: '2020-03-10',
    from: RECOMMENDATIONS[9][1],
    programme: 'LW-2020',
    text: 'Impact of locality working to be reported to the Panel in six months’ time.',
    owner: 'Assistant Director, Early Help',
    dueDate: '2020-09-30',
    reportTo: PANEL,
    done: '2021-01-19',
  },
  {
    committee: PANEL,
    date: '2020-03-10',
    programme: 'LW-2020',
    text: 'A working group of Members and partners on the roll-out to be suggested to the Executive.',
    owner: 'Assistant Director, Early Help',
    reportTo: EXECUTIVE,
    dropped: true,
  },
  {
    committee: EXECUTIVE,
    date: '2020-07-14',
    from: ENDORSED,
    programme: 'LW-2020',
    text: 'Roll-out plan by priority of need to be brought to the Executive.',
    owner: 'Assistant Director, Early Help',
    dueDate: '2020-12-15',
    reportTo: EXECUTIVE,
  },
  {
    committee: PANEL,
    date: '2021-01-19',
    programme: 'LW-2020',
    text: 'Members’ briefing in each locality before the next phase.',
    owner: 'Locality Managers',
    dueDate: '2030-01-15',
  },
];

/** Adds the panel, the meeting history, the recommendations with their outcomes, and the actions. */
export async function seedCommitteeCycle(
  admin: Call,
  programmeIds: Record<ProgrammeCode, string>,
  resolutionIds: Map<string, string>,
): Promise<void> {
  const { committees } = await admin(`{ committees { id name meetings { id date } } }`);
  const committeeIds = new Map<string, string>(committees.map((c: { name: string; id: string }) => [c.name, c.id]));
  const meetingIds = new Map<string, string>();
  for (const c of committees) for (const m of c.meetings) meetingIds.set(`${c.name} ${m.date}`, m.id);
  const { createCommittee: panel } = await admin(`mutation($name: String!) { createCommittee(name: $name) { id } }`, {
    name: PANEL,
  });
  committeeIds.set(PANEL, panel.id);

  const meeting = async (committee: string, date: string) => {
    const key = `${committee} ${date}`;
    if (!meetingIds.has(key)) {
      const { createMeeting } = await admin(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, {
        input: { committeeId: committeeIds.get(committee), date },
      });
      meetingIds.set(key, createMeeting.id);
    }
    return meetingIds.get(key)!;
  };
  const record = async (input: Record<string, unknown>, programme: ProgrammeCode) => {
    const { recordResolution } = await admin(`mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, {
      input,
    });
    await admin(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
      id: recordResolution.id,
      target: { programmeId: programmeIds[programme] },
    });
    resolutionIds.set(input.text as string, recordResolution.id);
    return recordResolution.id as string;
  };

  const panelMeeting = await meeting(PANEL, '2020-03-10');
  const endorsed = resolutionIds.get(ENDORSED)!;
  for (const [number, text] of RECOMMENDATIONS) {
    const agendaItem = 'LOCALITY WORKING: SCRUTINY PANEL REVIEW';
    const input = {
      meetingId: panelMeeting,
      agendaItem,
      number,
      text,
      kind: 'RECOMMENDATION',
      referredToCommitteeId: committeeIds.get(EXECUTIVE),
    };
    const id = await record(input, 'LW-2020');
    await admin(
      `mutation($rec: ID!, $res: ID!, $outcome: RecommendationOutcome!) {
        respondToRecommendation(recommendationId: $rec, responseId: $res, outcome: $outcome) { id } }`,
      { rec: id, res: endorsed, outcome: OUTCOMES[number] ?? 'ACCEPTED' },
    );
  }
  for (const u of UPDATES) {
    await record({ meetingId: await meeting(u.committee, u.date), agendaItem: u.item, text: u.text, kind: 'NOTED' }, u.programme);
  }

  for (const a of ACTIONS) {
    const { recordCommitteeAction: action } = await admin(
      `mutation($input: CommitteeActionInput!) { recordCommitteeAction(input: $input) { id version } }`,
      {
        input: {
          meetingId: await meeting(a.committee, a.date),
          resolutionId: a.from ? resolutionIds.get(a.from) : null,
          programmeId: a.programme ? programmeIds[a.programme] : null,
          text: a.text,
          owner: a.owner,
          dueDate: a.dueDate,
          reportToCommitteeId: a.reportTo ? committeeIds.get(a.reportTo) : null,
        },
      },
    );
    if (a.done || a.dropped) {
      await admin(
        `mutation($id: ID!, $v: Int!, $input: UpdateCommitteeActionInput!) {
          updateCommitteeAction(id: $id, expectedVersion: $v, input: $input) { id } }`,
        { id: action.id, v: action.version, input: a.done ? { status: 'DONE', completedOn: a.done } : { status: 'DROPPED' } },
      );
    }
  }
}
