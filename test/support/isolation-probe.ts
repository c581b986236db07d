import {
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { GraphQLResponse, TestServer } from './test-server';

/**
 * The instrument of the isolation tests: sends operations as an outsider (another
 * organisation, or a MEMBER facing a confidential risk) and
 * - records which root fields ran and which ID arguments carried a hidden id, so a test can
 *   prove it drove every operation and every ID argument of the served schema;
 * - refuses any answer whose errors (or, unless the caller's own input is echoed, whose data)
 *   mention a hidden id or marker;
 * - with `ghost`, sends the operation again with every hidden value swapped for one that exists
 *   nowhere and requires the same answer: the outsider cannot tell the hidden objects exist.
 */

export const CONTRACT_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];

export interface SendOptions {
  /** Compare with the same operation naming unknown values instead (default true). */
  ghost?: boolean;
  /** The data may echo the caller's own input (e.g. an import error quoting a code): scan only the errors. */
  echo?: boolean;
}

export class Probe {
  /** 'Query.risk', 'Mutation.linkResolution', ... that were sent. */
  readonly fields = new Set<string>();
  /** 'Mutation.linkResolution(target.riskId)', ... that carried a hidden id. */
  readonly idPaths = new Set<string>();
  private readonly ghosts: [string, string][];

  /**
   * @param hidden what the outsider must never see, each with the value it is swapped for in a
   *   ghost run: ids (upper-case variants are added) and markers carried by every name and code.
   */
  constructor(
    private readonly t: TestServer,
    private readonly schema: GraphQLSchema,
    hidden: Map<string, string>,
  ) {
    const pairs: [string, string][] = [];
    for (const [value, ghost] of hidden) {
      pairs.push([value, ghost]);
      if (value.toUpperCase() !== value) pairs.push([value.toUpperCase(), ghost.toUpperCase()]);
    }
    // longest first, so a value containing another is replaced whole
    this.ghosts = pairs.sort((a, b) => b[0].length - a[0].length);
  }

  /** Whether a text mentions something hidden (ids in any case). */
  leaks(text: string): string | undefined {
    const lower = text.toLowerCase();
    return this.ghosts.find(([value]) => lower.includes(value.toLowerCase()))?.[0];
  }

  private ghostly(text: string): string {
    let out = text;
    for (const [value, ghost] of this.ghosts) out = out.split(value).join(ghost);
    return out;
  }

  private ghostVariables(value: unknown): unknown {
    if (typeof value === 'string') return this.ghostly(value);
    if (Array.isArray(value)) return value.map((v) => this.ghostVariables(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.ghostVariables(v)]));
    }
    return value;
  }

  async send<T = any>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    options: SendOptions = {},
  ): Promise<GraphQLResponse<T>> {
    this.record(query, variables);
    const res = await this.t.gql<T>(query, variables, token);
    const where = `${query.replace(/\s+/g, ' ').slice(0, 160)} ${JSON.stringify(variables).slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`${res.status} for ${where}`);
    for (const e of res.errors ?? []) {
      if (!CONTRACT_CODES.includes(e.extensions?.code ?? ''))
        throw new Error(`not a contract error: ${JSON.stringify(e)} for ${where}`);
    }
    const leak =
      this.leaks(JSON.stringify(res.errors ?? [])) ?? (options.echo ? undefined : this.leaks(JSON.stringify(res.data ?? null)));
    if (leak) throw new Error(`the answer mentions hidden ${leak}: ${JSON.stringify(res)} for ${where}`);
    if (options.ghost !== false) {
      const again = await this.t.gql(query, this.ghostVariables(variables) as Record<string, unknown>, token);
      const [seen, unknown] = [this.ghostly(JSON.stringify(res)), JSON.stringify(again)];
      if (seen !== unknown)
        throw new Error(`hidden objects answer differently from unknown ones for ${where}:\n${seen}\n${unknown}`);
    }
    return res;
  }

  /** Root fields of the document, and ID arguments (at any depth) whose variables carry a hidden id. */
  private record(query: string, variables: Record<string, unknown>): void {
    const info = new TypeInfo(this.schema);
    const roots = new Set([this.schema.getQueryType()?.name, this.schema.getMutationType()?.name]);
    visit(
      parse(query),
      visitWithTypeInfo(info, {
        Field: () => {
          const parent = info.getParentType();
          const def = info.getFieldDef();
          if (!parent || !def) return;
          if (roots.has(parent.name)) this.fields.add(`${parent.name}.${def.name}`);
        },
        Argument: (node) => {
          const parent = info.getParentType();
          const def = info.getFieldDef();
          const arg = info.getArgument();
          if (!parent || !def || !arg) return;
          const value = valueFromASTUntyped(node.value, variables);
          for (const path of idLeaves(arg.type, value, arg.name)) {
            if (this.leaks(JSON.stringify(path.value))) this.idPaths.add(`${parent.name}.${def.name}(${path.path})`);
          }
        },
      }),
    );
  }
}

/** The ID values inside an argument's value, with their path (list indices left out). */
function idLeaves(type: GraphQLInputType, value: unknown, path: string): { path: string; value: unknown }[] {
  if (value === undefined || value === null) return [];
  if (isNonNullType(type)) return idLeaves(type.ofType, value, path);
  if (isListType(type)) return (Array.isArray(value) ? value : [value]).flatMap((v) => idLeaves(type.ofType, v, path));
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).flatMap((f) =>
      idLeaves(f.type, (value as Record<string, unknown>)[f.name], `${path}.${f.name}`),
    );
  }
  return isScalarType(type) && type.name === 'ID' ? [{ path, value }] : [];
}

/**
 * Every ID argument of the served schema, at any depth of input objects, as
 * 'Type.field(arg.inner)': what an isolation test must drive with hidden ids.
 */
export function idArguments(schema: GraphQLSchema): string[] {
  const paths: string[] = [];
  const walk = (type: GraphQLInputType, path: string, seen: Set<string>, out: string[]) => {
    const named = getNamedType(type);
    if (isScalarType(named) && named.name === 'ID') out.push(path);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const f of Object.values(named.getFields())) walk(f.type, `${path}.${f.name}`, new Set([...seen, named.name]), out);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const out: string[] = [];
      for (const arg of field.args) walk(arg.type, arg.name, new Set(), out);
      paths.push(...out.map((p) => `${type.name}.${field.name}(${p})`));
    }
  }
  return paths.sort();
}

/** The root fields of the served schema, as 'Query.x' and 'Mutation.y'. */
export function rootFields(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((root) => (root ? Object.keys(root.getFields()).map((name) => `${root.name}.${name}`) : []))
    .sort();
}
