import { Call } from './client';
import { ProgrammeCode, PROGRAMMES } from './organisation';

type Score = [likelihood: number, impact: number];

interface DemoRisk {
  programme: ProgrammeCode;
  reference: string;
  title: string;
  description?: string;
  category: string;
  owner: string;
  inherent: Score;
  target?: Score;
  reviewDate?: string;
  confidential?: boolean;
  /** The inherent assessment's date; the programme's start date unless given. */
  identifiedOn?: string;
  /** Re-assessments after the inherent one, oldest first. */
  assessments?: { on: string; score: Score; note: string; nextReview?: string }[];
  mitigations?: { action: string; owner: string; dueDate: string; status?: string; completedOn?: string }[];
  closed?: { on: string; reason: string };
  /** The text of a resolution (see resolutions.ts) that scrutinised it. */
  resolution?: string;
}

const REGISTER_RESOLUTION =
  'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.';
const SHARE_RESOLUTION =
  'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.';

/** The demo council's risk register, written from the facts of ../shared/domain. */
const RISKS: DemoRisk[] = [
  {
    programme: 'FH-2018',
    reference: 'R01',
    category: 'SAFEGUARDING',
    owner: 'Strategic Director, Children’s Services',
    title: 'The changes increase pressure on social services',
    description: 'Families whose needs are not met early escalate to children’s social care.',
    inherent: [4, 5],
    target: [2, 4],
    reviewDate: '2019-10-01',
    resolution: REGISTER_RESOLUTION,
    assessments: [
      { on: '2018-07-20', score: [4, 4], note: 'Area events held; referral pathways agreed with social care.' },
      { on: '2019-04-30', score: [4, 5], note: 'Families First target missed by 1,500 families in year one; referrals up.' },
    ],
    mitigations: [
      {
        action: 'Agree step-up and step-down pathways with children’s social care',
        owner: 'Head of Early Help',
        dueDate: '2018-09-30',
        status: 'COMPLETE',
        completedOn: '2018-09-14',
      },
      {
        action: 'Report referral rates on the district dashboard each quarter',
        owner: 'Performance Manager',
        dueDate: '2019-06-30',
        status: 'IN_PROGRESS',
      },
    ],
  },
  {
    programme: 'FH-2018',
    reference: 'R02',
    category: 'SERVICE_DELIVERY',
    owner: 'Head of Early Help and Prevention',
    title: 'The first Family Hubs offer is not published by October 2018',
    inherent: [3, 4],
    target: [1, 3],
    assessments: [
      { on: '2018-06-28', score: [2, 4], note: 'Offer drafted for all four localities.' },
      { on: '2018-10-01', score: [1, 3], note: 'First offer published; service changes took effect on 1 October.' },
    ],
    mitigations: [
      {
        action: 'Publish the offer for each of the four localities',
        owner: 'Locality Managers',
        dueDate: '2018-10-01',
        status: 'COMPLETE',
        completedOn: '2018-10-01',
      },
    ],
    closed: { on: '2018-10-01', reason: 'The offer was published and the service changes took effect on 1 October 2018.' },
  },
  {
    programme: 'FH-2018',
    reference: 'R03',
    category: 'WORKFORCE',
    owner: 'Head of Early Help and Prevention',
    title: 'Too few key workers for the families needing support',
    inherent: [4, 3],
    target: [2, 3],
    reviewDate: '2030-04-01',
    resolution:
      'That the Committee continues to review, support and scrutinise the on-going co-production of the Family Hubs offer.',
    assessments: [{ on: '2018-06-28', score: [3, 3], note: 'About 1,000 families supported by key workers.' }],
    mitigations: [
      { action: 'Recruit and train key workers for each locality', owner: 'Workforce Development Lead', dueDate: '2030-03-31' },
    ],
  },
  {
    programme: 'FH-2018',
    reference: 'R04',
    category: 'DATA_AND_SYSTEMS',
    owner: 'Performance Manager',
    title: 'District dashboard figures are inaccurate',
    inherent: [3, 3],
    target: [2, 2],
    reviewDate: '2030-01-15',
    assessments: [{ on: '2018-06-28', score: [4, 3], note: 'Members asked for accurate figures for families supported.' }],
    mitigations: [
      {
        action: 'Reconcile case management data with key worker caseloads monthly',
        owner: 'Performance Manager',
        dueDate: '2018-12-31',
        status: 'IN_PROGRESS',
      },
    ],
  },
  {
    programme: 'ICS-2011',
    reference: 'R01',
    category: 'SERVICE_DELIVERY',
    owner: 'Corporate Director of Children’s Services',
    title: 'Service failure when staff move offices',
    description: 'The biggest risk of the re-organisation: over 300 staff change teams and buildings from 31 October 2011.',
    inherent: [4, 5],
    target: [2, 4],
    resolution: SHARE_RESOLUTION,
    assessments: [
      { on: '2011-10-31', score: [3, 5], note: 'Moves phased team by team from 31 October.' },
      { on: '2012-03-31', score: [2, 4], note: 'All teams moved without a break in service.' },
    ],
    mitigations: [
      {
        action: 'Phase the office moves so no team moves in the same week as its duty rota changes',
        owner: 'Head of Property',
        dueDate: '2011-10-31',
        status: 'COMPLETE',
        completedOn: '2011-10-28',
      },
      {
        action: 'Keep the single point of contact staffed throughout the moves',
        owner: 'Head of Access and Assessment',
        dueDate: '2011-12-31',
        status: 'COMPLETE',
        completedOn: '2011-12-20',
      },
    ],
  },
  {
    programme: 'ICS-2011',
    reference: 'R02',
    category: 'FINANCIAL',
    owner: 'Finance Business Partner',
    title: 'Savings of £552K a year are not achieved',
    inherent: [3, 4],
    target: [2, 3],
    reviewDate: '2030-06-30',
    assessments: [
      { on: '2012-03-31', score: [3, 4], note: '£1.4m delivered this year, but a £2m overspend on the £40.8m budget.' },
    ],
    mitigations: [
      {
        action: 'Fund the £120K training and change costs from in-year savings',
        owner: 'Finance Business Partner',
        dueDate: '2012-03-31',
        status: 'COMPLETE',
        completedOn: '2012-03-31',
      },
    ],
  },
  {
    programme: 'ICS-2011',
    reference: 'R03',
    category: 'EQUALITIES',
    owner: 'Equalities Officer',
    title: 'Equalities impact does not reach the decision-makers',
    inherent: [3, 3],
    target: [1, 3],
    resolution:
      'That the progress towards delivering a new operating model for Children’s Services, and Members’ comments thereon, be noted.',
    assessments: [{ on: '2011-09-20', score: [2, 3], note: 'Assessments to be attached to every decision report.' }],
    mitigations: [
      {
        action: 'Attach the equalities impact assessment to each decision report',
        owner: 'Equalities Officer',
        dueDate: '2011-10-15',
        status: 'PLANNED',
      },
    ],
  },
  {
    programme: 'ICS-2011',
    reference: 'R04',
    category: 'WORKFORCE',
    owner: 'Head of Human Resources',
    confidential: true,
    title: 'Redundancy costs for the 12 FTE posts exceed the provision',
    description: 'Exempt information: individual redundancy costs, reported in closed session only.',
    inherent: [4, 4],
    target: [2, 3],
    resolution: SHARE_RESOLUTION,
    assessments: [{ on: '2011-11-30', score: [3, 4], note: 'Eight of the twelve posts settled within the provision.' }],
    mitigations: [
      {
        action: 'Offer redeployment before redundancy for every affected post',
        owner: 'Head of Human Resources',
        dueDate: '2011-12-31',
        status: 'IN_PROGRESS',
      },
    ],
  },
  {
    programme: 'CCR-2019',
    reference: 'R01',
    category: 'SAFEGUARDING',
    owner: 'Head of Early Help and Prevention',
    title: '300 more looked-after children raise caseloads',
    inherent: [4, 4],
    target: [3, 3],
    reviewDate: '2020-05-05',
    resolution: 'That the report and presentation be noted.',
    assessments: [{ on: '2019-11-05', score: [5, 4], note: 'Caseloads about 24 per worker.' }],
    mitigations: [
      {
        action: 'Report looked-after children numbers to the committee in six months',
        owner: 'Head of Early Help and Prevention',
        dueDate: '2020-05-05',
      },
    ],
  },
  {
    programme: 'CCR-2019',
    reference: 'R02',
    category: 'FINANCIAL',
    owner: 'Finance Business Partner',
    title: 'The £1m budget reduction is not delivered',
    inherent: [3, 4],
    reviewDate: '2030-09-30',
    mitigations: [
      {
        action: 'Move outreach into community buildings instead of leased centres',
        owner: 'Head of Property',
        dueDate: '2030-03-31',
        status: 'IN_PROGRESS',
      },
    ],
  },
  {
    programme: 'CCR-2019',
    reference: 'R03',
    category: 'PARTNERSHIP',
    owner: 'Locality Partnership Manager',
    title: 'High turnover of police community support officers in the localities',
    inherent: [3, 3],
    reviewDate: '2030-01-31',
  },
  {
    programme: 'LW-2020',
    reference: 'R01',
    category: 'WORKFORCE',
    owner: 'Assistant Director, Early Help',
    title: 'Too few early help practitioners for demand',
    inherent: [4, 4],
    target: [2, 3],
    reviewDate: '2021-03-01',
    mitigations: [
      {
        action: 'Roll locality working out by priority of need',
        owner: 'Assistant Director, Early Help',
        dueDate: '2030-12-31',
        status: 'IN_PROGRESS',
      },
    ],
  },
  {
    programme: 'LW-2020',
    reference: 'R02',
    category: 'SAFEGUARDING',
    owner: 'Assistant Director, Early Help',
    title: 'Looked-after children numbers remain high',
    inherent: [4, 5],
    target: [3, 4],
    reviewDate: '2030-07-14',
    assessments: [{ on: '2021-01-14', score: [4, 4], note: 'To be reported again in six months.' }],
  },
];

const score = ([likelihood, impact]: Score) => ({ likelihood, impact });

/** Risks are identified in their programme's own years: by default on the day it started. */
const startOf = (code: ProgrammeCode) => PROGRAMMES.find((p) => p.code === code)!.startDate;

/** Records the register through the API: risks, their re-assessments, mitigations, links and closures. */
export async function seedRisks(
  admin: Call,
  programmeIds: Record<ProgrammeCode, string>,
  resolutionIds: Map<string, string>,
): Promise<void> {
  for (const r of RISKS) {
    const { createRisk } = await admin(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id version } }`, {
      input: {
        programmeId: programmeIds[r.programme],
        reference: r.reference,
        title: r.title,
        description: r.description,
        category: r.category,
        owner: r.owner,
        inherent: score(r.inherent),
        target: r.target && score(r.target),
        reviewDate: r.reviewDate,
        confidential: r.confidential,
        identifiedOn: r.identifiedOn ?? startOf(r.programme),
      },
    });
    let version: number = createRisk.version;
    for (const a of r.assessments ?? []) {
      const { assessRisk } = await admin(
        `mutation($id: ID!, $v: Int!, $input: RiskAssessmentInput!) {
        assessRisk(riskId: $id, expectedVersion: $v, input: $input) { version } }`,
        {
          id: createRisk.id,
          v: version,
          input: { ...score(a.score), assessedOn: a.on, note: a.note, reviewDate: a.nextReview },
        },
      );
      version = assessRisk.version;
    }
    for (const m of r.mitigations ?? []) {
      const { addMitigation } = await admin(
        `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { id } }`,
        {
          id: createRisk.id,
          input: {
            action: m.action,
            owner: m.owner,
            dueDate: m.dueDate,
            status: m.status === 'COMPLETE' ? 'IN_PROGRESS' : m.status,
          },
        },
      );
      if (m.completedOn) {
        await admin(
          `mutation($id: ID!, $input: UpdateMitigationInput!) { updateMitigation(id: $id, expectedVersion: 1, input: $input) { id } }`,
          {
            id: addMitigation.id,
            input: { status: 'COMPLETE', completedOn: m.completedOn },
          },
        );
      }
    }
    if (r.resolution) {
      await admin(`mutation($id: ID!, $riskId: ID!) { linkResolution(resolutionId: $id, target: { riskId: $riskId }) { id } }`, {
        id: resolutionIds.get(r.resolution),
        riskId: createRisk.id,
      });
    }
    if (r.closed) {
      await admin(
        `mutation($id: ID!, $v: Int!, $reason: String!, $on: Date) {
          closeRisk(id: $id, expectedVersion: $v, reason: $reason, closedOn: $on) { id } }`,
        { id: createRisk.id, v: version, reason: r.closed.reason, on: r.closed.on },
      );
    }
  }
}
