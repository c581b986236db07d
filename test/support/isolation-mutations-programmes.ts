import { Case } from './isolation-org-queries';
import { each, versioned } from './isolation-mutations-each';

/** Mutations on programmes, their health reports and milestones: A's objects are NOT_FOUND to every user of B. */
export const PROGRAMMES_MUTATIONS: Record<string, Case> = {
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

  'Mutation.deleteMilestone': (w) =>
    each(
      w,
      `mutation($id: ID!, $v: Int!) { deleteMilestone(id: $id, expectedVersion: $v, reason: "Taken over") { id } }`,
      versioned(Object.values(w.a.milestones)),
    ),
};
