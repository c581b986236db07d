import { Case, World } from './isolation-org-queries';
import { each, versioned } from './isolation-mutations-each';

/** Mutations on the decision trail: committees, meetings, resolutions, links and committee actions: A's objects are NOT_FOUND to every user of B. */
export const DECISIONS_MUTATIONS: Record<string, Case> = {
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
