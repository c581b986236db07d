// Queries run as compiled JavaScript (graphql-jit) instead of graphql-js' interpreter.
// graphql-js resolves every field of an answer through the same generic path: a resolve-info
// object, an argument object and a path entry per field, most of it garbage at once. A risk list
// with its mitigations is some 15 000 fields, and that walk was the largest cost of the large reads
// (BENCHMARKS.md). graphql-jit compiles each operation once into a function that reads plain
// fields directly and calls only the resolvers the schema has.
//
// Apollo Server takes a custom executor only through its gateway interface, so this is one: it
// hands Apollo the schema (Apollo still parses, validates and runs every plugin) and executes.
// What graphql-jit would do differently from graphql-js stays on graphql-js:
// - variables are coerced by graphql-js, whose errors the contract's BAD_USER_INPUT is built on;
// - mutations run on graphql-js: their answers are small and their input rules many;
// - a literal argument of a scalar that parses to an object (Money to a Decimal, DateTime to a
//   Date) runs on graphql-js: graphql-jit writes literals into its code as JSON, i.e. as strings.
import { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  DocumentNode,
  execute,
  ExecutionResult,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  printSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { badCharacters } from './bad-characters';
import { Context } from '../context';
import { ExecutionBudget, ExecutionLimits } from './execution-limits';

/** Distinct operations kept compiled; a client sends a handful, the bound is for hostile ones. */
const COMPILED_OPERATIONS = 1_000;

/** Scalars whose parsed value is an object, which graphql-jit cannot keep for a literal. */
const OBJECT_SCALARS = new Set(['Money', 'DateTime']);

export function compiledExecution(schema: GraphQLSchema, limits: ExecutionLimits): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery | 'interpret'>({ max: COMPILED_OPERATIONS });

  const compile = (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null) => {
    if (operation.operation !== 'query' || hasObjectScalarLiteral(schema, document)) return 'interpret';
    const result = compileQuery(schema, document, operationName ?? undefined);
    // what graphql-jit cannot compile (it answers with errors rather than throw) runs on graphql-js
    return isCompiledQuery(result) ? result : 'interpret';
  };

  const run = async ({ document, operation, request, queryHash, operationName, context }: Parameters<GatewayExecutor>[0]) => {
    // a string the database cannot hold is refused before anything runs
    const refused = badCharacters(document, request.variables);
    if (refused) return { data: null, errors: [refused] };
    const interpret = () =>
      execute({ schema, document, operationName, variableValues: request.variables, contextValue: context });
    const key = `${queryHash}:${operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      query = compile(document, operation, operationName);
      compiled.set(key, query);
    }
    if (query === 'interpret') return interpret();
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    const result = await query.query(undefined, context, request.variables);
    // graphql-jit coerces the variables again, by its own code: should it refuse what graphql-js
    // took (it answers without data, having run nothing), graphql-js' answer is the contract's
    if (!('data' in result)) return interpret();
    return asGraphQLJsErrors(result);
  };

  // past a limit, the answer is only the limit's error: not the partial data, nor one error per
  // resolver that was refused after it
  const executor: GatewayExecutor = async (request) => {
    const budget = new ExecutionBudget(limits, request.operation.operation === 'query');
    (request.context as Partial<Context>).budget = budget;
    const limited = () => ({ data: null, errors: [budget.exceeded!] });
    const result = await budget.within(run(request), limited);
    return budget.exceeded ? limited() : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/** Whether the document writes a Money or DateTime value in itself rather than in a variable. */
function hasObjectScalarLiteral(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const literal = () => {
    const type = typeInfo.getInputType();
    if (type && OBJECT_SCALARS.has(getNamedType(type).name)) found = true;
  };
  visit(document, visitWithTypeInfo(typeInfo, { [Kind.STRING]: literal, [Kind.INT]: literal, [Kind.FLOAT]: literal }));
  return found;
}

/**
 * graphql-jit reports errors as its own read-only look-alikes of GraphQLError; the rest of the
 * pipeline (Apollo's plugins, formatError) expects graphql-js' own.
 */
function asGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError, extensions: e.extensions });
    Object.defineProperty(error, 'locations', { value: e.locations, enumerable: Boolean(e.locations?.length), writable: true });
    return error;
  });
  return { ...result, errors };
}
