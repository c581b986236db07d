import { UPDATE_RESOLUTION, committee, meeting, record, someResolution, lastEvent } from '../support/decision-trail';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Correcting what was minuted (updateResolution): version by version, and what it refuses.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('updateResolution', () => {
  test('corrects what was minuted, version by version; a null or blank number clears it; kind and outcome stay', async () => {
    const org = await newOrg(t);
    const c = await committee(t, org);
    const m = await meeting(t, org, c.id, '2018-10-02');
    const r = await record(t, org, {
      meetingId: m,
      agendaItem: 'FAMILY HUBS',
      number: '1',
      text: 'Tht the Executive agree the model.',
      kind: 'RECOMMENDATION',
      referredToCommitteeId: c.id,
    });
    expect(r).toMatchObject({ version: 1, kind: 'RECOMMENDATION', outcome: 'PENDING' });
    const pm = await org.user('PROGRAMME_MANAGER');
    const fixed = ok(
      await t.gql(
        UPDATE_RESOLUTION,
        { id: r.id, v: 1, input: { text: ' That the Executive agree the model. ', number: '2' } },
        pm,
      ),
    ).updateResolution;
    expect(fixed).toEqual({
      ...r,
      text: 'That the Executive agree the model.',
      number: '2',
      version: 2,
    });
    expect(await lastEvent(t, org, r.id)).toMatchObject({
      action: 'resolution.updated',
      changes: { number: ['1', '2'], text: ['Tht the Executive agree the model.', 'That the Executive agree the model.'] },
    });
    const cleared = ok(
      await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 2, input: { number: null, agendaItem: 'HUBS' } }, org.admin),
    ).updateResolution;
    expect(cleared).toMatchObject({ number: null, agendaItem: 'HUBS', version: 3 });
    expect(
      ok(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 3, input: { number: ' ' } }, org.admin)).updateResolution,
    ).toMatchObject({
      number: null,
      version: 4,
    });
  });

  test('malformed input, then NOT_FOUND, then FORBIDDEN, then a stale version; nothing is written', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const r = await someResolution(t, org);
    const theirs = await someResolution(t, other);
    const member = await org.user('MEMBER');
    for (const [input, field] of [
      [{ agendaItem: null }, 'agendaItem'],
      [{ text: '' }, 'text'],
      [{ number: 'x'.repeat(21) }, 'number'],
    ] as const)
      expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: theirs.id, v: 9, input }, member))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: theirs.id, v: 1, input: { text: 'Mine' } }, org.admin)).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 9, input: { text: 'Mine' } }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 9, input: { text: 'Mine' } }, org.admin)).code).toBe('CONFLICT');
    const [read] = ok(await t.gql(`{ resolutions { nodes { text version } } }`, {}, org.admin)).resolutions.nodes;
    expect(read).toEqual({ text: 'T', version: 1 });
  });

  test('of concurrent corrections from one version, exactly one wins', async () => {
    const org = await newOrg(t);
    const r = await someResolution(t, org);
    const answers = await Promise.all(
      ['One', 'Two', 'Three'].map((text) => t.gql(UPDATE_RESOLUTION, { id: r.id, v: 1, input: { text } }, org.admin)),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of answers.filter((a) => a.errors)) expect(errorOf(a).code).toBe('CONFLICT');
    const [read] = ok(await t.gql(`{ resolutions { nodes { version } } }`, {}, org.admin)).resolutions.nodes;
    expect(read.version).toBe(2);
  });
});
