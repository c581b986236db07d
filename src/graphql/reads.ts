import { GraphQLField } from 'graphql';

/**
 * What a field's resolver reads of its parent row, declared beside its code and kept in the
 * schema as the field's extensions. A type whose rows are read with only the columns asked for
 * (Projection) selects, for each field asked for, the row fields its resolver declares here; a
 * field without a resolver reads the row field of its own name. test/e2e/projections.test.ts
 * compares every field's answer with and without projection.
 */
interface Declared {
  reads?: readonly string[];
}

/**
 * `resolve`, declared to read `reads` of its parent (ids, keys, the columns of a rule): it is
 * handed the parent as only those fields, so that reading any other does not compile.
 */
export function resolverOf<Parent, Read extends keyof Parent & string, Rest extends unknown[], Result>(
  reads: readonly Read[],
  resolve: (parent: Pick<Parent, Read>, ...rest: Rest) => Result,
): { resolve: (parent: Parent, ...rest: Rest) => Result; extensions: Declared } {
  return { resolve, extensions: { reads } };
}

/** What a field's resolver declared it reads (resolverOf), or undefined where it declared nothing. */
export function readsOf(field: GraphQLField<unknown, unknown>): readonly string[] | undefined {
  return (field.extensions as Declared).reads;
}
