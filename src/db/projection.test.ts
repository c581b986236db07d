import { makeExecutableSchema } from '@graphql-tools/schema';
import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { resolverOf } from '../graphql/reads';
import { Projection, selectedFieldNames } from './projection';

interface Row {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  ownerId: string;
}

const projection = new Projection<Row>(
  {
    id: (a) => `${a}.id`,
    title: (a) => `${a}.title`,
    likelihood: (a) => `${a}.likelihood`,
    impact: (a) => `${a}.impact`,
    ownerId: (a) => `${a}.owner_id AS "ownerId"`,
  },
  'id',
);

const read = <K extends keyof Row & string>(reads: K[], resolve: (row: Pick<Row, K>) => unknown) =>
  resolverOf<Row, K, [], unknown>(reads, resolve);

const schema = makeExecutableSchema({
  typeDefs: `type Query { risks: [Risk!]! }
    type Risk { id: ID! title: String version: Int score: Int owner: User children: [Risk!]! nested: Risk }
    type User { name: String }`,
  resolvers: {
    Risk: {
      score: read(['likelihood', 'impact'], (risk) => risk.likelihood * risk.impact),
      owner: read(['ownerId'], (risk) => ({ name: risk.ownerId })),
      children: read(['id'], () => []),
      nested: () => null,
    },
  },
});

/** The resolve info of the document's first root field. */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
    returnType: schema.getQueryType()!.getFields().risks.type,
  };
}

test('the fields named one level down, through inline fragments and fragment spreads, whatever @skip says', () => {
  const info = infoOf(`{ risks { title ... on Risk { score } ...more nested { deep } alias: owner @skip(if: true) } }
    fragment more on Risk { version }`);
  expect([...selectedFieldNames(info)].sort()).toEqual(['nested', 'owner', 'score', 'title', 'version']);
});

test('a field reads its own column, or those its resolver declares; unknown fields none; never no column at all', () => {
  expect(projection.fieldsFor(infoOf(`{ risks { title } }`))).toEqual(['title']);
  expect(projection.fieldsFor(infoOf(`{ risks { score owner { name } } }`))).toEqual(['likelihood', 'impact', 'ownerId']);
  expect(projection.fieldsFor(infoOf(`{ risks { title children { id } } }`))).toEqual(['id', 'title']);
  expect(projection.fieldsFor(infoOf(`{ risks { __typename } }`))).toEqual(['id']);
});

test('a resolver that declares nothing cannot be projected', () => {
  expect(() => projection.fieldsFor(infoOf(`{ risks { title nested { id } } }`))).toThrow(
    'Risk.nested has a resolver that does not declare what it reads',
  );
});

test('the same list of fields is the same array, however it was asked for (loaders tell lists apart by identity)', () => {
  const a = projection.fieldsFor(infoOf(`{ risks { score title } }`));
  const b = projection.fieldsFor(infoOf(`{ risks { ... on Risk { title likelihood impact } } }`));
  expect(b).toBe(a);
  expect(a).toEqual(['title', 'likelihood', 'impact']);
});

test('SQL for the fields asked for, or all of them', () => {
  expect(projection.sql(['id', 'ownerId'], 'r')).toBe('r.id, r.owner_id AS "ownerId"');
  expect(projection.all('r')).toBe('r.id, r.title, r.likelihood, r.impact, r.owner_id AS "ownerId"');
});
