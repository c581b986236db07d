import { Call } from './client';
import { ProgrammeCode, PROGRAMMES } from './organisation';
import register from './risks.json';

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

/**
 * The demo council's risk register, written from the facts of ../shared/domain: data, kept as data
 * (risks.json), in the shape above.
 */
const RISKS = register as DemoRisk[];

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
