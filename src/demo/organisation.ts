import { Call, demoClient } from './client';

/**
 * The demo council and its programmes, written from the facts of ../shared/domain: a Family
 * Hubs rollout, an Integrated Children's Services re-organisation, a Children's Centres review
 * and Locality Working.
 */
export const PROGRAMMES = [
  {
    code: 'FH-2018',
    name: 'Family Hubs prevention and early help',
    description:
      'Prevention and early help for babies, children and young people delivered through Family Hubs in four localities, replacing the previous children’s centre and early help offer.',
    status: 'IMPLEMENTATION',
    owner: 'Strategic Director, Children’s Services',
    startDate: '2018-04-03',
    endDate: '2021-03-31',
  },
  {
    code: 'ICS-2011',
    name: 'Integrated Children’s Services',
    description:
      'One operating model and a single point of contact for children and families; over 300 staff affected, with savings of £552K a year once fully implemented.',
    status: 'IMPLEMENTATION',
    owner: 'Corporate Director of Children’s Services',
    startDate: '2011-04-01',
    endDate: '2014-03-31',
  },
  {
    code: 'CCR-2019',
    name: 'Children’s Centres review',
    description: 'A £1m budget reduction through a reshaped children’s centre offer with outreach to community buildings.',
    status: 'CONSULTATION',
    owner: 'Head of Early Help and Prevention',
    startDate: '2019-06-01',
    endDate: '2021-03-31',
  },
  {
    code: 'LW-2020',
    name: 'Locality Working',
    description: 'Continue locality working in two localities and roll it out by priority of need.',
    status: 'APPROVED',
    owner: 'Assistant Director, Early Help',
    startDate: '2020-09-01',
    endDate: null,
  },
] as const;

export type ProgrammeCode = (typeof PROGRAMMES)[number]['code'];

export interface DemoOrganisation {
  tokens: Record<'ADMIN' | 'PROGRAMME_MANAGER' | 'FINANCE' | 'MEMBER', string>;
  admin: Call;
  programmeIds: Record<ProgrammeCode, string>;
}

export async function seedOrganisation(url: string, operatorSecret: string): Promise<DemoOrganisation> {
  const operator = demoClient(url, operatorSecret);
  const { createOrganisation } = await operator(
    `mutation { createOrganisation(name: "Demo Metropolitan District Council", adminEmail: "ict.admin@demo-council.gov.uk",
       adminName: "Priya Shah") { adminToken } }`,
  );
  const admin = demoClient(url, createOrganisation.adminToken);
  await admin(`mutation { setRiskAppetite(category: SAFEGUARDING, maxScore: 8) { id } }`);
  await admin(`mutation { setRiskAppetite(category: FINANCIAL, maxScore: 15) { id } }`);

  const programmeIds = {} as Record<ProgrammeCode, string>;
  for (const input of PROGRAMMES) {
    const { createProgramme } = await admin(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }`, {
      input,
    });
    programmeIds[input.code] = createProgramme.id;
  }

  const user = async (email: string, name: string, role: string, programmeIds?: string[]) =>
    (
      await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`, {
        input: { email, name, role, programmeIds },
      })
    ).createUser.token as string;
  const tokens = {
    ADMIN: createOrganisation.adminToken,
    PROGRAMME_MANAGER: await user('jim.hopkins@demo-council.gov.uk', 'Jim Hopkins', 'PROGRAMME_MANAGER', [
      programmeIds['FH-2018'],
      programmeIds['LW-2020'],
    ]),
    FINANCE: await user('grace.owusu@demo-council.gov.uk', 'Grace Owusu', 'FINANCE'),
    MEMBER: await user('cllr.ellen.marsh@demo-council.gov.uk', 'Cllr Ellen Marsh', 'MEMBER'),
  };
  return { tokens, admin, programmeIds };
}
