// A NUL byte cannot be stored in PostgreSQL text (the statement fails, and on the embedded
// database it broke the connection for the next request), and an unpaired surrogate is not
// Unicode at all (jsonb refuses it). Either is a client's mistake, so every string the operation
// carries, in the document or in its variables, is looked at once before anything runs.
import { ArgumentNode, DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';

type Variables = Record<string, unknown> | undefined;

// eslint-disable-next-line no-control-regex -- the NUL byte is what is looked for
const BAD_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// the shape formatError gives a DomainError from badInput, raised here outside any resolver
const refusal = (field: string) =>
  new GraphQLError(`${field} holds a NUL byte or an unpaired surrogate`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });

/** The field (argument or input field) of the first string holding a bad character, if any. */
function inValue(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') return BAD_CHARACTER.test(value) ? field : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = inValue(item, field);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inValue(item, key);
      if (found) return found;
    }
  }
  return undefined;
}

function inLiteral(node: ValueNode, field: string, variables: Variables): string | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return inValue(node.value, field);
    case Kind.VARIABLE:
      return inValue(variables?.[node.name.value], field);
    case Kind.LIST:
      for (const item of node.values) {
        const found = inLiteral(item, field, variables);
        if (found) return found;
      }
      return undefined;
    case Kind.OBJECT:
      for (const f of node.fields) {
        const found = inLiteral(f.value, f.name.value, variables);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** BAD_USER_INPUT naming the field of the first string holding a NUL byte or unpaired surrogate. */
export function badCharacters(document: DocumentNode, variables: Variables): GraphQLError | undefined {
  let field: string | undefined;
  const look = (node: ValueNode, name: string) => {
    field ??= inLiteral(node, name, variables);
  };
  visit(document, {
    [Kind.ARGUMENT]: (node: ArgumentNode) => look(node.value, node.name.value),
    [Kind.VARIABLE_DEFINITION]: (node) => {
      if (node.defaultValue) look(node.defaultValue, node.variable.name.value);
    },
  });
  return field === undefined ? undefined : refusal(field);
}
