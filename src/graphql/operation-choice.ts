import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/**
 * A document that names no runnable operation (two operations without operationName, an
 * unknown operationName, a subscription) is the client's mistake: 400 BAD_REQUEST, as the
 * contract says, before anything runs (Apollo would hand our executor no operation at all).
 */
export const operationChoicePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, document }) {
        if (!operation) {
          const named = document.definitions.filter((d) => d.kind === 'OperationDefinition').length > 1;
          throw badRequest(
            request.operationName
              ? `The document has no operation named "${request.operationName}"`
              : named
                ? 'The document holds several operations: name the one to run in operationName'
                : 'The document holds no operation',
          );
        }
        if (operation.operation === 'subscription') throw badRequest('Subscriptions are not served: send a query or a mutation');
      },
    };
  },
};
