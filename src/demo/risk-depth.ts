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
 * chosen response and when the risk would strike. FH-2018 R01 scores 20, above the threshold of
 * 15, so it is on the corporate register.
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

/** Adds cause, effect, treatment and proximity to the open demo risks that have them. */
export async function seedRiskDepth(admin: Call): Promise<void> {
  const { risks } = await admin(`{ risks(first: 500) { nodes { id version reference programme { code } } } }`);
  for (const risk of risks.nodes as { id: string; version: number; reference: string; programme: { code: string } }[]) {
    const depth = DEPTH[`${risk.programme.code} ${risk.reference}`];
    if (!depth) continue;
    await admin(
      `mutation($id: ID!, $v: Int!, $input: UpdateRiskInput!) { updateRisk(id: $id, expectedVersion: $v, input: $input) { id } }`,
      { id: risk.id, v: risk.version, input: depth },
    );
  }
}
