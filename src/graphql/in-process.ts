// Read operations the server runs on itself, as the caller, against the schema it serves: what
// the GET exports and report packs write is then exactly what the GraphQL API answers that caller
// (the same resolvers, loaders, visibility rules, order and money formatting), never a second copy
// of those rules in SQL of their own.
import { getVariableValues, GraphQLError, GraphQLSchema, Kind, parse, validate, VariableDefinitionNode } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { Context } from '../context';

/** A static query document of the server's own, typed by the data it answers. */
export interface Operation<TData, TVariables extends Record<string, unknown> = Record<string, never>> {
  readonly source: string;
  /** Never set: carries the types only. */
  readonly types?: { data: TData; variables: TVariables };
}

export function operation<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  source: string,
): Operation<TData, TVariables> {
  return { source };
}

interface Compiled {
  query: CompiledQuery;
  variables: readonly VariableDefinitionNode[];
}

/** Runs operations against one schema, each validated and compiled at its first use. */
export class InProcessQueries {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly schema: GraphQLSchema) {}

  /**
   * The operation's data; the first error (a resolver's DomainError, a database failure) is
   * thrown as a GraphQLError whose originalError is the cause, for formatError to judge.
   */
  async run<TData, TVariables extends Record<string, unknown>>(
    op: Operation<TData, TVariables>,
    variables: TVariables,
    ctx: Context,
  ): Promise<TData> {
    const compiled = this.compile(op.source);
    const coerced = getVariableValues(this.schema, compiled.variables, variables);
    if (coerced.errors) throw coerced.errors[0];
    const result = await compiled.query.query(undefined, ctx, variables);
    const [error] = result.errors ?? [];
    if (error) throw new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
    return result.data as TData;
  }

  private compile(source: string): Compiled {
    let compiled = this.compiled.get(source);
    if (!compiled) {
      const document = parse(source);
      // a bug of ours, not of a request: this module's documents and the schema disagree
      const [invalid] = validate(this.schema, document);
      if (invalid) throw new Error(`in-process operation does not fit the schema: ${invalid.message}`);
      const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      const [definition] = operations;
      if (operations.length !== 1 || definition.operation !== 'query') throw new Error('an in-process operation is one query');
      const query = compileQuery(this.schema, document);
      if (!isCompiledQuery(query)) throw new Error(`in-process operation does not compile: ${query.errors?.[0].message}`);
      compiled = { query, variables: definition.variableDefinitions ?? [] };
      this.compiled.set(source, compiled);
    }
    return compiled;
  }
}
