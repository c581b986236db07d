import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { newOrg } from '../support/fixtures';
import { errorOf, startTestServer, TestServer } from '../support/test-server';

// A client's mistake in the document or in choosing the operation is answered 4xx with the
// contract's code, and logged as the client's error (the request line), never with a stack.
let t: TestServer;
const lines: Record<string, any>[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestServer({}, createLogger('info', sink));
});
afterAll(() => t?.close());

async function post(body: Record<string, unknown>, token?: string) {
  const res = await fetch(t.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, reqId: res.headers.get('x-request-id'), ...((await res.json()) as any) };
}

/** The request's own log lines, once its request line is written. */
async function linesOf(reqId: string) {
  for (let i = 0; i < 50 && !lines.some((l) => l.reqId === reqId && l.msg === 'request'); i++)
    await new Promise((r) => setTimeout(r, 10));
  return lines.filter((l) => l.reqId === reqId);
}

async function expectClientError(body: Record<string, unknown>, code: string) {
  const res = await post(body);
  expect(res.status).toBe(400);
  expect(errorOf(res).code).toBe(code);
  const logged = await linesOf(res.reqId);
  expect(logged.map((l) => l.msg)).toEqual(['request']);
  expect(logged[0]).toMatchObject({ status: 400, errorCodes: [code] });
  expect(JSON.stringify(logged)).not.toContain('stack');
}

test('a syntax error is 400 GRAPHQL_PARSE_FAILED', async () => {
  await expectClientError({ query: '{ programmes { nodes { id } ' }, 'GRAPHQL_PARSE_FAILED');
  await expectClientError({ query: 'query (' }, 'GRAPHQL_PARSE_FAILED');
});

test('a document over the token limit is 400 GRAPHQL_PARSE_FAILED', async () => {
  const fields = Array.from({ length: 2100 }, () => '__typename').join(' ');
  await expectClientError({ query: `{ ${fields} }` }, 'GRAPHQL_PARSE_FAILED');
  // and one just inside the limit is read (and answered: here, for want of a token)
  const statuses = Array.from({ length: 1900 }, () => 'OPEN').join(' ');
  const res = await post({ query: `{ risks(filter: { status: [${statuses}] }) { totalCount } }` });
  expect(res.status).toBe(200);
  expect(errorOf(res).code).toBe('UNAUTHENTICATED');
});

test('two operations without operationName are 400 BAD_REQUEST', async () => {
  await expectClientError({ query: 'query A { __typename } query B { __typename }' }, 'BAD_REQUEST');
});

test('an unknown operationName is 400 BAD_REQUEST', async () => {
  await expectClientError({ query: 'query A { __typename }', operationName: 'B' }, 'BAD_REQUEST');
  await expectClientError({ query: '{ __typename }', operationName: 'B' }, 'BAD_REQUEST');
});

test('a subscription is 400 BAD_REQUEST', async () => {
  await expectClientError({ query: 'subscription { __typename }' }, 'BAD_REQUEST');
});

test('operationName choosing one of two operations runs it', async () => {
  const res = await post({ query: 'query A { a: __typename } query B { b: __typename }', operationName: 'B' });
  expect(res).toMatchObject({ status: 200, data: { b: 'Query' } });
});

describe('suggestions are masked', () => {
  let token: string;
  beforeAll(async () => {
    token = (await newOrg(t)).admin;
  });

  test.each([
    ['a field', '{ programmes { nodes { nmae } } }', '"name"'],
    ['an argument', '{ programmes(frist: 1) { totalCount } }', '"first"'],
    ['an input field', '{ risks(filter: { statuss: [OPEN] }) { totalCount } }', '"status"'],
    ['an enum value', '{ risks(filter: { status: [OPN] }) { totalCount } }', '"OPEN"'],
    ['a type', 'query($f: RiskFiltr) { risks(filter: $f) { totalCount } }', '"RiskFilter"'],
  ])('naming %s', async (_what, query, suggestion) => {
    const res = await post({ query }, token);
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    const messages = res.errors.map((e: { message: string }) => e.message).join(' ');
    expect(messages).not.toMatch(/did you mean|suggestion/i);
    expect(messages).not.toContain(suggestion);
  });

  test('in a variable', async () => {
    const res = await post(
      { query: 'query($s: [RiskStatus!]) { risks(filter: { status: $s }) { totalCount } }', variables: { s: ['OPN'] } },
      token,
    );
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    expect(errorOf(res).message).not.toMatch(/did you mean|suggestion|"OPEN"/i);
  });
});
