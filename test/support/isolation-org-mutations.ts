import { asEachRole, Case, codeOf, World } from './isolation-org-queries';

/**
 * Every mutation naming one of A's objects, as each of B's users: NOT_FOUND (never FORBIDDEN,
 * whatever B's role), answered exactly as for an id that exists nowhere (the probe's ghost
 * run). Mutations that name nothing of A's are refused by role, or succeed in a fresh
 * organisation of their own without touching A (the test compares A's whole view afterwards).
 */

/** Sends as each of B's users; every answer must be `code`. */
async function each(w: World, query: string, variables: Record<string, unknown>[], code = 'NOT_FOUND', only?: string[]) {
  await asEachRole(w, async (role, token) => {
    if (only && !only.includes(role)) return;
    for (const v of variables) {
      const res = await w.probe.send(query, v, token);
      if (codeOf(res) !== code)
        throw new Error(`${role}: expected ${code} for ${query} ${JSON.stringify(v)}, got ${JSON.stringify(res)}`);
    }
  });
}

const versioned = (objects: { id: string; version: number }[]) => objects.map((o) => ({ id: o.id, v: o.version }));

const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importLedgerActuals(csv: $csv, dryRun: $dryRun) { dryRun rowsRead rowsImported rowsSkipped errors { line message } } }`;
const HEADER = 'programme_code,financial_year,description,amount,recorded_on,ledger_reference';

export const MUTATION_CASES: Record<string, Case> = {
  'Mutation.createOrganisation': async (w) => {
    const q = `mutation($name: String!, $email: String!) { createOrganisation(name: $name, adminEmail: $email, adminName: "X") { adminToken } }`;
    await each(w, q, [{ name: `${w.a.org.name} again`, email: w.a.users.ADMIN.email }], 'UNAUTHENTICATED');
  },

  'Mutation.setRiskAppetite': async (w) => {
    const q = `mutation($m: Int!) { setRiskAppetite(category: SAFEGUARDING, maxScore: $m) { id riskAppetite { category maxScore } } }`;
    await each(w, q, [{ m: 20 }], 'FORBIDDEN', ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER']);
    const fresh = await w.fresh();
    const set = (await fresh.send(q, { m: 20 }, fresh.admin, { ghost: false })).data.setRiskAppetite;
    expect(set.riskAppetite).toContainEqual({ category: 'SAFEGUARDING', maxScore: 20 });
  },

  'Mutation.setEscalationThreshold': async (w) => {
    const q = `mutation($score: Int!) { setEscalationThreshold(score: $score) { id escalationThreshold } }`;
    await each(w, q, [{ score: 20 }], 'FORBIDDEN', ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER']);
    const fresh = await w.fresh();
    expect(
      (await fresh.send(q, { score: 20 }, fresh.admin, { ghost: false })).data.setEscalationThreshold.escalationThreshold,
    ).toBe(20);
  },

  'Mutation.createUser': async (w) => {
    const q = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
    const input = (role: string, programmeIds: string[]) => ({
      input: { email: `new.${w.b.marker}@council.gov.uk`, name: 'New', role, programmeIds },
    });
    const { fh, ics } = w.a.programmes;
    await each(w, q, [
      input('PROGRAMME_MANAGER', [fh.id]),
      input('PROGRAMME_MANAGER', [w.b.programmes.fh.id, ics.id]),
      input('MEMBER', [fh.id]),
    ]);
    // e-mails are unique within an organisation only: A's admin e-mail is free elsewhere
    const fresh = await w.fresh();
    const created = await fresh.send(
      q,
      { input: { email: w.a.users.ADMIN.email, name: 'Namesake', role: 'ADMIN' } },
      fresh.admin,
      { ghost: false, echo: true },
    );
    expect(created.errors).toBeUndefined();
  },

  'Mutation.deactivateUser': (w) =>
    each(
      w,
      `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`,
      Object.values(w.a.users).map((u) => ({ id: u.id })),
    ),

  'Mutation.issueToken': (w) =>
    each(
      w,
      `mutation($id: ID!) { issueToken(userId: $id) { token } }`,
      Object.values(w.a.users).map((u) => ({ id: u.id })),
    ),

  'Mutation.createProgramme': async (w) => {
    const q = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id code } }`;
    const input = { input: { code: w.a.programmes.fh.code, name: 'Family Hubs' } };
    await each(w, q, [input], 'FORBIDDEN', ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER']);
    // codes are unique within an organisation only: no CONFLICT that would betray A's
    const fresh = await w.fresh();
    expect((await fresh.send(q, input, fresh.admin, { ghost: false, echo: true })).data.createProgramme.code).toBe(
      w.a.programmes.fh.code,
    );
  },

  'Mutation.updateProgramme': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateProgramme(id: $id, expectedVersion: $v, input: {name: "Taken over"}) { id } }`,
      versioned(Object.values(w.a.programmes)),
    ),

  'Mutation.reportProgrammeHealth': (w) =>
    each(
      w,
      `mutation($id: ID!, $asOf: Date) { reportProgrammeHealth(programmeId: $id, rating: RED, commentary: "Taken over", asOf: $asOf) { id } }`,
      // today, and a day in the future (a business rule, which comes after NOT_FOUND)
      Object.values(w.a.programmes).flatMap((p) => [{ id: p.id }, { id: p.id, asOf: '2999-12-31' }]),
    ),

  'Mutation.createRisk': (w) =>
    each(
      w,
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      Object.values(w.a.programmes).map((p) => ({
        input: {
          programmeId: p.id,
          reference: 'R99',
          title: 'Planted',
          category: 'LEGAL',
          inherent: { likelihood: 1, impact: 1 },
        },
      })),
    ),

  'Mutation.updateRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateRisk(id: $id, expectedVersion: $v, input: {title: "Taken over", confidential: false}) { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.assessRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { assessRisk(riskId: $id, expectedVersion: $v, input: {likelihood: 1, impact: 1}) { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.closeRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { closeRisk(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.reopenRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { reopenRisk(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.addMitigation': (w) =>
    each(
      w,
      `mutation($id: ID!) { addMitigation(riskId: $id, input: {action: "Planted"}) { id } }`,
      Object.values(w.a.risks).map((r) => ({ id: r.id })),
    ),

  'Mutation.updateMitigation': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateMitigation(id: $id, expectedVersion: $v, input: {status: CANCELLED}) { id } }`,
      versioned(Object.values(w.a.mitigations)),
    ),

  'Mutation.addMitigationUpdate': (w) =>
    each(
      w,
      `mutation($id: ID!) { addMitigationUpdate(mitigationId: $id, note: "Planted") { id } }`,
      Object.values(w.a.mitigations).map((m) => ({ id: m.id })),
    ),

  'Mutation.createSavingsLine': (w) =>
    each(w, `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`, [
      ...Object.values(w.a.programmes).map((p) => ({
        input: { programmeId: p.id, description: 'Planted', category: 'OTHER', financialYear: '2018/19', planned: '1' },
      })),
      // B's own programme, replacing A's line
      ...Object.values(w.a.savings).map((l) => ({
        input: {
          programmeId: w.b.programmes.fh.id,
          replacesId: l.id,
          description: 'Planted',
          category: 'OTHER',
          financialYear: '2018/19',
          planned: '1',
        },
      })),
    ]),

  'Mutation.updateSavingsLine': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateSavingsLine(id: $id, expectedVersion: $v, input: {forecast: "0"}) { id } }`,
      versioned(Object.values(w.a.savings)),
    ),

  'Mutation.recordSavingsDelivery': async (w) => {
    const q = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id ledgerReference } }`;
    const delivery = (ledgerReference: string) => ({ amount: '-100000', recordedOn: '2018-12-31', ledgerReference });
    await each(
      w,
      q,
      Object.values(w.a.savings).map((l) => ({ id: l.id, input: delivery(`${w.b.marker}-GL-99`) })),
    );
    // ledger references are unique within an organisation only
    const fresh = await w.fresh();
    const line = await fresh.send(
      `mutation($p: ID!) { createSavingsLine(input: {programmeId: $p, description: "Staffing", category: STAFFING,
      financialYear: "2018/19", planned: "1000"}) { id } }`,
      { p: fresh.programmeId },
      fresh.admin,
      { ghost: false },
    );
    const recorded = await fresh.send(
      q,
      { id: line.data.createSavingsLine.id, input: delivery(w.a.ledgerReferences[0]) },
      fresh.admin,
      { ghost: false, echo: true },
    );
    expect(recorded.data?.recordSavingsDelivery.ledgerReference).toBe(w.a.ledgerReferences[0]);
  },

  'Mutation.importLedgerActuals': async (w) => {
    const { fh, ics } = w.a.programmes;
    const { staffing, premises } = w.a.savings;
    // A's own codes, years and descriptions, and a reference A has recorded: every row is unknown to B
    const rows = [
      `${fh.code},2018/19,${staffing.description},"£1,000.00",2019-01-31,${w.a.ledgerReferences[0]}`,
      `${ics.code},2019/20,${premises.description},2000,2019-06-30,${w.a.marker}-GL-NEW`,
    ];
    const csv = [HEADER, ...rows].join('\r\n');
    const refused = {
      dryRun: false,
      rowsRead: 2,
      rowsImported: 0,
      rowsSkipped: 0,
      errors: [
        { line: 2, message: `No programme with code ${fh.code}` },
        { line: 3, message: `No programme with code ${ics.code}` },
      ],
    };
    await asEachRole(w, async (role, token) => {
      for (const dryRun of [false, true]) {
        const res = await w.probe.send(IMPORT, { csv, dryRun }, token, { echo: true });
        if (role === 'ADMIN' || role === 'FINANCE') expect(res.data?.importLedgerActuals).toEqual({ ...refused, dryRun });
        else expect(codeOf(res)).toBe('FORBIDDEN');
      }
    });
    // a namesake programme elsewhere takes the rows (A's ledger reference is no duplicate there); A is untouched
    const fresh = await w.fresh();
    const created = await fresh.send(
      `mutation($code: String!) { p: createProgramme(input: {code: $code, name: "Namesake"}) { id } }`,
      { code: fh.code },
      fresh.admin,
      { ghost: false, echo: true },
    );
    await fresh.send(
      `mutation($p: ID!, $description: String!) { createSavingsLine(input: {programmeId: $p, description: $description,
      category: STAFFING, financialYear: "2018/19", planned: "1000"}) { id } }`,
      { p: created.data.p.id, description: staffing.description },
      fresh.admin,
      { ghost: false, echo: true },
    );
    const imported = await fresh.send(IMPORT, { csv: [HEADER, rows[0]].join('\n') }, fresh.admin, { ghost: false, echo: true });
    expect(imported.data.importLedgerActuals).toEqual({
      dryRun: false,
      rowsRead: 1,
      rowsImported: 1,
      rowsSkipped: 0,
      errors: [],
    });
  },

  'Mutation.deleteSavingsLine': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteSavingsLine(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.savings)),
    ),

  'Mutation.rephaseSavings': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!, $r: ID) { rephaseSavings(savingsLineId: $id, expectedVersion: $v, toFinancialYear: "2030/31",
         amount: "1", reason: "Slipped", resolutionId: $r) { id } }`,
      // A's lines, and B's own lines approved by A's resolution
      [
        ...versioned(Object.values(w.a.savings)),
        ...versioned(Object.values(w.b.savings)).map((v) => ({ ...v, r: w.a.resolutions.model })),
      ],
    ),

  'Mutation.writeOffSavings': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!, $r: ID) { writeOffSavings(savingsLineId: $id, expectedVersion: $v, amount: "1",
         reason: "Undeliverable", resolutionId: $r) { id } }`,
      [
        ...versioned(Object.values(w.a.savings)),
        ...versioned(Object.values(w.b.savings)).map((v) => ({ ...v, r: w.a.resolutions.model })),
      ],
    ),

  'Mutation.deleteSavingsDelivery': (w) =>
    each(w, `mutation($id: ID!) { deleteSavingsDelivery(id: $id, reason: "Taken over") { id } }`, [{ id: w.a.delivery }]),

  'Mutation.createMilestone': (w) =>
    each(
      w,
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      Object.values(w.a.programmes).map((p) => ({
        input: { programmeId: p.id, title: 'Planted', baselineDate: '2018-10-01' },
      })),
    ),

  'Mutation.updateMilestone': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateMilestone(id: $id, expectedVersion: $v, input: {status: MISSED}) { id } }`,
      versioned(Object.values(w.a.milestones)),
    ),

  'Mutation.rebaselineMilestone': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!, $resolutionId: ID) {
        rebaselineMilestone(id: $id, expectedVersion: $v, baselineDate: "2019-01-01", reason: "Taken over", resolutionId: $resolutionId) { id } }`,
      [
        ...versioned(Object.values(w.a.milestones)),
        // B's own milestone, approved by A's resolution
        ...versioned(Object.values(w.b.milestones)).map((v) => ({ ...v, resolutionId: w.a.resolutions.model })),
      ],
    ),

  'Mutation.deleteRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteRisk(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.deleteMitigation': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteMitigation(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.mitigations)),
    ),

  'Mutation.deleteMilestone': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteMilestone(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.milestones)),
    ),

  'Mutation.updateUser': (w) =>
    each(w, `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, [
      ...Object.values(w.a.users).map((u) => ({ id: u.id, input: { role: 'MEMBER' } })),
      // B's own manager, given A's programme
      { id: w.b.users.PROGRAMME_MANAGER.id, input: { programmeIds: [w.a.programmes.fh.id] } },
    ]),

  'Mutation.createCommittee': async (w) => {
    const q = `mutation($name: String!) { createCommittee(name: $name) { id name } }`;
    await each(w, q, [{ name: w.a.committee.name }], 'FORBIDDEN', ['FINANCE', 'MEMBER']);
    const fresh = await w.fresh();
    expect(
      (await fresh.send(q, { name: w.a.committee.name }, fresh.admin, { ghost: false, echo: true })).data.createCommittee.name,
    ).toBe(w.a.committee.name);
  },

  'Mutation.createMeeting': (w) =>
    each(w, `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, [
      { input: { committeeId: w.a.committee.id, date: '2019-01-01' } },
    ]),

  'Mutation.recordResolution': (w) =>
    each(w, `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, [
      ...Object.values(w.a.meetings).map((meetingId) => ({ input: { meetingId, agendaItem: 'PLANTED', text: 'Planted' } })),
      {
        input: {
          meetingId: w.a.meetings.spring,
          agendaItem: 'PLANTED',
          text: 'Planted',
          kind: 'RECOMMENDATION',
          referredToCommitteeId: w.a.committee.id,
        },
      },
    ]),

  'Mutation.respondToRecommendation': (w) =>
    each(
      w,
      `mutation($rec: ID!, $res: ID!) { respondToRecommendation(recommendationId: $rec, responseId: $res, outcome: ACCEPTED) { id } }`,
      [{ rec: w.a.resolutions.model, res: w.a.resolutions.ics }],
    ),

  'Mutation.importMinutes': (w) =>
    each(
      w,
      `mutation($meetingId: ID!, $text: String!) { importMinutes(meetingId: $meetingId, text: $text) { created } }`,
      Object.values(w.a.meetings).map((meetingId) => ({ meetingId, text: 'PLANTED\n\nRESOLVED: That it be planted.' })),
    ),

  'Mutation.updateCommittee': (w) =>
    each(w, `mutation($id: ID!) { updateCommittee(id: $id, name: "Taken over") { id } }`, [{ id: w.a.committee.id }]),

  'Mutation.updateMeeting': (w) =>
    each(
      w,
      `mutation($id: ID!) { updateMeeting(id: $id, date: "2019-01-01") { id } }`,
      Object.values(w.a.meetings).map((id) => ({ id })),
    ),

  // A's resolutions are all at version 1
  'Mutation.updateResolution': (w) =>
    each(
      w,
      `mutation($id: ID!) { updateResolution(id: $id, expectedVersion: 1, input: {text: "Taken over"}) { id } }`,
      Object.values(w.a.resolutions).map((id) => ({ id })),
    ),

  'Mutation.deleteResolution': (w) =>
    each(
      w,
      `mutation($id: ID!) { deleteResolution(id: $id, expectedVersion: 1, reason: "Taken over") { id } }`,
      Object.values(w.a.resolutions).map((id) => ({ id })),
    ),

  'Mutation.recordCommitteeAction': async (w) => {
    const q = `mutation($input: CommitteeActionInput!) { recordCommitteeAction(input: $input) { id } }`;
    const { a, b } = w;
    const input = (fields: Record<string, unknown>) => ({ input: { meetingId: b.meetings.spring, text: 'Planted', ...fields } });
    await each(w, q, [
      ...Object.values(a.meetings).map((meetingId) => input({ meetingId })),
      // B's own meeting, with A's resolution, programme or committee
      input({ resolutionId: a.resolutions.model }),
      input({ programmeId: a.programmes.fh.id }),
      input({ reportToCommitteeId: a.committee.id }),
    ]);
  },

  'Mutation.updateCommitteeAction': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateCommitteeAction(id: $id, expectedVersion: $v, input: {status: DROPPED}) { id } }`,
      versioned(Object.values(w.a.actions)),
    ),

  'Mutation.raiseIssue': (w) =>
    each(
      w,
      `mutation($input: IssueInput!) { raiseIssue(input: $input) { id } }`,
      Object.values(w.a.programmes).map((p) => ({
        input: { programmeId: p.id, reference: 'I99', title: 'Planted', priority: 'RED' },
      })),
    ),

  'Mutation.raiseIssueFromRisk': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { raiseIssueFromRisk(riskId: $id, expectedVersion: $v, reference: "I99") { id } }`,
      versioned(Object.values(w.a.risks)),
    ),

  'Mutation.updateIssue': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { updateIssue(id: $id, expectedVersion: $v, input: {title: "Taken over"}) { id } }`,
      versioned(Object.values(w.a.issues)),
    ),

  'Mutation.resolveIssue': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { resolveIssue(id: $id, expectedVersion: $v, resolutionNote: "Taken over") { id } }`,
      versioned(Object.values(w.a.issues)),
    ),

  'Mutation.linkRiskToSavingsLine': (w) => riskSavingsCase(w, 'linkRiskToSavingsLine'),
  'Mutation.unlinkRiskFromSavingsLine': (w) => riskSavingsCase(w, 'unlinkRiskFromSavingsLine'),
  'Mutation.linkResolution': (w) => linkCase(w, 'linkResolution'),
  'Mutation.unlinkResolution': (w) => linkCase(w, 'unlinkResolution'),
};

/**
 * A's resolution with B's target, B's resolution with each kind of A's target, and A's
 * resolution with A's own target (linked already: an unlink must not remove it).
 */
function linkCase(w: World, mutation: string) {
  const q = `mutation($id: ID!, $target: LinkTarget!) { ${mutation}(resolutionId: $id, target: $target) { id } }`;
  const a = w.a;
  const theirs = [
    { programmeId: a.programmes.fh.id },
    { programmeId: a.programmes.ics.id },
    { riskId: a.risks.open.id },
    { riskId: a.risks.secret.id },
    { riskId: a.risks.closed.id },
    { milestoneId: a.milestones.fh.id },
    { savingsLineId: a.savings.staffing.id },
    { issueId: a.issues.open.id },
    { issueId: a.issues.secret.id },
  ];
  return each(w, q, [
    { id: a.resolutions.model, target: { programmeId: w.b.programmes.fh.id } },
    ...theirs.map((target) => ({ id: w.b.resolutions.model, target })),
    ...theirs.map((target) => ({ id: a.resolutions.model, target })),
  ]);
}

/** A's risks with B's line, and B's risk with A's lines: the other organisation's side is NOT_FOUND. */
function riskSavingsCase(w: World, mutation: string) {
  const q = `mutation($r: ID!, $l: ID!) { ${mutation}(riskId: $r, savingsLineId: $l) { id } }`;
  const [a, b] = [w.a, w.b];
  return each(w, q, [
    ...[a.risks.open, a.risks.secret, a.risks.closed].map((r) => ({ r: r.id, l: b.savings.staffing.id })),
    ...Object.values(a.savings).map((l) => ({ r: b.risks.open.id, l: l.id })),
  ]);
}
