import type { TypedDocumentString } from './gql/graphql';

/** The token was refused: mistyped, or its user deactivated. */
export class Unauthenticated extends Error {}

/** Anything else that kept the answer from arriving: shown to the reader as it is. */
export class ApiError extends Error {}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Sends one typed operation to this server's public API, as the signed-in caller. */
export async function request<R, V>(token: string, document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('The server could not be reached. Check your connection and try again.');
  }
  let body: GraphQLBody<R>;
  try {
    body = (await res.json()) as GraphQLBody<R>;
  } catch {
    throw new ApiError(`The server answered ${res.status} without a readable body.`);
  }
  const errors = body.errors ?? [];
  if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) throw new Unauthenticated();
  if (errors.length || !body.data) throw new ApiError(errors[0]?.message ?? `The server answered ${res.status}.`);
  return body.data;
}
