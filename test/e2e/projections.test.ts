import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  IntrospectionQuery,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { Projection } from '../../src/db/projection';
import { seedDemo } from '../../src/demo/seed';
import { GraphQLResponse, ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';

// Rows of some types are read with only the columns their fields need (src/db/projection.ts), and
// each resolver declares what it reads (src/graphql/reads.ts). A declaration that misses a column
// gives a resolver `undefined` where the row has a value, and a wrong answer rather than an error.
// So every field of every type reachable from Query is asked for alone, through every field that
// leads to its type, once projected and once with every column, on the demo organisation's data;
// the answers must be the same.

let t: TestServer;
let token: string;
let schema: GraphQLSchema;
beforeAll(async () => {
  t = await startTestServer();
  token = (await seedDemo(t.server.url, OPERATOR_SECRET)).tokens.ADMIN;
  schema = buildClientSchema(ok(await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, token)));
}, 120_000);
afterAll(() => t?.close());

type Field = GraphQLField<unknown, unknown>;
const objectOf = (field: Field) => getNamedType(field.type) as GraphQLObjectType;
const requiredArgs = (field: Field) => field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** Arguments a root field needs besides its id: changesSince a day, since which the demo has changed it all. */
const MORE_ARGS: Record<string, string[]> = { changesSince: ['since: "2000-01-01"'] };

/** A field as a document asks for it: with an id where it needs one (only root look-ups by id and changesSince do). */
function headOf(field: Field, ids: Map<string, string>): string {
  const args = requiredArgs(field).map((a) => `${a.name}: ${JSON.stringify(ids.get(objectOf(field).name))}`);
  args.push(...(MORE_ARGS[field.name] ?? []));
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

/** The selection that asks for a field and, below an object, its plain fields (an id, a title, a score). */
function selectionOf(field: Field, ids: Map<string, string>): string {
  const head = headOf(field, ids);
  const type = getNamedType(field.type);
  if (isLeafType(type)) return head;
  const leaves = Object.values((type as GraphQLObjectType).getFields()).filter(
    (f) => isLeafType(getNamedType(f.type)) && !requiredArgs(f).length,
  );
  return `${head} { ${leaves.length ? leaves.map((f) => f.name).join(' ') : '__typename'} }`;
}

const isList = (field: Field) => Boolean(objectOf(field).getFields().nodes);

/**
 * A path of fields from Query to each object type, the shortest through fields that need no
 * arguments, through the root lists first: they hold the most rows (a user's own programmes are
 * few, the organisation's are all).
 */
function pathsFromQuery(): Map<string, Field[]> {
  const paths = new Map<string, Field[]>([[schema.getQueryType()!.name, []]]);
  const queue = [schema.getQueryType()!];
  for (let type = queue.shift(); type; type = queue.shift()) {
    const fields = Object.values(type.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
    for (const field of type === schema.getQueryType()
      ? [...fields.filter(isList), ...fields.filter((f) => !isList(f))]
      : fields) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name) || requiredArgs(field).length) continue;
      paths.set(target.name, [...paths.get(type.name)!, field]);
      queue.push(target);
    }
  }
  return paths;
}

/** The document that reaches `fields`' parent by `path` and asks for them there. */
function documentOf(path: Field[], selection: string, ids: Map<string, string>): string {
  return `{ ${path.reduceRight((inner, field) => `${headOf(field, ids)} { ${inner} }`, selection)} }`;
}

/** The answer cut down to one field of the objects at the end of `path` (lists followed through). */
function cut(value: unknown, path: string[], name: string): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => cut(v, path, name));
  const object = value as Record<string, unknown>;
  return path.length ? { [path[0]]: cut(object[path[0]], path.slice(1), name) } : { [name]: object[name] };
}

async function everyColumn<T>(work: () => Promise<T>): Promise<T> {
  const spy = jest.spyOn(Projection.prototype, 'fieldsFor').mockImplementation(function (this: Projection<unknown>) {
    return this.fields;
  });
  try {
    return await work();
  } finally {
    spy.mockRestore();
  }
}

test('every field answers the same projected as with every column, through every field that leads to its type', async () => {
  const paths = pathsFromQuery();
  // for a root field that looks an object up by id (programme, risk), the first of the type's list
  const ids = new Map<string, string>();
  const roots = Object.values(schema.getQueryType()!.getFields());
  for (const lookup of roots.filter((f) => requiredArgs(f).some((a) => a.name === 'id'))) {
    const type = objectOf(lookup).name;
    const list = roots.find(
      (f) => getNamedType(objectOf(f).getFields().nodes?.type ?? objectOf(f)).name === type && f !== lookup,
    )!;
    const answer = ok<Record<string, { nodes: { id: string }[] }>>(
      await t.gql(`{ ${list.name}(first: 1) { nodes { id } } }`, {}, token),
    );
    ids.set(type, answer[list.name].nodes[0].id);
  }
  // changesSince(programmeId): the programme's changes
  ids.set('ProgrammeChanges', ids.get('Programme')!);

  let compared = 0;
  const differences: string[] = [];
  for (const [typeName, path] of paths) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const edge of Object.values(type.getFields())) {
      const target = getNamedType(edge.type);
      if (!isObjectType(target)) continue;
      const fields = Object.values(target.getFields()).filter((f) => !requiredArgs(f).length);
      const route = [...path, edge];
      const all = await everyColumn(() =>
        t.gql(documentOf(route, fields.map((f) => selectionOf(f, ids)).join(' '), ids), {}, token),
      );
      expect(all.errors).toBeUndefined();
      for (const field of fields) {
        const alone: GraphQLResponse = await t.gql(documentOf(route, selectionOf(field, ids), ids), {}, token);
        const expected = cut(
          all.data,
          route.map((f) => f.name),
          field.name,
        );
        compared++;
        // as JSON: the answers are parsed outside the test's realm, whose objects never compare strictly equal
        if (alone.errors || JSON.stringify(alone.data) !== JSON.stringify(expected)) {
          differences.push(
            `${route.map((f) => f.name).join('.')}.${field.name}: ${JSON.stringify(alone.errors ?? alone.data).slice(0, 300)}`,
          );
        }
      }
    }
  }
  expect(differences).toEqual([]);
  // the walk reached the types whose rows are projected, and their fields
  expect(compared).toBeGreaterThan(200);
}, 300_000);
