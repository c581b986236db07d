import { makeExecutableSchema } from '@graphql-tools/schema';
import { DocumentNode, getOperationAST, Kind, parse } from 'graphql';
import * as web from '../../web/src/gql/graphql';
import { DOCUMENTS, READS, variables as benchVariables } from '../../bench/operations';
import { readConfig } from '../config';
import { REPORT_QUERY } from '../modules/reports/report-query';
import { estimateCost } from './cost';
import { checkListSizes, unsizedLists } from './list-sizes';
import { loadTypeDefs } from './schema';

// The estimate of an operation's answer (cost.ts), without a server: every document the project
// sends itself stays under the default limit, and the shapes that exhausted memory are over it.

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
const LIMIT = readConfig({}).maxQueryCost;

/** The estimate, with a stand-in for each required variable not given (an id, a date): only `first` counts. */
function estimate(source: string, variables: Record<string, unknown> = {}): number {
  const document: DocumentNode = parse(source);
  const operation = getOperationAST(document)!;
  const given = { ...variables };
  for (const v of operation.variableDefinitions ?? []) {
    if (v.type.kind !== Kind.NON_NULL_TYPE || v.variable.name.value in given) continue;
    const type = v.type.type.kind === Kind.NAMED_TYPE ? v.type.type.name.value : 'list';
    given[v.variable.name.value] = { Date: '2020-01-01', Int: 1, ScoreBasis: 'CURRENT', list: [] }[type] ?? 'x';
  }
  return estimateCost(schema, document, operation, given);
}

const FIXTURES = { programmeId: 'p', page3: 'c', deep: { page: 3, cursor: 'c' } };
const ATTACK = `query($n: Int) { risks(first: $n) { nodes { programme { risks { programme { risks { programme { risks { id } } } } } } } } }`;

test('the default limit is 10,000,000 fields', () => {
  expect(LIMIT).toBe(10_000_000);
});

test('every list field of the schema takes first or has a stated size', () => {
  expect(unsizedLists(schema)).toEqual([]);
  expect(() => checkListSizes(schema)).not.toThrow();
});

test('a new list field without first or a stated size stops the server from starting', () => {
  const grown = makeExecutableSchema({
    typeDefs: [...loadTypeDefs(), 'extend type Programme { reviewers: [User!]! }'],
  });
  expect(unsizedLists(grown)).toEqual(['Programme.reviewers']);
  expect(() => checkListSizes(grown)).toThrow(/Programme\.reviewers/);
});

test.each(Object.entries(web).filter(([name]) => name.endsWith('Document')))(
  "the web page's %s stays under the limit",
  (_name, document) => {
    expect(estimate(String(document), { first: 500 })).toBeLessThan(LIMIT);
  },
);

test.each(READS)("the benchmark's %s stays under the limit", (op) => {
  expect(estimate(DOCUMENTS[op], benchVariables(op, FIXTURES))).toBeLessThan(LIMIT);
});

test("the report pack's query stays under the limit", () => {
  expect(estimate(REPORT_QUERY.source, { id: 'p' })).toBeLessThan(LIMIT);
});

test("the isolation test's largest read, every programme's risks, stays under the limit", () => {
  const cost = estimate(`{ programmes(first: 500) { nodes { id risks { id reference title } } } }`);
  expect(cost).toBeLessThan(LIMIT);
  const risks = estimate(`{ risks(first: 500) { nodes { id programme { id } mitigations { id } } } }`);
  expect(risks).toBeLessThan(LIMIT);
});

test('the issue’s attack is over it: a variable first counts as its value', () => {
  expect(estimate(ATTACK, { n: 500 })).toBeGreaterThan(LIMIT);
  expect(estimate(ATTACK, { n: 10 })).toBeLessThan(LIMIT);
});

test('an absent first counts as 50', () => {
  expect(estimate(ATTACK.replace('(first: $n)', ''))).toBe(estimate(ATTACK, { n: 50 }));
});

test('first outside 1-500 is left to the resolver (BAD_USER_INPUT on first), not counted as a cost', () => {
  for (const n of [100_000, 0, -1]) expect(estimate(ATTACK, { n })).toBeLessThan(LIMIT);
});

test('unpaginated lists count their stated size: nested, they are over the limit', () => {
  const nested = `{ programmes(first: 500) { nodes { risks { mitigations { action risk { programme { risks { mitigations { action } } } } } } } } }`;
  expect(estimate(nested)).toBeGreaterThan(LIMIT);
});

test('aliases and fragments add up', () => {
  const one = `risks(first: 50) { nodes { programme { risks { programme { risks { programme { risks { id } } } } } } } }`;
  expect(estimate(`{ ${one} }`)).toBeLessThan(LIMIT);
  expect(estimate(`{ a: ${one} b: ${one} c: ${one} }`)).toBeGreaterThan(LIMIT);
  const viaFragment = `{ risks(first: 500) { nodes { ...R } } } fragment R on Risk { programme { risks { programme { risks { programme { risks { id } } } } } } }`;
  expect(estimate(viaFragment)).toBe(estimate(ATTACK, { n: 500 }));
});
