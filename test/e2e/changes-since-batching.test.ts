import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { CHANGES, writer } from './changes-since-helpers';

// changesSince sends one statement per list at most, however many rows each list holds: a
// programme with many moves costs the statements one with a few costs.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

/** A programme with `n` of everything that changesSince lists, each moved after 2025-06-30. */
async function programmeOf(org: Org, n: number, meetingDate: string) {
  const w = writer(t, org);
  const p = await org.programme();
  const meeting = await w.meeting(meetingDate);
  for (let i = 1; i <= n; i++) {
    const ref = `R${String(i).padStart(2, '0')}`;
    const risk = await w.assess(await w.risk(p.id, ref, '2025-01-01', [4, 4]), '2025-08-01', [2, 2], 'Better');
    await w.risk(p.id, `N${i}`, '2025-09-01', [2, 2]);
    await w.close(await w.risk(p.id, `C${i}`, '2025-01-01', [2, 2]), '2025-07-15');
    await w.mitigation(risk.id, { action: `Done ${i}`, status: 'COMPLETE', dueDate: '2025-07-01' });
    await w.mitigation(risk.id, { action: `Late ${i}`, dueDate: '2025-09-30' });
    await w.updateMitigation(await w.mitigation(risk.id, { action: `Moved ${i}`, dueDate: '2999-01-01' }), {
      dueDate: '2999-02-01',
    });
    await w.updateMilestone(await w.milestone(p.id, `Milestone ${i}`, '2026-12-01'), { forecastDate: '2027-01-15' });
    const line = await w.line(p.id, `Line ${i}`, '1000');
    await w.updateLine(line, { forecast: '900' });
    await w.deliver(line.id, '100', '2025-07-01', `GL-${p.id}-${i}`);
    await w.resolution(meeting.id, `Resolution ${i}`, { riskId: risk.id });
    await w.action({ meetingId: meeting.id, programmeId: p.id, text: `Action ${i}`, dueDate: '2999-01-01' });
  }
  return p;
}

test('the statements of changesSince do not grow with the rows it lists', async () => {
  const org = await newOrg(t);
  const [few, many] = [await programmeOf(org, 1, '2025-07-20'), await programmeOf(org, 6, '2025-07-21')];
  const cost = async (id: string) => {
    const before = t.statements();
    const changes = ok(await t.gql(CHANGES, { p: id, since: '2025-06-30' }, org.admin)).changesSince;
    return { statements: t.statements() - before, moves: changes.riskMoves.length, actions: changes.openActions.length };
  };
  const [a, b] = [await cost(few.id), await cost(many.id)];
  expect([a.moves, b.moves, a.actions, b.actions]).toEqual([1, 6, 1, 6]);
  expect(b.statements).toBe(a.statements);
  // the caller's token, the programme with the day, the lists, and the resolutions' meetings
  expect(a.statements).toBeLessThanOrEqual(4);
}, 120_000);
