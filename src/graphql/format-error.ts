import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/unavailable';
import { DomainError, ScalarInputError } from '../errors';
import { Logger } from '../logger';

const PUBLIC_CODES = new Set([
  'DATABASE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RESPONSE_TOO_LARGE',
  'TIMEOUT',
]);

/** "... at \"i.planned\"; ..." in a variable coercion message names the input field. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at)
    return at[1]
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '');
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}

/**
 * graphql-js suggests names close to a wrong one (`Did you mean "name"?`, `Did you mean the enum
 * value "OPEN"?`): the sentence is dropped from every error alike, field, argument, type or enum
 * value, so that guessing at names teaches nothing.
 */
function withoutSuggestion(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * A scalar's own refusal of a literal in the document: Apollo reports it as a validation
 * failure, but the contract wants BAD_USER_INPUT, as for a variable.
 */
function scalarRefusal(error: unknown): boolean {
  let e: unknown = error;
  while (e instanceof GraphQLError) e = e.originalError;
  return e instanceof ScalarInputError;
}

/**
 * The one place errors leave the server: domain errors keep their code and field, a scalar's
 * own BAD_USER_INPUT wins over the validation code Apollo gives literals, and anything
 * unexpected is logged with its stack and answered without internals.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    const code = scalarRefusal(error) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const field = formatted.extensions?.field ?? (code === 'BAD_USER_INPUT' ? fieldFromMessage(formatted.message) : undefined);
      return {
        message: withoutSuggestion(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...(field ? { field } : {}) },
      };
    }
    if (isDatabaseUnavailable(original)) {
      logger.error({ err: original, path: formatted.path }, 'database unavailable');
      return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
