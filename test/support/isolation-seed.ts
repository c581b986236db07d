import { randomBytes } from 'node:crypto';
import { ok, OPERATOR_SECRET, TestServer } from './test-server';

/**
 * A fully populated organisation for the isolation tests, seeded through the API: two
 * programmes, an open, a confidential and a closed risk with mitigations and assessments,
 * milestones, savings lines with deliveries (by hand and by import), a committee with meetings
 * and resolutions linked to every kind of target, committee actions, users of every role, a risk
 * appetite, health reports, and the audit events all that records. Every name, code, text and e-mail carries the
 * organisation's `marker`; the confidential risk's texts also carry `secret`.
 */

export type Role = 'ADMIN' | 'PROGRAMME_MANAGER' | 'FINANCE' | 'MEMBER';
export const ROLES: Role[] = ['ADMIN', 'PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'];

export interface Versioned {
  id: string;
  version: number;
}

export interface Seeded {
  marker: string;
  secret: string;
  org: { id: string; name: string };
  tokens: Record<Role, string>;
  users: Record<Role, { id: string; email: string }>;
  appetite: number;
  programmes: { fh: Versioned & { code: string }; ics: Versioned & { code: string } };
  risks: { open: Versioned; secret: Versioned; closed: Versioned };
  mitigations: { open: Versioned; secret: Versioned };
  milestones: { fh: Versioned; ics: Versioned };
  savings: { staffing: SavingsLine; training: SavingsLine; premises: SavingsLine };
  ledgerReferences: string[];
  /** The delivery recorded by hand (the others come from an import). */
  delivery: string;
  committee: { id: string; name: string };
  meetings: { spring: string; autumn: string };
  /** model: linked to fh and its open and secret risk, milestone and line; secret: only to the secret risk; ics: to ics's targets. */
  resolutions: { model: string; secret: string; ics: string };
  /** Committee actions: model arose from the model resolution, about fh, reporting to the committee; secret from the secret one; none about no programme. */
  actions: { model: Versioned; secret: Versioned; none: Versioned };
  /** Issues of fh, both linked to the model resolution: open, and secret (confidential). */
  issues: { open: Versioned; secret: Versioned };
}

interface SavingsLine extends Versioned {
  description: string;
  financialYear: string;
}

/** A marker unlike anything else in the database: 'q' and 8 hex digits. */
export const newMarker = () => `q${randomBytes(4).toString('hex')}`;

export async function seedOrganisation(
  t: TestServer,
  options: { appetite: number; marker?: string; secret?: string },
): Promise<Seeded> {
  const marker = options.marker ?? newMarker();
  const secret = options.secret ?? newMarker();
  const run = async (query: string, variables: Record<string, unknown>, token: string) => {
    const data = ok(await t.gql(query, variables, token));
    return Object.values(data as object)[0];
  };

  const created = await run(
    `mutation($name: String!, $email: String!, $admin: String!) {
       createOrganisation(name: $name, adminEmail: $email, adminName: $admin) { organisation { id name } adminToken } }`,
    { name: `${marker} Borough Council`, email: `admin.${marker}@council.gov.uk`, admin: `${marker} Ada` },
    OPERATOR_SECRET,
  );
  const admin: string = created.adminToken;
  const as = (query: string, variables: Record<string, unknown> = {}, token = admin) => run(query, variables, token);

  await as(`mutation($m: Int!) { setRiskAppetite(category: SAFEGUARDING, maxScore: $m) { id } }`, { m: options.appetite });
  const programme = (code: string, name: string) =>
    as(`mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id code version } }`, {
      input: { code, name, description: `${marker} reorganisation`, owner: `${marker} Director`, startDate: '2018-04-01' },
    });
  const fh = await programme(`${marker}-FH`, `${marker} Family Hubs`);
  const ics = await programme(`${marker}-ICS`, `${marker} Integrated Care`);
  Object.assign(
    fh,
    await as(`mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 1, input: {status: APPROVED}) { version } }`, {
      id: fh.id,
    }),
  );

  const user = async (role: Role, programmeIds?: string[]) => {
    const email = `${role.toLowerCase().replace('_', '-')}.${marker}@council.gov.uk`;
    const res = await as(`mutation($input: CreateUserInput!) { createUser(input: $input) { token user { id email } } }`, {
      input: { email, name: `${marker} ${role}`, role, programmeIds },
    });
    return { token: res.token as string, user: res.user as { id: string; email: string } };
  };
  const pm = await user('PROGRAMME_MANAGER', [fh.id]);
  const finance = await user('FINANCE');
  const member = await user('MEMBER');
  const me = await as(`{ me { id email } }`);

  const risk = (programmeId: string, input: Record<string, unknown>) =>
    as(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id version } }`, {
      input: {
        programmeId,
        category: 'SAFEGUARDING',
        owner: `${marker} Head of Service`,
        reviewDate: '2018-12-01',
        identifiedOn: '2018-04-03',
        ...input,
      },
    });
  const assess = async (r: Versioned, input: Record<string, unknown>) =>
    Object.assign(
      r,
      await as(
        `mutation($id: ID!, $v: Int!, $input: RiskAssessmentInput!) {
      assessRisk(riskId: $id, expectedVersion: $v, input: $input) { version } }`,
        { id: r.id, v: r.version, input },
      ),
    );
  const mitigate = async (riskId: string, action: string) => {
    const m = await as(
      `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { id version } }`,
      {
        id: riskId,
        input: { action, owner: `${marker} Officer`, dueDate: '2018-09-30' },
      },
    );
    return Object.assign(
      m,
      await as(
        `mutation($id: ID!, $v: Int!) {
      updateMitigation(id: $id, expectedVersion: $v, input: {status: IN_PROGRESS}) { version } }`,
        { id: m.id, v: m.version },
      ),
    );
  };
  const open = await risk(fh.id, {
    reference: 'R01',
    title: `${marker} Increased pressure on social care`,
    inherent: { likelihood: 4, impact: 4 },
  });
  await assess(open, { likelihood: 3, impact: 3, assessedOn: '2018-06-01', note: `${marker} hubs opened` });
  const secretRisk = await risk(fh.id, {
    reference: 'R02',
    title: `${marker} ${secret} Redundancy costs for named posts`,
    description: `${secret} exempt information`,
    category: 'FINANCIAL',
    inherent: { likelihood: 4, impact: 5 },
    target: { likelihood: 2, impact: 2 },
    confidential: true,
  });
  await assess(secretRisk, { likelihood: 4, impact: 4, assessedOn: '2018-06-01', note: `${secret} closed session` });
  const closed = await risk(ics.id, {
    reference: 'R01',
    title: `${marker} Partner withdrawal`,
    category: 'PARTNERSHIP',
    inherent: { likelihood: 2, impact: 3 },
  });
  const mitigations = {
    open: await mitigate(open.id, `${marker} Share the register with scrutiny`),
    secret: await mitigate(secretRisk.id, `${secret} Closed session report`),
  };

  const milestone = async (programmeId: string, title: string) => {
    const m = await as(`mutation($input: MilestoneInput!) { createMilestone(input: $input) { id version } }`, {
      input: { programmeId, title, baselineDate: '2018-10-01' },
    });
    return Object.assign(
      m,
      await as(
        `mutation($id: ID!, $v: Int!) {
      updateMilestone(id: $id, expectedVersion: $v, input: {forecastDate: "2018-11-01", status: AT_RISK}) { version } }`,
        { id: m.id, v: m.version },
      ),
    );
  };
  const milestones = {
    fh: await milestone(fh.id, `${marker} Hubs open`),
    ics: await milestone(ics.id, `${marker} Partnership signed`),
  };

  const line = async (programmeId: string, input: Record<string, unknown>): Promise<SavingsLine> => {
    const l = await as(
      `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id version description financialYear } }`,
      {
        input: { programmeId, ...input },
      },
      finance.token,
    );
    return l;
  };
  const staffing = await line(fh.id, {
    description: `${marker} Staffing restructure`,
    category: 'STAFFING',
    financialYear: '2018/19',
    planned: '452000',
  });
  const training = await line(fh.id, {
    description: `${marker} Training`,
    kind: 'ONE_OFF_COST',
    category: 'OTHER',
    financialYear: '2018/19',
    planned: '120000',
  });
  const premises = await line(ics.id, {
    description: `${marker} Office moves`,
    category: 'PREMISES',
    financialYear: '2019/20',
    planned: '100000',
  });
  Object.assign(
    premises,
    await as(
      `mutation($id: ID!, $v: Int!) {
    updateSavingsLine(id: $id, expectedVersion: $v, input: {forecast: "90000", confidence: AMBER}) { version } }`,
      { id: premises.id, v: premises.version },
      finance.token,
    ),
  );
  const ledgerReferences = [`${marker}-GL-1`, `${marker}-GL-2`, `${marker}-GL-3`];
  const delivery: string = (
    await as(
      `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`,
      {
        id: staffing.id,
        input: { amount: '150000', recordedOn: '2018-10-31', ledgerReference: ledgerReferences[0], note: `${marker} first` },
      },
      finance.token,
    )
  ).id;
  const csv = [
    'programme_code,financial_year,description,amount,recorded_on,ledger_reference',
    `${fh.code},2018/19,${staffing.description},"£50,000.00",2018-11-30,${ledgerReferences[1]}`,
    `${ics.code},2019/20,${premises.description},25000,2019-05-31,${ledgerReferences[2]}`,
  ].join('\n');
  const imported = await as(
    `mutation($csv: String!) { importLedgerActuals(csv: $csv) { rowsImported errors { message } } }`,
    { csv },
    finance.token,
  );
  if (imported.rowsImported !== 2) throw new Error(`seed import: ${JSON.stringify(imported)}`);

  const committee = await as(`mutation($name: String!) { createCommittee(name: $name) { id name } }`, {
    name: `${marker} Executive`,
  });
  const meeting = async (date: string) =>
    (
      await as(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, {
        input: { committeeId: committee.id, date },
      })
    ).id;
  const meetings = { spring: await meeting('2018-04-03'), autumn: await meeting('2018-10-02') };
  const resolution = async (meetingId: string, agendaItem: string, number: string | null) =>
    (
      await as(`mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, {
        input: {
          meetingId,
          agendaItem: `${marker} ${agendaItem}`,
          number,
          text: `${marker} That the ${agendaItem.toLowerCase()} be agreed.`,
        },
      })
    ).id;
  const resolutions = {
    model: await resolution(meetings.spring, 'FAMILY HUBS MODEL', '1'),
    secret: await resolution(meetings.autumn, 'EXEMPT ITEM', null),
    ics: await resolution(meetings.autumn, 'INTEGRATED CARE', 'a'),
  };
  const link = (resolutionId: string, target: Partial<Record<string, string>>) =>
    as(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
      id: resolutionId,
      target,
    });
  for (const target of [
    { programmeId: fh.id },
    { riskId: open.id },
    { riskId: secretRisk.id },
    { milestoneId: milestones.fh.id },
    { savingsLineId: staffing.id },
  ]) {
    await link(resolutions.model, target);
  }
  await link(resolutions.secret, { riskId: secretRisk.id });
  for (const target of [
    { programmeId: ics.id },
    { riskId: closed.id },
    { milestoneId: milestones.ics.id },
    { savingsLineId: premises.id },
  ]) {
    await link(resolutions.ics, target);
  }
  const action = async (input: Record<string, unknown>) => {
    const recorded = await as(`mutation($input: CommitteeActionInput!) { recordCommitteeAction(input: $input) { id version } }`, {
      input: { owner: `${marker} Head of Early Help`, ...input },
    });
    return Object.assign(
      recorded,
      await as(
        `mutation($id: ID!) { updateCommitteeAction(id: $id, expectedVersion: 1, input: {dueDate: "2018-11-30"}) { version } }`,
        { id: recorded.id },
      ),
    );
  };
  const actions = {
    model: await action({
      meetingId: meetings.spring,
      resolutionId: resolutions.model,
      programmeId: fh.id,
      reportToCommitteeId: committee.id,
      text: `${marker} Dashboard to be circulated to Members`,
    }),
    secret: await action({
      meetingId: meetings.autumn,
      resolutionId: resolutions.secret,
      programmeId: fh.id,
      text: `${marker} Closed-session report`,
    }),
    none: await action({ meetingId: meetings.autumn, text: `${marker} Working group to be suggested` }),
  };
  const issue = async (input: Record<string, unknown>) => {
    const raised = await as(`mutation($input: IssueInput!) { raiseIssue(input: $input) { id version } }`, {
      input: { programmeId: fh.id, owner: `${marker} Head of Service`, priority: 'AMBER', raisedOn: '2018-07-01', ...input },
    });
    await link(resolutions.model, { issueId: raised.id });
    return raised as Versioned;
  };
  const issues = {
    open: await issue({ reference: 'I01', title: `${marker} Two hub sites not ready` }),
    secret: await issue({
      reference: 'I02',
      title: `${marker} ${secret} Named post dispute`,
      confidential: true,
      priority: 'RED',
    }),
  };
  // fh's health: reported by its manager, an earlier day by the ADMIN after it (the history's order is by day)
  const health = (asOf: string, rating: string, commentary: string, token = admin) =>
    as(
      `mutation($p: ID!, $rating: Rating!, $commentary: String!, $asOf: Date) {
        reportProgrammeHealth(programmeId: $p, rating: $rating, commentary: $commentary, asOf: $asOf) { id } }`,
      { p: fh.id, rating, commentary: `${marker} ${commentary}`, asOf },
      token,
    );
  await health('2018-09-30', 'AMBER', 'Two hub sites late; restructure on track', pm.token);
  await health('2018-06-30', 'GREEN', 'Hubs mobilised');
  Object.assign(
    closed,
    await as(
      `mutation($id: ID!, $v: Int!, $reason: String!) { closeRisk(id: $id, expectedVersion: $v, reason: $reason) { version } }`,
      {
        id: closed.id,
        v: closed.version,
        reason: `${marker} partner stayed`,
      },
    ),
  );

  return {
    marker,
    secret,
    org: created.organisation,
    tokens: { ADMIN: admin, PROGRAMME_MANAGER: pm.token, FINANCE: finance.token, MEMBER: member.token },
    users: { ADMIN: me, PROGRAMME_MANAGER: pm.user, FINANCE: finance.user, MEMBER: member.user },
    appetite: options.appetite,
    programmes: { fh, ics },
    risks: { open, secret: secretRisk, closed },
    mitigations,
    milestones,
    savings: { staffing, training, premises },
    ledgerReferences,
    delivery,
    committee,
    meetings,
    resolutions,
    actions,
    issues,
  };
}
