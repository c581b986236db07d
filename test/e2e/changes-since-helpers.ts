import { Org } from '../support/fixtures';
import { ok, TestServer } from '../support/test-server';

/** Documents and small writers shared by the changesSince e2e tests. */
const SCORE = 'likelihood impact score rating';
export const CHANGES_FIELDS = `since programme { code }
  riskMoves { risk { reference } before { ${SCORE} } after { ${SCORE} } assessments { assessedOn score note } }
  newRisks { reference } closedRisks { reference closedOn }
  mitigationsCompleted { action completedOn } mitigationsNowOverdue { action dueDate overdue }
  mitigationsRescheduled { mitigation { action } dueDateBefore dueDateAfter }
  milestonesMoved { milestone { title } forecastDateBefore forecastDateAfter slippageChange }
  savingsChanged { savingsLine { description financialYear } forecastBefore forecastAfter plannedBefore plannedAfter }
  deliveries { amount recordedOn ledgerReference }
  resolutions { text meeting { date } }
  openActions { text dueDate status overdue meeting { date } }`;
export const CHANGES = `query($p: ID!, $since: Date, $meeting: ID) {
  changesSince(programmeId: $p, since: $since, meetingId: $meeting) { ${CHANGES_FIELDS} } }`;

/** One writer of the register's records, as the given token (the ADMIN unless told). */
export function writer(t: TestServer, org: Org) {
  const run = async (query: string, variables: Record<string, unknown>, token = org.admin) => {
    const data = ok(await t.gql(query, variables, token)) as Record<string, any>;
    return Object.values(data)[0];
  };
  const link = (resolutionId: string, target: Record<string, string>) =>
    run(`mutation($id: ID!, $t: LinkTarget!) { linkResolution(resolutionId: $id, target: $t) { id } }`, {
      id: resolutionId,
      t: target,
    });
  return {
    run,
    risk: (programmeId: string, reference: string, identifiedOn: string, inherent: number[], extra: object = {}) =>
      run(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id version } }`, {
        input: {
          programmeId,
          reference,
          title: `Risk ${reference}`,
          category: 'SAFEGUARDING',
          identifiedOn,
          inherent: { likelihood: inherent[0], impact: inherent[1] },
          ...extra,
        },
      }),
    assess: (risk: { id: string; version: number }, assessedOn: string, [likelihood, impact]: number[], note?: string) =>
      run(
        `mutation($id: ID!, $v: Int!, $input: RiskAssessmentInput!) { assessRisk(riskId: $id, expectedVersion: $v, input: $input) { id version } }`,
        {
          id: risk.id,
          v: risk.version,
          input: { likelihood, impact, assessedOn, note },
        },
      ),
    close: (risk: { id: string; version: number }, closedOn: string) =>
      run(
        `mutation($id: ID!, $v: Int!, $on: Date) { closeRisk(id: $id, expectedVersion: $v, reason: "Done", closedOn: $on) { id version } }`,
        {
          id: risk.id,
          v: risk.version,
          on: closedOn,
        },
      ),
    mitigation: (riskId: string, input: object) =>
      run(`mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { id version } }`, {
        id: riskId,
        input,
      }),
    updateMitigation: (m: { id: string; version: number }, input: object) =>
      run(
        `mutation($id: ID!, $v: Int!, $input: UpdateMitigationInput!) { updateMitigation(id: $id, expectedVersion: $v, input: $input) { id version } }`,
        {
          id: m.id,
          v: m.version,
          input,
        },
      ),
    milestone: (programmeId: string, title: string, baselineDate: string) =>
      run(`mutation($input: MilestoneInput!) { createMilestone(input: $input) { id version } }`, {
        input: { programmeId, title, baselineDate },
      }),
    updateMilestone: (m: { id: string; version: number }, input: object) =>
      run(
        `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: $v, input: $input) { id version } }`,
        {
          id: m.id,
          v: m.version,
          input,
        },
      ),
    rebaseline: (m: { id: string; version: number }, baselineDate: string) =>
      run(
        `mutation($id: ID!, $v: Int!, $d: Date!) { rebaselineMilestone(id: $id, expectedVersion: $v, baselineDate: $d, reason: "Agreed later") { id version } }`,
        {
          id: m.id,
          v: m.version,
          d: baselineDate,
        },
      ),
    line: (programmeId: string, description: string, planned: string, extra: object = {}, token = org.admin) =>
      run(
        `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id version } }`,
        { input: { programmeId, description, category: 'STAFFING', financialYear: '2025/26', planned, ...extra } },
        token,
      ),
    updateLine: (l: { id: string; version: number }, input: object, token = org.admin) =>
      run(
        `mutation($id: ID!, $v: Int!, $input: UpdateSavingsLineInput!) { updateSavingsLine(id: $id, expectedVersion: $v, input: $input) { id version } }`,
        {
          id: l.id,
          v: l.version,
          input,
        },
        token,
      ),
    rephase: (l: { id: string; version: number }, to: string, amount: string) =>
      run(
        `mutation($id: ID!, $v: Int!, $to: FinancialYear!, $a: Money!) {
        rephaseSavings(savingsLineId: $id, expectedVersion: $v, toFinancialYear: $to, amount: $a, reason: "Slipped") { id version } }`,
        {
          id: l.id,
          v: l.version,
          to,
          a: amount,
        },
      ),
    writeOff: (l: { id: string; version: number }, amount: string) =>
      run(
        `mutation($id: ID!, $v: Int!, $a: Money!) { writeOffSavings(savingsLineId: $id, expectedVersion: $v, amount: $a, reason: "Undeliverable") { id version } }`,
        {
          id: l.id,
          v: l.version,
          a: amount,
        },
      ),
    deliver: (lineId: string, amount: string, recordedOn: string, ledgerReference: string) =>
      run(
        `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`,
        {
          id: lineId,
          input: { amount, recordedOn, ledgerReference },
        },
      ),
    action: (input: object) =>
      run(`mutation($input: CommitteeActionInput!) { recordCommitteeAction(input: $input) { id version } }`, { input }),
    updateAction: (a: { id: string; version: number }, input: object) =>
      run(
        `mutation($id: ID!, $v: Int!, $input: UpdateCommitteeActionInput!) { updateCommitteeAction(id: $id, expectedVersion: $v, input: $input) { id version } }`,
        { id: a.id, v: a.version, input },
      ),
    meeting: async (date: string, committeeId?: string) => {
      const committee = committeeId ?? (await run(`mutation { createCommittee(name: "Scrutiny ${date}") { id } }`, {})).id;
      return run(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id date } }`, {
        input: { committeeId: committee, date },
      });
    },
    resolution: async (meetingId: string, text: string, target: Record<string, string> | null) => {
      const r = await run(`mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, {
        input: { meetingId, agendaItem: text.slice(0, 40), text },
      });
      if (target) await link(r.id, target);
      return r;
    },
    link,
  };
}
