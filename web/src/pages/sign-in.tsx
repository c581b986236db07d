import { useState } from 'preact/hooks';
import { ApiError, request, Unauthenticated } from '../api';
import { useTitle } from '../components/common';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

export const MeDocument = graphql(`
  query Me {
    me {
      name
      email
      role
    }
    organisation {
      name
    }
  }
`);

export const REFUSED =
  'That token was not accepted: it may be incomplete or mistyped, or its user may have been deactivated. ' +
  'Paste the whole token again, or ask your administrator for a new one.';

/** Checks a token by asking who it belongs to; only a token the API accepts is kept. */
export async function whoIs(token: string): Promise<MeQuery> {
  return request(token, MeDocument, {});
}

export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (token: string, me: MeQuery) => void }) {
  useTitle('Sign in');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const pasted = token.trim();
    if (!pasted) {
      setProblem('Paste your bearer token first.');
      return;
    }
    setBusy(true);
    try {
      onSignedIn(pasted, await whoIs(pasted));
    } catch (err) {
      setProblem(err instanceof Unauthenticated ? REFUSED : err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Sign in</h1>
      <p>
        Paste the bearer token your administrator gave you. It is kept in this browser tab only, until you sign out or close the
        browser.
      </p>
      <form class="sign-in" onSubmit={submit} noValidate>
        {problem && (
          <p id="sign-in-problem" class="error" role="alert">
            {problem}
          </p>
        )}
        <label for="token">Bearer token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'sign-in-problem' : undefined}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </>
  );
}
