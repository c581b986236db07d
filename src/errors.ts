/** The error codes of the contract; anything else reaches clients as INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/** A refusal by a rule. Services throw these; formatError turns them into GraphQL errors. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `No such ${what}`);
export const forbidden = (message = 'Your role does not allow this') => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const unauthenticated = (message = 'A valid bearer token is required') => new DomainError('UNAUTHENTICATED', message);

/**
 * A scalar input that does not parse. A plain Error on purpose: graphql-js then wraps it with
 * the offending node (literals) or variable path, and formatError reports BAD_USER_INPUT.
 */
export class ScalarInputError extends Error {}
