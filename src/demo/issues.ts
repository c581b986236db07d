import { Call } from './client';
import { ProgrammeCode } from './organisation';

const REGISTER_RESOLUTION =
  'That a risk register and district dashboard be maintained and reported to Overview and Scrutiny annually.';

/** A risk recorded before it happened, then raised as an issue (which closes it). */
interface RiskThatHappened {
  programme: ProgrammeCode;
  risk: { reference: string; title: string; description: string; category: string; owner: string; identifiedOn: string };
  score: [likelihood: number, impact: number];
  confidential?: boolean;
  issue: { reference: string; raisedOn: string; resolved?: { on: string; note: string } };
}

const HAPPENED: RiskThatHappened[] = [
  {
    programme: 'FH-2018',
    risk: {
      reference: 'R05',
      title: 'Two hub buildings are not ready for the October opening',
      description: 'Refurbishment of the Northern and Eastern locality hubs runs late.',
      category: 'SERVICE_DELIVERY',
      owner: 'Head of Early Help',
      identifiedOn: '2018-06-01',
    },
    score: [4, 4],
    issue: {
      reference: 'I01',
      raisedOn: '2018-09-03',
      resolved: { on: '2018-11-19', note: 'Both hubs opened from temporary sites in October and moved in on 19 November.' },
    },
  },
  {
    programme: 'ICS-2011',
    risk: {
      reference: 'R05',
      title: 'Tribunal claims over the deletion of named posts',
      description: 'Exempt information: claims by individual staff, reported in closed session only.',
      category: 'LEGAL',
      owner: 'Head of HR',
      identifiedOn: '2011-09-01',
    },
    score: [3, 4],
    confidential: true,
    issue: { reference: 'I01', raisedOn: '2012-02-14' },
  },
];

/** Problems that were never on the risk register. */
const DIRECT = [
  {
    programme: 'CCR-2019' as ProgrammeCode,
    reference: 'I01',
    title: 'Consultation responses from two wards are too few to report',
    owner: 'Consultation Manager',
    priority: 'AMBER',
    raisedOn: '2019-08-15',
  },
  {
    programme: 'LW-2020' as ProgrammeCode,
    reference: 'I01',
    title: 'Locality partnership meetings paused during lockdown',
    description: 'Partners met online only; two localities lost their chairs.',
    owner: 'Locality Working Lead',
    priority: 'GREEN',
    raisedOn: '2020-11-05',
  },
];

/**
 * The issue log (issue 17): a risk that happened becomes an issue (FH-2018, later resolved and
 * reported to scrutiny; ICS-2011 confidential, as its risk was), and issues raised directly.
 */
export async function seedIssues(admin: Call, programmeIds: Record<ProgrammeCode, string>, resolutionIds: Map<string, string>) {
  for (const h of HAPPENED) {
    const [likelihood, impact] = h.score;
    const { createRisk } = await admin(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id version } }`, {
      input: {
        ...h.risk,
        programmeId: programmeIds[h.programme],
        inherent: { likelihood, impact },
        confidential: h.confidential,
      },
    });
    const { raiseIssueFromRisk: issue } = await admin(
      `mutation($riskId: ID!, $v: Int!, $reference: String!, $raisedOn: Date) {
        raiseIssueFromRisk(riskId: $riskId, expectedVersion: $v, reference: $reference, raisedOn: $raisedOn) { id version } }`,
      { riskId: createRisk.id, v: createRisk.version, reference: h.issue.reference, raisedOn: h.issue.raisedOn },
    );
    if (h.issue.resolved) {
      await admin(
        `mutation($id: ID!, $v: Int!, $note: String!, $on: Date) {
          resolveIssue(id: $id, expectedVersion: $v, resolutionNote: $note, resolvedOn: $on) { id } }`,
        { id: issue.id, v: issue.version, note: h.issue.resolved.note, on: h.issue.resolved.on },
      );
      await admin(`mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`, {
        id: resolutionIds.get(REGISTER_RESOLUTION),
        target: { issueId: issue.id },
      });
    }
  }
  for (const { programme, ...input } of DIRECT) {
    await admin(`mutation($input: IssueInput!) { raiseIssue(input: $input) { id } }`, {
      input: { ...input, programmeId: programmeIds[programme] },
    });
  }
}
