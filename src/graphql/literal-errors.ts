import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, GraphQLError, visit } from 'graphql';
import { ScalarInputError } from '../errors';

/**
 * A Date, Money or FinancialYear written as a literal in the document is checked during
 * validation, where nothing names the input field it was given for. The contract wants the
 * field named, as for variables: this finds it in the document (formatError sets the code).
 */
export const literalErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart({ document }) {
        return async (errors) => {
          if (!errors?.length) return;
          let fieldOf: Map<ASTNode, string> | undefined;
          for (const error of errors) {
            if (!(error instanceof GraphQLError)) continue;
            if (!(error.originalError instanceof ScalarInputError)) continue;
            fieldOf ??= valueOwners(document);
            const node = error.nodes?.[0];
            Object.assign(error.extensions, { field: node ? fieldOf.get(node) : undefined });
          }
        };
      },
    };
  },
};

/** For each argument or input-object value in the document, the name it is given under. */
function valueOwners(document: ASTNode): Map<ASTNode, string> {
  const owners = new Map<ASTNode, string>();
  const own = (value: ASTNode, name: string) => {
    owners.set(value, name);
    if (value.kind === 'ListValue') value.values.forEach((item) => owners.set(item, name));
  };
  visit(document, {
    Argument: (node) => own(node.value, node.name.value),
    ObjectField: (node) => own(node.value, node.name.value),
  });
  return owners;
}
