import { Call } from './client';
import { ProgrammeCode } from './organisation';

interface DemoMilestone {
  title: string;
  baselineDate: string;
  forecastDate?: string;
  actualDate?: string;
  status?: 'ON_TRACK' | 'AT_RISK' | 'COMPLETE' | 'MISSED';
  /** The text of the resolution that stands behind it, when one does (see resolutions.ts). */
  resolution?: string;
  /** A later baseline a committee approved (by the resolution of that text, if given). */
  rebaselined?: { to: string; reason: string; resolution?: string };
}

const FH_MODEL = 'That the Family Hubs model be implemented for delivery from October 2018.';
const FH_DASHBOARD = 'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.';
const FH_NOTED = 'That the report and progress to date be noted.';
const FH_KEY_WORKERS =
  'That the Committee continues to review, support and scrutinise the on-going co-production of the Family Hubs offer.';
const ICS_RISKS =
  'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.';
const ICS_EQUALITIES =
  'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.';
const CCR_FINDINGS = 'That the report and presentation be noted.';
const LW_PANEL =
  'That the ten recommendations of the scrutiny panel be endorsed, locality working continue in two localities and be rolled out by priority of need.';

/** The dates each programme committed to, from the minutes: some met, some early, some slipped. */
const MILESTONES: Record<ProgrammeCode, DemoMilestone[]> = {
  'FH-2018': [
    {
      title: 'Family Hubs model agreed by the Executive',
      baselineDate: '2018-04-03',
      actualDate: '2018-04-03',
      status: 'COMPLETE',
      resolution: FH_MODEL,
    },
    {
      title: 'Area-based Family Hubs events held',
      baselineDate: '2018-07-31',
      actualDate: '2018-07-19',
      status: 'COMPLETE',
      resolution: FH_NOTED,
    },
    {
      title: 'Service changes take effect in four localities',
      baselineDate: '2018-10-01',
      actualDate: '2018-10-01',
      status: 'COMPLETE',
      resolution: FH_MODEL,
    },
    {
      title: 'First Family Hubs offer published and promoted',
      baselineDate: '2018-10-01',
      forecastDate: '2018-10-31',
      actualDate: '2018-11-12',
      status: 'COMPLETE',
      resolution: FH_MODEL,
    },
    {
      title: 'Family Hub buildings confirmed in each locality',
      baselineDate: '2018-09-30',
      forecastDate: '2019-01-31',
      status: 'AT_RISK',
      resolution: FH_NOTED,
    },
    {
      title: 'Families First: families supported by key workers, year one',
      baselineDate: '2019-03-31',
      status: 'MISSED',
      resolution: FH_KEY_WORKERS,
    },
    {
      title: 'Risk register and district dashboard reported to Overview and Scrutiny',
      baselineDate: '2019-04-03',
      forecastDate: '2019-06-25',
      status: 'ON_TRACK',
      resolution: FH_DASHBOARD,
    },
  ],
  'ICS-2011': [
    {
      title: 'Targeted consultation with service users closes',
      baselineDate: '2011-08-31',
      actualDate: '2011-08-31',
      status: 'COMPLETE',
    },
    {
      title: 'Equalities impact assessments submitted to decision-makers',
      baselineDate: '2011-10-14',
      actualDate: '2011-10-12',
      status: 'COMPLETE',
      resolution: ICS_EQUALITIES,
    },
    {
      title: 'Risk register shared with the Overview and Scrutiny Committee',
      baselineDate: '2011-10-18',
      actualDate: '2011-10-25',
      status: 'COMPLETE',
      resolution: ICS_RISKS,
    },
    { title: 'New operating model in place', baselineDate: '2011-10-31', actualDate: '2011-10-31', status: 'COMPLETE' },
    {
      title: 'Staff moved to their new offices',
      baselineDate: '2011-11-30',
      forecastDate: '2012-01-31',
      actualDate: '2012-02-13',
      status: 'COMPLETE',
      resolution: ICS_RISKS,
      rebaselined: {
        to: '2012-01-31',
        reason: 'Office moves phased team by team from 31 October; the later date was agreed with the risk register.',
        resolution: ICS_RISKS,
      },
    },
    {
      title: 'Savings of £552K a year fully realised',
      baselineDate: '2014-03-31',
      forecastDate: '2014-09-30',
      status: 'AT_RISK',
    },
  ],
  'CCR-2019': [
    {
      title: 'Review findings referred to the Executive',
      baselineDate: '2019-12-10',
      forecastDate: '2020-01-14',
      actualDate: '2020-01-14',
      status: 'COMPLETE',
      resolution: CCR_FINDINGS,
    },
    {
      title: 'Looked-after children numbers reported again to scrutiny',
      baselineDate: '2020-05-05',
      forecastDate: '2020-07-07',
      status: 'AT_RISK',
      resolution: CCR_FINDINGS,
    },
    { title: 'Outreach offered from community buildings', baselineDate: '2020-09-01' },
  ],
  'LW-2020': [
    {
      title: 'Locality working continues in two localities',
      baselineDate: '2020-09-01',
      actualDate: '2020-09-01',
      status: 'COMPLETE',
      resolution: LW_PANEL,
    },
    {
      title: 'Progress on the scrutiny panel recommendations reported to the Executive',
      baselineDate: '2021-01-12',
      forecastDate: '2021-01-12',
      status: 'ON_TRACK',
      resolution: LW_PANEL,
    },
    {
      title: 'Roll-out to the next locality by priority of need',
      baselineDate: '2021-04-01',
      forecastDate: '2021-06-30',
      status: 'AT_RISK',
      resolution: LW_PANEL,
    },
  ],
};

/** Records the milestones, moves them on as the minutes tell, and links each to its resolution. */
export async function seedMilestones(
  admin: Call,
  programmeIds: Record<ProgrammeCode, string>,
  resolutionIds: Map<string, string>,
): Promise<void> {
  for (const [code, milestones] of Object.entries(MILESTONES) as [ProgrammeCode, DemoMilestone[]][]) {
    for (const m of milestones) {
      const { createMilestone } = await admin(
        `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id version } }`,
        {
          input: { programmeId: programmeIds[code], title: m.title, baselineDate: m.baselineDate, forecastDate: m.forecastDate },
        },
      );
      let version: number = createMilestone.version;
      if (m.rebaselined) {
        const { rebaselineMilestone } = await admin(
          `mutation($id: ID!, $v: Int!, $to: Date!, $reason: String!, $resolutionId: ID) {
            rebaselineMilestone(id: $id, expectedVersion: $v, baselineDate: $to, reason: $reason, resolutionId: $resolutionId) { version } }`,
          {
            id: createMilestone.id,
            v: version,
            to: m.rebaselined.to,
            reason: m.rebaselined.reason,
            resolutionId: m.rebaselined.resolution && resolutionIds.get(m.rebaselined.resolution),
          },
        );
        version = rebaselineMilestone.version;
      }
      if (m.actualDate || m.status) {
        await admin(
          `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: $v, input: $input) { id } }`,
          {
            id: createMilestone.id,
            v: version,
            input: { actualDate: m.actualDate, status: m.status },
          },
        );
      }
      if (m.resolution) {
        const resolutionId = resolutionIds.get(m.resolution);
        if (!resolutionId) throw new Error(`demo milestone "${m.title}" names an unknown resolution`);
        await admin(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
          id: resolutionId,
          target: { milestoneId: createMilestone.id },
        });
      }
    }
  }
}
