import {
  DocumentNode,
  getNullableType,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  isListType,
  isObjectType,
  OperationDefinitionNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE, MAX_PAGE } from '../paging';
import { checkListSizes, LIST_SIZES } from './list-sizes';

/**
 * Fields (objects and values alike) after fragments are spread that an operation may hold to be
 * estimated at all; a document of at most 2,000 tokens goes past it only by spreading fragments
 * inside fragments, i.e. one built to be large, and is refused.
 */
const MAX_QUERY_NODES = 20_000;

/**
 * Introspection's lists, counted as their average length in the served schema (types, fields of
 * a type, arguments of a field, ...): the standard introspection query is then estimated at about
 * its real size, and nesting `fields { type { fields ... } }` grows its estimate as it grows its answer.
 */
function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const fieldsOf = (t: (typeof types)[number]) => ('getFields' in t ? Object.values(t.getFields()) : []);
  const fields = types.flatMap(fieldsOf);
  const average = (counts: number[]) => Math.ceil(counts.reduce((a, b) => a + b, 0) / Math.max(counts.length, 1));
  const directives = schema.getDirectives();
  return new Map([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', average(types.map((t) => fieldsOf(t).length))],
    ['__Type.inputFields', average(types.map((t) => fieldsOf(t).length))],
    ['__Type.enumValues', average(types.map((t) => ('getValues' in t ? t.getValues().length : 0)))],
    ['__Type.interfaces', average(types.map((t) => ('getInterfaces' in t ? t.getInterfaces().length : 0)))],
    ['__Type.possibleTypes', average(types.map((t) => (isObjectType(t) ? 0 : 'getTypes' in t ? t.getTypes().length : 0)))],
    ['__Field.args', average(fields.map((f) => ('args' in f ? f.args.length : 0)))],
    ['__Directive.args', average(directives.map((d) => d.args.length))],
  ]);
}

/**
 * Each field counts 1 and its selection as many times as it is expected to repeat: a connection's
 * by its `first` (as the request gives it, literal or variable, else the default, 50; a value
 * outside 1 to 500 is refused by the resolver as BAD_USER_INPUT on `first` before its selection
 * is read, so such a field counts 1, never a cost overrun), any other list's by its stated size
 * (list-sizes.ts). A connection's `nodes` counts once: its connection's `first` repeats it.
 */
function answerSize(schema: GraphQLSchema): ComplexityEstimator {
  const introspection = introspectionSizes(schema);
  return ({ type, field, args, childComplexity }) => {
    let repeats = 1;
    if (field.args.some((a) => a.name === 'first')) {
      const first = args.first ?? DEFAULT_PAGE;
      // refused as BAD_USER_INPUT on `first` before its selection is read
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) return 1;
      repeats = first;
    } else if (isListType(getNullableType(field.type))) {
      const name = `${type.name}.${field.name}`;
      const size = LIST_SIZES[name] ?? introspection.get(name);
      // checkListSizes made sure every list of ours has a size; an unknown one counts as large
      repeats = size === 'page' ? 1 : (size ?? MAX_PAGE);
    }
    return 1 + repeats * childComplexity;
  };
}

/** The estimate of the operation to run, or Infinity when it is too large even to estimate. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  estimator = answerSize(schema),
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [estimator],
      maxQueryNodes: MAX_QUERY_NODES,
    });
  } catch {
    // past MAX_QUERY_NODES once fragments are spread: a document built to be large
    return Infinity;
  }
}

/**
 * Refuses, before anything runs, an operation whose estimated answer is over `maxCost` fields
 * (MAX_QUERY_COST): 400 GRAPHQL_VALIDATION_FAILED. Variables that do not fit are left to
 * execution, which refuses them as BAD_USER_INPUT naming the variable. Throws at start-up when a
 * list of the schema has neither `first` nor a stated size.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  checkListSizes(schema);
  const estimator = answerSize(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          const cost = estimateCost(schema, document, operation, variables, estimator);
          if (cost <= maxCost) return;
          throw new GraphQLError(
            `The answer to this operation is estimated at ${Number.isFinite(cost) ? `${cost} fields` : 'too many fields to count'}, over the limit of ${maxCost}: ask for fewer items (first) or fewer nested lists, and page through`,
            { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
