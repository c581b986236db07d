import { GraphQLResponse } from './test-server';
import { Probe } from './isolation-probe';
import { Role, ROLES, Seeded } from './isolation-seed';

/**
 * What an outsider organisation B is, and what a case gets: A the organisation it attacks,
 * the probe that sends as B, and a fresh organisation for attempts that must succeed (e.g.
 * taking A's programme code), so that B itself never changes.
 */
export interface World {
  a: Seeded;
  b: Seeded;
  probe: Probe;
  /** A's own endCursors of its first page of each list. */
  aCursors: Record<
    'programmes' | 'risks' | 'mitigations' | 'milestones' | 'resolutions' | 'committeeActions' | 'issues' | 'auditTrail',
    string
  >;
  /** B's audit events, counted before any attempt. */
  bAuditCount: number;
  fresh(): Promise<{ admin: string; programmeId: string; send: Probe['send'] }>;
}

export type Case = (w: World) => Promise<void>;

export const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
const dataOf = (res: GraphQLResponse) => {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
};

/** Runs a case body once as each of B's users. */
export const asEachRole = async (w: World, body: (role: Role, token: string) => Promise<void>) => {
  for (const role of ROLES) await body(role, w.b.tokens[role]);
};

/** B's own rows as each role sees them (B is seeded like A): ADMIN, PM and FINANCE see the confidential risk. */
const bRisks = (role: Role) => (role === 'MEMBER' ? 2 : 3);
const ZERO = { planned: '0.00', forecast: '0.00', delivered: '0.00', variance: '0.00', netPlanned: '0.00', netDelivered: '0.00' };
const TOTALS = 'planned forecast delivered variance netPlanned netDelivered';

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id).sort();

export const QUERY_CASES: Record<string, Case> = {
  'Query.me': (w) =>
    asEachRole(w, async (role, token) => {
      const { me } = dataOf(await w.probe.send(`{ me { id email name role programmes { id code } } }`, {}, token));
      expect(me).toMatchObject({ id: w.b.users[role].id, role });
      expect(ids(me.programmes)).toEqual(role === 'PROGRAMME_MANAGER' ? [w.b.programmes.fh.id] : []);
    }),

  'Query.organisation': (w) =>
    asEachRole(w, async (_, token) => {
      const { organisation } = dataOf(
        await w.probe.send(`{ organisation { id name riskAppetite { category maxScore } } }`, {}, token),
      );
      expect(organisation).toMatchObject(w.b.org);
      expect(organisation.riskAppetite).toContainEqual({ category: 'SAFEGUARDING', maxScore: w.b.appetite });
    }),

  'Query.users': (w) =>
    asEachRole(w, async (role, token) => {
      const res = await w.probe.send(`{ users { id email programmes { id } } }`, {}, token);
      if (role !== 'ADMIN') return expect(codeOf(res)).toBe('FORBIDDEN');
      expect(ids(dataOf(res).users)).toEqual(ids(Object.values(w.b.users)));
    }),

  'Query.programmes': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($filter: ProgrammeFilter, $after: String) { programmes(filter: $filter, first: 500, after: $after) {
        totalCount nodes { code risks { id } milestones { id } savingsLines { id deliveries { id } } resolutions { id }
        health { commentary } healthHistory { commentary } } } }`;
      const all = dataOf(await w.probe.send(q, {}, token)).programmes;
      expect(all.totalCount).toBe(2);
      expect(all.nodes.map((n: { code: string }) => n.code)).toEqual([w.b.programmes.fh.code, w.b.programmes.ics.code]);
      // B's own health reports only: two of fh, none of ics
      expect(all.nodes.map((n: { healthHistory: unknown[] }) => n.healthHistory.length)).toEqual([2, 0]);
      for (const search of [w.a.programmes.fh.code, w.a.marker, 'Family Hubs']) {
        const found = dataOf(await w.probe.send(q, { filter: { search } }, token)).programmes;
        expect(found.totalCount).toBe(search === 'Family Hubs' ? 1 : 0);
      }
      await w.probe.send(q, { after: w.aCursors.programmes }, token);
    }),

  'Query.programme': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($id: ID!) { programme(id: $id) { id code risks { id } milestones { id } savingsLines { id } resolutions { id }
        health { commentary } healthHistory { commentary } } }`;
      for (const id of [
        w.a.programmes.fh.id,
        w.a.programmes.ics.id,
        w.a.programmes.fh.id.toUpperCase(),
        w.a.risks.open.id,
        w.a.org.id,
      ]) {
        expect(dataOf(await w.probe.send(q, { id }, token)).programme).toBeNull();
      }
      // Programme.risks(filter: {programmeId}) naming A's programme, on B's own programme
      const nested = `query($id: ID!, $other: ID) { programme(id: $id) { all: risks { id } theirs: risks(filter: { programmeId: $other }) { id } } }`;
      const own = dataOf(await w.probe.send(nested, { id: w.b.programmes.fh.id, other: w.a.programmes.fh.id }, token)).programme;
      expect(own).toEqual({ all: expect.any(Array), theirs: [] });
      expect(own.all).toHaveLength(bRisks(role) - 1);
    }),

  'Query.risks': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($filter: RiskFilter, $after: String) { risks(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id programme { id } mitigations { id risk { id } } assessments { id } resolutions { id } } } }`;
      expect(dataOf(await w.probe.send(q, {}, token)).risks.totalCount).toBe(bRisks(role));
      const filters = [
        { programmeId: w.a.programmes.fh.id },
        { programmeId: w.a.programmes.ics.id, status: ['CLOSED'] },
        { search: w.a.marker },
        { search: w.a.secret },
        { programmeId: w.a.programmes.fh.id.toUpperCase() },
      ];
      for (const filter of filters) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).risks).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.risks }, token);
    }),

  'Query.risk': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($id: ID!) { risk(id: $id) { id title mitigations { id } assessments { id } resolutions { id } } }`;
      const { open, secret, closed } = w.a.risks;
      for (const id of [
        open.id,
        secret.id,
        closed.id,
        secret.id.toUpperCase(),
        w.a.mitigations.secret.id,
        w.a.programmes.fh.id,
      ]) {
        expect(dataOf(await w.probe.send(q, { id }, token)).risk).toBeNull();
      }
    }),

  'Query.riskMatrix': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($programmeId: ID, $basis: ScoreBasis) { riskMatrix(programmeId: $programmeId, basis: $basis) {
        total cells { likelihood impact count } } }`;
      // B's own open risks: R01 (and, for all but a MEMBER, the confidential R02, the only one with a target)
      const own = { INHERENT: bRisks(role) - 1, CURRENT: bRisks(role) - 1, TARGET: role === 'MEMBER' ? 0 : 1 };
      for (const basis of ['INHERENT', 'CURRENT', 'TARGET'] as const) {
        for (const programmeId of [w.a.programmes.fh.id, w.a.programmes.ics.id]) {
          const matrix = dataOf(await w.probe.send(q, { programmeId, basis }, token)).riskMatrix;
          expect(matrix.total).toBe(0);
          expect(matrix.cells).toHaveLength(25);
          expect(matrix.cells.every((c: { count: number }) => c.count === 0)).toBe(true);
        }
        expect(dataOf(await w.probe.send(q, { basis }, token)).riskMatrix.total).toBe(own[basis]);
      }
    }),

  'Query.mitigations': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($filter: MitigationFilter, $after: String) { mitigations(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id risk { id programme { id } } } } }`;
      expect(dataOf(await w.probe.send(q, {}, token)).mitigations.totalCount).toBe(role === 'MEMBER' ? 1 : 2);
      for (const filter of [
        { programmeId: w.a.programmes.fh.id },
        { riskId: w.a.risks.open.id },
        { riskId: w.a.risks.secret.id, overdue: true },
        { owner: w.a.marker },
      ]) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).mitigations).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.mitigations }, token);
    }),

  'Query.mitigation': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($id: ID!) { mitigation(id: $id) { id action risk { id } } }`;
      for (const id of [w.a.mitigations.open.id, w.a.mitigations.secret.id, w.a.risks.open.id])
        expect(dataOf(await w.probe.send(q, { id }, token)).mitigation).toBeNull();
    }),

  'Query.milestones': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($filter: MilestoneFilter, $after: String) { milestones(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id programme { id } resolutions { id } } } }`;
      expect(dataOf(await w.probe.send(q, {}, token)).milestones.totalCount).toBe(2);
      for (const filter of [{ programmeId: w.a.programmes.fh.id }, { programmeId: w.a.programmes.ics.id, slipped: true }]) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).milestones).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.milestones }, token);
    }),

  'Query.savingsReconciliation': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($filter: SavingsFilter, $groupBy: [SavingsGrouping!]) { savingsReconciliation(filter: $filter, groupBy: $groupBy) {
        totals { ${TOTALS} } rows { programme { id code savingsLines { id } } financialYear category kind totals { ${TOTALS} } } } }`;
      const all = ['PROGRAMME', 'FINANCIAL_YEAR', 'CATEGORY', 'KIND'];
      for (const filter of [
        { programmeId: w.a.programmes.fh.id },
        { programmeId: w.a.programmes.ics.id, financialYear: '2019/20', kind: 'SAVING' },
      ]) {
        expect(dataOf(await w.probe.send(q, { filter, groupBy: all }, token)).savingsReconciliation).toEqual({
          totals: ZERO,
          rows: [],
        });
      }
      const own = dataOf(await w.probe.send(q, { groupBy: ['PROGRAMME'] }, token)).savingsReconciliation;
      expect(own.rows.map((r: { programme: { id: string } }) => r.programme.id).sort()).toEqual(
        ids(Object.values(w.b.programmes)),
      );
      // B's own figures: 452000 + 100000 planned savings, 120000 one-off cost, 225000 delivered
      expect(own.totals).toEqual({
        planned: '552000.00',
        forecast: '542000.00',
        delivered: '225000.00',
        variance: '-327000.00',
        netPlanned: '432000.00',
        netDelivered: '225000.00',
      });
    }),

  'Query.committees': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `{ committees { id name meetings { id committee { id } resolutions { id programmes { id } risks { id } milestones { id } savingsLines { id } } } } }`;
      expect(ids(dataOf(await w.probe.send(q, {}, token)).committees)).toEqual([w.b.committee.id]);
    }),

  'Query.resolutions': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($filter: ResolutionFilter, $after: String) { resolutions(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id meeting { id committee { id } } programmes { id } risks { id } milestones { id } savingsLines { id } } } }`;
      expect(dataOf(await w.probe.send(q, {}, token)).resolutions.totalCount).toBe(3);
      const filters = [
        { committeeId: w.a.committee.id },
        { programmeId: w.a.programmes.fh.id },
        { programmeId: w.a.programmes.ics.id },
        { committeeId: w.a.committee.id, programmeId: w.a.programmes.fh.id },
        { search: w.a.marker },
        { committeeId: w.a.committee.id.toUpperCase() },
      ];
      for (const filter of filters) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).resolutions).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.resolutions }, token);
    }),

  'Query.committeeActions': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($filter: CommitteeActionFilter, $after: String) { committeeActions(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id meeting { id committee { id } } resolution { id risks { id } } programme { id actions { id } } reportTo { id } } } }`;
      expect(dataOf(await w.probe.send(q, {}, token)).committeeActions.totalCount).toBe(3);
      for (const filter of [
        { committeeId: w.a.committee.id },
        { programmeId: w.a.programmes.fh.id },
        { committeeId: w.a.committee.id, programmeId: w.a.programmes.fh.id, status: ['OPEN'], overdue: true },
        { programmeId: w.a.programmes.ics.id.toUpperCase() },
      ]) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).committeeActions).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.committeeActions }, token);
    }),

  'Query.issues': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($filter: IssueFilter, $after: String) { issues(filter: $filter, first: 500, after: $after) {
        totalCount nodes { id programme { id issues { id } } fromRisk { id } resolutions { id issues { id } } } } }`;
      // B's own issues: I01, and for all but a MEMBER the confidential I02
      expect(dataOf(await w.probe.send(q, {}, token)).issues.totalCount).toBe(role === 'MEMBER' ? 1 : 2);
      for (const filter of [
        { programmeId: w.a.programmes.fh.id },
        { programmeId: w.a.programmes.fh.id, status: ['OPEN'], priority: ['RED', 'AMBER'] },
        { programmeId: w.a.programmes.fh.id.toUpperCase() },
      ]) {
        expect(dataOf(await w.probe.send(q, { filter }, token)).issues).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.issues }, token);
    }),

  'Query.issue': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($id: ID!) { issue(id: $id) { id title fromRisk { id } resolutions { id } } }`;
      for (const id of [w.a.issues.open.id, w.a.issues.secret.id, w.a.issues.secret.id.toUpperCase(), w.a.risks.open.id])
        expect(dataOf(await w.probe.send(q, { id }, token)).issue).toBeNull();
    }),

  'Query.changesSince': (w) =>
    asEachRole(w, async (_, token) => {
      const q = `query($programmeId: ID!, $since: Date, $meetingId: ID) { changesSince(programmeId: $programmeId, since: $since, meetingId: $meetingId) {
        programme { id } since newRisks { id } riskMoves { risk { id } } resolutions { id } openActions { id } deliveries { id } } }`;
      // A's programmes, or A's meeting as the point in time: null, as for a programme that does not exist
      for (const vars of [
        { programmeId: w.a.programmes.fh.id, since: '2000-01-01' },
        { programmeId: w.a.programmes.ics.id.toUpperCase(), since: '2000-01-01' },
        { programmeId: w.a.programmes.fh.id, meetingId: w.a.meetings.spring },
        { programmeId: w.b.programmes.fh.id, meetingId: w.a.meetings.spring },
      ]) {
        expect(dataOf(await w.probe.send(q, vars, token)).changesSince).toBeNull();
      }
      // B's own programme since B's own meeting: B's answer, nothing of A's
      const own = dataOf(await w.probe.send(q, { programmeId: w.b.programmes.fh.id, meetingId: w.b.meetings.spring }, token));
      expect(own.changesSince.programme).toEqual({ id: w.b.programmes.fh.id });
    }),

  'Query.auditTrail': (w) =>
    asEachRole(w, async (role, token) => {
      const q = `query($entityId: ID, $after: String) { auditTrail(entityId: $entityId, first: 500, after: $after) {
        totalCount nodes { id actor action entityType entityId changes } } }`;
      const named = [
        w.a.org.id,
        w.a.users.ADMIN.id,
        w.a.programmes.fh.id,
        w.a.risks.secret.id,
        w.a.mitigations.open.id,
        w.a.milestones.fh.id,
        w.a.savings.staffing.id,
        w.a.committee.id,
        w.a.meetings.spring,
        w.a.resolutions.model,
        w.a.actions.model.id,
        w.a.issues.secret.id,
      ];
      if (role === 'MEMBER') {
        for (const entityId of [undefined, ...named])
          expect(codeOf(await w.probe.send(q, { entityId }, token))).toBe('FORBIDDEN');
        return;
      }
      expect(dataOf(await w.probe.send(q, {}, token)).auditTrail.totalCount).toBe(w.bAuditCount);
      for (const entityId of named) {
        expect(dataOf(await w.probe.send(q, { entityId }, token)).auditTrail).toEqual({ totalCount: 0, nodes: [] });
      }
      await w.probe.send(q, { after: w.aCursors.auditTrail }, token);
    }),
};
