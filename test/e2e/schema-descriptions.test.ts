import fs from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  ConstDirectiveNode,
  getIntrospectionQuery,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  visit,
} from 'graphql';
import { ok, startTestServer, TestServer } from '../support/test-server';

// The API documents itself: every type, field, argument, input field and enum value that the
// server serves has a description (introspection and the explorer show them), and where the
// public contract describes an element, the served description is the contract's word for word.

const ROOT = path.join(__dirname, '..', '..');

/** The public contract, beside the project (../shared), or beside a worktree's parent folder. */
function contractFile(): string {
  const candidates = [path.join(ROOT, '..', 'shared'), path.join(ROOT, '..', '..', 'shared')].map((dir) =>
    path.join(dir, 'contract', 'schema.graphql'),
  );
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the public contract is not at ${candidates.join(' or ')}`);
  return found;
}

/**
 * Elements whose contract description states what a part not yet built will do (the part it
 * waits for). Until that part is served in full, the served description says what the server
 * does today; once it is, the contract's description must be served and the entry removed.
 */
const AWAITING_PART: Record<string, string> = {};

/** Every type (but introspection's own), field, argument, input field and enum value, by schema coordinate. */
function descriptions(schema: GraphQLSchema): Map<string, string | null | undefined> {
  const all = new Map<string, string | null | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    all.set(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        all.set(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) all.set(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) all.set(`${type.name}.${value.name}`, value.description);
  }
  return all;
}

/** The part each element the contract marks @pending belongs to, by schema coordinate. */
function pendingParts(contract: string): Map<string, string> {
  const parts = new Map<string, string>();
  const partOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
    const argument = directives?.find((d) => d.name.value === 'pending')?.arguments?.[0]?.value;
    return argument?.kind === 'StringValue' ? argument.value : undefined;
  };
  const path: string[] = [];
  const mark = (node: { name: { value: string }; directives?: readonly ConstDirectiveNode[] }, coordinate: string) => {
    const part = partOf(node.directives);
    if (part) parts.set(coordinate, part);
  };
  visit(parse(contract), {
    ObjectTypeDefinition: {
      enter: (node) => void (mark(node, node.name.value), path.push(node.name.value)),
      leave: () => void path.pop(),
    },
    InputObjectTypeDefinition: {
      enter: (node) => void (mark(node, node.name.value), path.push(node.name.value)),
      leave: () => void path.pop(),
    },
    EnumTypeDefinition: {
      enter: (node) => void (mark(node, node.name.value), path.push(node.name.value)),
      leave: () => void path.pop(),
    },
    FieldDefinition: {
      enter: (node) => void (mark(node, `${path[0]}.${node.name.value}`), path.push(node.name.value)),
      leave: () => void path.pop(),
    },
    InputValueDefinition: (node) =>
      mark(node, path.length === 2 ? `${path[0]}.${path[1]}(${node.name.value}:)` : `${path[0]}.${node.name.value}`),
    EnumValueDefinition: (node) => mark(node, `${path[0]}.${node.name.value}`),
  });
  return parts;
}

const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let t: TestServer;
let served: Map<string, string | null | undefined>;
let contract: Map<string, string | null | undefined>;
let pending: Map<string, string>;

beforeAll(async () => {
  t = await startTestServer();
  served = descriptions(buildClientSchema(ok(await t.gql(getIntrospectionQuery({ inputValueDeprecation: true })))));
  const text = fs.readFileSync(contractFile(), 'utf8');
  contract = descriptions(buildSchema(text));
  pending = pendingParts(text);
});
afterAll(() => t?.close());

test('every type, field, argument, input field and enum value served has a description', () => {
  const missing = [...served].filter(([, description]) => !words(description)).map(([coordinate]) => coordinate);
  expect(missing).toEqual([]);
  expect(served.size).toBeGreaterThan(400);
});

test("where the contract describes an element, the served description is the contract's", () => {
  const built = (part: string) => [...pending].every(([coordinate, p]) => p !== part || served.has(coordinate));
  const differing: string[] = [];
  for (const [coordinate, description] of served) {
    const expected = words(contract.get(coordinate));
    if (!expected) continue;
    const same = words(description) === expected;
    const awaiting = AWAITING_PART[coordinate];
    if (same && awaiting) differing.push(`${coordinate}: now as the contract says; remove it from AWAITING_PART`);
    else if (!same && !(awaiting && !built(awaiting)))
      differing.push(
        `${coordinate}: served ${JSON.stringify(words(description))}, the contract says ${JSON.stringify(expected)}`,
      );
  }
  expect(differing).toEqual([]);
});

test('every element waiting for a part is one the contract describes and the part exists', () => {
  const parts = new Set(pending.values());
  for (const [coordinate, part] of Object.entries(AWAITING_PART)) {
    expect(`${coordinate}: ${words(contract.get(coordinate)) ? 'described' : 'not described'}`).toBe(`${coordinate}: described`);
    expect(parts).toContain(part);
  }
});
