import { Call } from './client';

/** "<programme code> <reference>" of a demo risk (see risks.ts). */
type RiskKey = string;

interface Depth {
  cause: string;
  effect: string;
  treatment: 'TOLERATE' | 'TREAT' | 'TRANSFER' | 'TERMINATE';
  proximity?: string;
}

/**
 * The register written as councils write it (issue 17): cause, event (the title) and effect, the
 * chosen response and when the risk would strike. FH-2018 R01 and CCR-2019 R01 score 20, above
 * the escalation threshold of 15, so they are on the corporate register.
 */
const DEPTH: Record<RiskKey, Depth> = {
  'FH-2018 R01': {
    cause: 'Families’ needs are not met early because the hubs offer is still being built up.',
    effect: 'More referrals to children’s social care, higher caseloads and cost pressure.',
    treatment: 'TREAT',
    proximity: '2030-09-30',
  },
  'FH-2018 R03': {
    cause: 'Key worker posts are hard to fill in the rural localities.',
    effect: 'Families wait longer for a key worker and their needs escalate.',
    treatment: 'TREAT',
    proximity: '2030-04-01',
  },
  'CCR-2019 R02': {
    cause: 'Leases on the children’s centres run to 2031.',
    effect: 'The £1m saving slips a year and the service overspends.',
    treatment: 'TREAT',
    proximity: '2030-03-31',
  },
  'CCR-2019 R03': {
    cause: 'Police community support officer posts are funded year to year.',
    effect: 'Local partnership work loses continuity.',
    treatment: 'TOLERATE',
  },
  'LW-2020 R02': {
    cause: 'Care proceedings started before locality working took effect.',
    effect: 'Placement costs stay above budget.',
    treatment: 'TRANSFER',
    proximity: '2030-07-14',
  },
};

type Effectiveness = 'NOT_ASSESSED' | 'EFFECTIVE' | 'PARTLY_EFFECTIVE' | 'INEFFECTIVE';

/** Controls already in place that keep each risk down, kept apart from the actions still to do. */
const CONTROLS: Record<RiskKey, { action: string; owner: string; effectiveness: Effectiveness }[]> = {
  'FH-2018 R01': [
    {
      action: 'The multi-agency safeguarding hub screens every referral within 24 hours',
      owner: 'Head of Children’s Social Care',
      effectiveness: 'EFFECTIVE',
    },
    {
      action: 'A weekly step-down panel reviews cases leaving social care for early help',
      owner: 'Head of Early Help',
      effectiveness: 'PARTLY_EFFECTIVE',
    },
  ],
  'CCR-2019 R01': [
    {
      action: 'Caseloads capped at 24 per worker, monitored weekly',
      owner: 'Head of Early Help and Prevention',
      effectiveness: 'INEFFECTIVE',
    },
  ],
  'LW-2020 R02': [
    {
      action: 'Independent reviewing officers review every placement plan',
      owner: 'Assistant Director, Early Help',
      effectiveness: 'NOT_ASSESSED',
    },
  ],
};

/** Actions whose due date slipped (their baselineDueDate keeps the first), with their progress notes, oldest first. */
const PROGRESS: Record<string, { movedTo?: string; notes: string[] }> = {
  'Report referral rates on the district dashboard each quarter': {
    notes: ['First quarter’s referral rates reported to the committee.', 'Second quarter’s figures awaited from social care.'],
  },
  'Recruit and train key workers for each locality': {
    movedTo: '2030-09-30',
    notes: ['Second recruitment round needed in the rural localities; due date moved to September.'],
  },
  'Reconcile case management data with key worker caseloads monthly': {
    movedTo: '2019-03-31',
    notes: ['Two localities reconciled; the case management export is being fixed for the others.'],
  },
};

interface RiskRead {
  id: string;
  version: number;
  reference: string;
  programme: { code: string };
  mitigations: { id: string; action: string; version: number }[];
}

/**
 * Adds cause, effect, treatment and proximity to the open demo risks that have them, their
 * controls with how well each works, and progress notes (and slipped due dates) on their actions.
 */
export async function seedRiskDepth(admin: Call): Promise<void> {
  const { risks } = await admin(
    `{ risks(first: 500, filter: { status: [OPEN] }) { nodes { id version reference programme { code } mitigations { id action version } } } }`,
  );
  for (const risk of risks.nodes as RiskRead[]) {
    const key = `${risk.programme.code} ${risk.reference}`;
    const depth = DEPTH[key];
    if (depth) {
      await admin(
        `mutation($id: ID!, $v: Int!, $input: UpdateRiskInput!) { updateRisk(id: $id, expectedVersion: $v, input: $input) { id } }`,
        { id: risk.id, v: risk.version, input: depth },
      );
    }
    for (const control of CONTROLS[key] ?? []) {
      const { addMitigation } = await admin(
        `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { id version } }`,
        { id: risk.id, input: { action: control.action, owner: control.owner, kind: 'CONTROL', status: 'IN_PROGRESS' } },
      );
      if (control.effectiveness !== 'NOT_ASSESSED') {
        await admin(
          `mutation($id: ID!, $v: Int!, $input: UpdateMitigationInput!) { updateMitigation(id: $id, expectedVersion: $v, input: $input) { id } }`,
          { id: addMitigation.id, v: addMitigation.version, input: { effectiveness: control.effectiveness } },
        );
      }
    }
    for (const mitigation of risk.mitigations) {
      const progress = PROGRESS[mitigation.action];
      if (!progress) continue;
      if (progress.movedTo) {
        await admin(
          `mutation($id: ID!, $v: Int!, $input: UpdateMitigationInput!) { updateMitigation(id: $id, expectedVersion: $v, input: $input) { id } }`,
          { id: mitigation.id, v: mitigation.version, input: { dueDate: progress.movedTo } },
        );
      }
      for (const note of progress.notes) {
        await admin(`mutation($id: ID!, $note: String!) { addMitigationUpdate(mitigationId: $id, note: $note) { id } }`, {
          id: mitigation.id,
          note,
        });
      }
    }
  }
}
