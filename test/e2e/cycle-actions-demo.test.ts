import { demoServer } from '../support/demo-server';
import { ok } from '../support/test-server';

// The demo council's committee cycle: the panel's ten recommendations with the Executive's outcomes,
// and for each programme a last meeting and its actions, some done, some overdue.

const demo = demoServer();

test("the scrutiny panel's recommendations a)-j) went to the Executive, which accepted most", async () => {
  const data = ok(
    await demo.t.gql(
      `{ resolutions(filter: {kind: [RECOMMENDATION]}, first: 500) { nodes { number outcome referredTo { name } respondedBy { meeting { date } } actions { text } } } }`,
      {},
      demo.member,
    ),
  );
  const panel = data.resolutions.nodes.filter((r: { referredTo: { name: string } | null }) => r.referredTo?.name === 'Executive');
  expect(panel.map((r: { number: string }) => r.number)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  const outcomes = panel.map((r: { outcome: string }) => r.outcome);
  expect(outcomes.filter((o: string) => o === 'ACCEPTED')).toHaveLength(8);
  expect(outcomes).toEqual(expect.arrayContaining(['PARTLY_ACCEPTED', 'REJECTED']));
  expect(panel[1].respondedBy).toEqual([{ meeting: { date: '2020-07-14' } }]);
  expect(panel[1].actions).toEqual([{ text: 'Locality dashboard to be circulated to Members.' }]);
});

test('every programme has actions from its meetings: some done, some overdue, one not yet due', async () => {
  const data = ok(
    await demo.t.gql(
      `{ programmes { nodes { code resolutions { meeting { date } } actions { status overdue meeting { date } reportTo { name } } } }
         overdue: committeeActions(filter: {overdue: true}) { totalCount }
         open: committeeActions(filter: {status: [OPEN]}) { totalCount } }`,
      {},
      demo.member,
    ),
  );
  for (const p of data.programmes.nodes) {
    expect({ code: p.code, actions: p.actions.length > 0 }).toEqual({ code: p.code, actions: true });
    expect({ code: p.code, meetings: p.resolutions.length > 0 }).toEqual({ code: p.code, meetings: true });
  }
  const all = data.programmes.nodes.flatMap((p: { actions: { status: string; overdue: boolean }[] }) => p.actions);
  expect(all.filter((a: { status: string }) => a.status === 'DONE').length).toBeGreaterThanOrEqual(5);
  expect(all.filter((a: { status: string }) => a.status === 'DROPPED')).toHaveLength(1);
  expect(data.overdue.totalCount).toBe(4);
  expect(data.open.totalCount).toBe(5);
});
