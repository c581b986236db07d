import { Case } from './isolation-org-queries';
import { each, versioned } from './isolation-mutations-each';

/** Mutations on risks, their mitigations and the issues raised from them: A's objects are NOT_FOUND to every user of B. */
export const RISKS_MUTATIONS: Record<string, Case> = {
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
};
