import { DecisionTrailUniqueness1764000042000 } from '../../migrations/1764000042000-DecisionTrailUniqueness';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServerOnOwnDatabase, TestServer } from '../support/test-server';

// The migration is undone and done again, so the test has a database of its own.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServerOnOwnDatabase('pr_uniqueness');
});
afterAll(() => t?.close());

const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { actor action changes } } }`;
const COMMITTEES = `{ committees { id name meetings { id date resolutions { id number text } } } }`;

test('duplicates recorded before the rules are kept, marked and reported; the first keeps the key; a correction clears the mark', async () => {
  const org = await newOrg(t);
  const gql = async (query: string, variables: Record<string, unknown> = {}) => ok(await t.gql(query, variables, org.admin));
  const scrutiny = (await gql(`mutation { createCommittee(name: "Scrutiny") { id } }`)).createCommittee.id;
  const executive = (await gql(`mutation { createCommittee(name: "Executive") { id } }`)).createCommittee.id;
  const meeting = (
    await gql(`mutation($c: ID!) { createMeeting(input: { committeeId: $c, date: "2018-10-02" }) { id } }`, { c: scrutiny })
  ).createMeeting.id;
  const first = (
    await gql(
      `mutation($m: ID!) { recordResolution(input: { meetingId: $m, agendaItem: "HUBS", number: "A", text: "First." }) { id } }`,
      {
        m: meeting,
      },
    )
  ).recordResolution.id;

  // the register as it was before the rules, duplicates typed in
  const db = t.server.database.dataSource;
  const migration = new DecisionTrailUniqueness1764000042000();
  // (the embedded database has one connection: the server's requests wait until the runner is released)
  const runner = db.createQueryRunner();
  let spaced: string, trimmedOnly: string, secondMeeting: string, again: string;
  try {
    await migration.down(runner);
    [{ id: spaced }] = await runner.query(
      `INSERT INTO committees (organisation_id, name) VALUES ($1, 'scrutiny ') RETURNING id`,
      [org.id],
    );
    [{ id: trimmedOnly }] = await runner.query(
      `INSERT INTO committees (organisation_id, name) VALUES ($1, ' Audit') RETURNING id`,
      [org.id],
    );
    [{ id: secondMeeting }] = await runner.query(
      `INSERT INTO meetings (organisation_id, committee_id, date) VALUES ($1, $2, '2018-10-02') RETURNING id`,
      [org.id, scrutiny],
    );
    [{ id: again }] = await runner.query(
      `INSERT INTO resolutions (organisation_id, meeting_id, meeting_date, committee_id, agenda_item, number, text)
       SELECT organisation_id, meeting_id, meeting_date, committee_id, agenda_item, 'a', 'Typed again.' FROM resolutions WHERE id = $1
       RETURNING id`,
      [first],
    );
    await migration.up(runner);
  } finally {
    await runner.release();
  }

  // every row is kept, names trimmed
  const committees = (await gql(COMMITTEES)).committees;
  // (Scrutiny and scrutiny sort as the database's collation says)
  expect(new Map(committees.map((c: { id: string; name: string }) => [c.id, c.name]))).toEqual(
    new Map([
      [trimmedOnly, 'Audit'],
      [executive, 'Executive'],
      [scrutiny, 'Scrutiny'],
      [spaced, 'scrutiny'],
    ]),
  );
  const [original] = committees.filter((c: { id: string }) => c.id === scrutiny);
  expect(original.meetings.map((m: { id: string }) => m.id).sort()).toEqual([meeting, secondMeeting].sort());
  expect((await gql(`{ resolutions { totalCount } }`)).resolutions.totalCount).toBe(2);

  // and reported: the trims, and each duplicate with the row it duplicates
  const events = async (id: string) =>
    (await gql(AUDIT, { id })).auditTrail.nodes.map((e: { actor: string; action: string; changes: string }) => ({
      ...e,
      changes: JSON.parse(e.changes),
    }));
  const by = 'migration DecisionTrailUniqueness';
  expect(await events(spaced)).toEqual([
    { actor: by, action: 'committee.keptDuplicate', changes: { keptDuplicate: [false, true], duplicateOf: [null, scrutiny] } },
    { actor: by, action: 'committee.updated', changes: { name: ['scrutiny ', 'scrutiny'] } },
  ]);
  expect(await events(trimmedOnly)).toEqual([{ actor: by, action: 'committee.updated', changes: { name: [' Audit', 'Audit'] } }]);
  expect((await events(secondMeeting))[0]).toEqual({
    actor: by,
    action: 'meeting.keptDuplicate',
    changes: { keptDuplicate: [false, true], duplicateOf: [null, meeting] },
  });
  expect((await events(again))[0]).toMatchObject({ action: 'resolution.keptDuplicate', changes: { duplicateOf: [null, first] } });
  expect(await events(executive)).toEqual([expect.objectContaining({ action: 'committee.created' })]);

  // the first keeps the key: a new duplicate is refused
  expect(errorOf(await t.gql(`mutation { createCommittee(name: "SCRUTINY") { id } }`, {}, org.admin))).toMatchObject({
    code: 'CONFLICT',
    field: 'name',
  });
  // a kept duplicate is edited as it is, until its key is corrected, which must then be free
  const renamed = `mutation($id: ID!, $name: String!) { updateCommittee(id: $id, name: $name) { name } }`;
  expect(errorOf(await t.gql(renamed, { id: spaced, name: 'Scrutiny' }, org.admin)).code).toBe('CONFLICT');
  expect((await gql(renamed, { id: spaced, name: 'Scrutiny Panel' })).updateCommittee.name).toBe('Scrutiny Panel');
  expect(errorOf(await t.gql(renamed, { id: spaced, name: 'scrutiny' }, org.admin)).code).toBe('CONFLICT');
  const moved = `mutation($id: ID!, $date: Date!) { updateMeeting(id: $id, date: $date) { date } }`;
  expect(errorOf(await t.gql(moved, { id: secondMeeting, date: '2018-10-02' }, org.admin)).code).toBe('CONFLICT');
  expect((await gql(moved, { id: secondMeeting, date: '2018-10-09' })).updateMeeting.date).toBe('2018-10-09');
  const corrected = `mutation($id: ID!, $v: Int!, $input: UpdateResolutionInput!) {
    updateResolution(id: $id, expectedVersion: $v, input: $input) { number text version } }`;
  expect((await gql(corrected, { id: again, v: 1, input: { text: 'Typed again, corrected.' } })).updateResolution).toEqual({
    number: 'a',
    text: 'Typed again, corrected.',
    version: 2,
  });
  expect(errorOf(await t.gql(corrected, { id: again, v: 2, input: { number: 'A' } }, org.admin))).toMatchObject({
    code: 'CONFLICT',
    field: 'number',
  });
  expect((await gql(corrected, { id: again, v: 2, input: { number: 'b' } })).updateResolution.number).toBe('b');
});
