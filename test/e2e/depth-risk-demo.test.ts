import { demoServer } from '../support/demo-server';
import { ok } from '../support/test-server';

// The demo council's register as issue 17 has it: risks as cause, event and effect, a corporate
// register of escalated risks, controls rated apart from actions, slipped actions and progress notes,
// and every programme's health history.

const demo = demoServer();

test('the corporate register: open risks at or above the threshold of 15, across programmes, with cause and effect', async () => {
  const data = ok(
    await demo.t.gql(
      `{ organisation { escalationThreshold }
         risks(filter: {escalated: true}) { nodes { reference status escalated programme { code } current { score } cause effect treatment } } }`,
      {},
      demo.member,
    ),
  );
  expect(data.organisation.escalationThreshold).toBe(15);
  const nodes = data.risks.nodes;
  expect(nodes.map((r: { programme: { code: string }; reference: string }) => `${r.programme.code} ${r.reference}`)).toEqual(
    expect.arrayContaining(['FH-2018 R01', 'CCR-2019 R01']),
  );
  expect(new Set(nodes.map((r: { programme: { code: string } }) => r.programme.code)).size).toBeGreaterThan(1);
  for (const r of nodes) expect([r.status, r.escalated, r.current.score >= 15]).toEqual(['OPEN', true, true]);
  expect(nodes.find((r: { reference: string; programme: { code: string } }) => r.programme.code === 'FH-2018')).toMatchObject({
    treatment: 'TREAT',
    cause: expect.any(String),
    effect: expect.any(String),
  });
});

test('controls with their effectiveness, kept apart from actions; slipped actions keep their first due date; progress notes', async () => {
  const { mitigations } = ok(
    await demo.t.gql(
      `{ mitigations(first: 500) { nodes { action kind effectiveness dueDate baselineDueDate updates { on note recordedBy } } } }`,
      {},
      demo.member,
    ),
  );
  const nodes = mitigations.nodes as {
    action: string;
    kind: string;
    effectiveness: string | null;
    dueDate: string | null;
    baselineDueDate: string | null;
    updates: { note: string }[];
  }[];
  const controls = nodes.filter((m) => m.kind === 'CONTROL');
  expect(new Set(controls.map((m) => m.effectiveness))).toEqual(
    new Set(['EFFECTIVE', 'PARTLY_EFFECTIVE', 'INEFFECTIVE', 'NOT_ASSESSED']),
  );
  expect(nodes.filter((m) => m.kind === 'ACTION').every((m) => m.effectiveness === null)).toBe(true);
  const slipped = nodes.find((m) => m.action === 'Recruit and train key workers for each locality')!;
  expect(slipped).toMatchObject({ dueDate: '2030-09-30', baselineDueDate: '2030-03-31' });
  expect(slipped.updates.map((u) => u.note)).toEqual([
    'Second recruitment round needed in the rural localities; due date moved to September.',
  ]);
  const reported = nodes.find((m) => m.action === 'Report referral rates on the district dashboard each quarter')!;
  expect(reported.updates.map((u) => u.note)).toEqual([
    'Second quarter’s figures awaited from social care.',
    'First quarter’s referral rates reported to the committee.',
  ]);
});

test('programme health: every programme has a history, newest first, its latest as health; signed by its manager where it has one', async () => {
  const { programmes } = ok(
    await demo.t.gql(
      `{ programmes { nodes { code health { rating asOf } healthHistory { rating commentary asOf recordedBy } } } }`,
      {},
      demo.member,
    ),
  );
  const nodes = programmes.nodes as {
    code: string;
    health: { rating: string; asOf: string };
    healthHistory: { rating: string; commentary: string; asOf: string; recordedBy: string }[];
  }[];
  expect(nodes).toHaveLength(4);
  for (const p of nodes) {
    expect(p.healthHistory.length).toBeGreaterThanOrEqual(3);
    const days = p.healthHistory.map((h) => h.asOf);
    expect(days).toEqual([...days].sort().reverse());
    expect(p.health).toEqual({ rating: p.healthHistory[0].rating, asOf: days[0] });
    expect(p.healthHistory.every((h) => h.commentary.length > 20)).toBe(true);
  }
  const byCode = Object.fromEntries(nodes.map((p) => [p.code, p]));
  expect(new Set(nodes.flatMap((p) => p.healthHistory.map((h) => h.rating)))).toEqual(new Set(['GREEN', 'AMBER', 'RED']));
  expect(byCode['CCR-2019'].healthHistory[0]).toMatchObject({
    rating: 'AMBER',
    commentary: 'Consultation on hub locations slipped two weeks; staffing restructure on track.',
  });
  expect(byCode['FH-2018'].healthHistory[0].recordedBy).toBe('jim.hopkins@demo-council.gov.uk');
  expect(byCode['ICS-2011'].healthHistory[0].recordedBy).toBe('ict.admin@demo-council.gov.uk');
});
