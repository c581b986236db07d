import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { ApiError, request, Unauthenticated } from './api';
import type { TypedDocumentString } from './gql/graphql';

export interface Session {
  token: string;
  /** Called when the API refuses the token mid-session (e.g. the user was deactivated). */
  expired(): void;
}

export const SessionContext = createContext<Session | null>(null);

export type QueryState<R> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; data: R };

/** Runs one typed query as the signed-in caller, again whenever its variables change. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): QueryState<R> {
  const session = useContext(SessionContext)!;
  const [state, setState] = useState<QueryState<R>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    request(session.token, document, variables).then(
      (data) => current && setState({ status: 'done', data }),
      (err: unknown) => {
        if (!current) return;
        if (err instanceof Unauthenticated) session.expired();
        else setState({ status: 'error', message: err instanceof ApiError ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [document, key, session.token]);
  return state;
}
