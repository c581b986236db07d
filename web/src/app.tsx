import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Unauthenticated } from './api';
import { label } from './format';
import type { MeQuery } from './gql/graphql';
import { Portfolio } from './pages/portfolio';
import { ProgrammePage } from './pages/programme';
import { RiskPage } from './pages/risk';
import { REFUSED, SignIn, whoIs } from './pages/sign-in';
import { href, parseRoute, useHash } from './router';
import { forgetToken, keepToken, storedToken } from './session';
import { SessionContext, type Session } from './use-query';

type Auth =
  | { state: 'signed-out'; notice: string | null }
  | { state: 'checking'; token: string }
  | { state: 'signed-in'; token: string; me: MeQuery };

function Page({ hash }: { hash: string }) {
  const route = parseRoute(hash);
  switch (route.page) {
    case 'portfolio':
      return <Portfolio />;
    case 'programme':
      return <ProgrammePage key={route.id} id={route.id} />;
    case 'risk':
      return <RiskPage key={route.id} id={route.id} />;
    case 'not-found':
      return (
        <>
          <h1>Page not found</h1>
          <p>
            <a href={href.portfolio()}>Go to the portfolio</a>
          </p>
        </>
      );
  }
}

export function App() {
  const [auth, setAuth] = useState<Auth>(() => {
    const token = storedToken();
    return token ? { state: 'checking', token } : { state: 'signed-out', notice: null };
  });
  const hash = useHash();
  const main = useRef<HTMLElement>(null);
  const firstHash = useRef(hash);

  function signOut(notice: string | null) {
    forgetToken();
    setAuth({ state: 'signed-out', notice });
  }

  // a token kept from earlier in this tab is asked about again: it may have been deactivated since
  useEffect(() => {
    if (auth.state !== 'checking') return;
    whoIs(auth.token).then(
      (me) => setAuth({ state: 'signed-in', token: auth.token, me }),
      (err) => signOut(err instanceof Unauthenticated ? REFUSED : `Could not check your sign-in: ${(err as Error).message}`),
    );
  }, [auth]);

  // after following a link, focus goes to the new page's content, as it would on a page load
  useEffect(() => {
    if (hash !== firstHash.current) {
      firstHash.current = hash;
      main.current?.focus();
      scrollTo(0, 0);
    }
  }, [hash]);

  // signing in or out removes the button that had focus: the content that replaced it takes it
  // (not after the check of a kept token, which is a page load)
  const lastState = useRef(auth.state);
  useEffect(() => {
    if (lastState.current !== 'checking' && auth.state !== lastState.current) main.current?.focus();
    lastState.current = auth.state;
  }, [auth.state]);

  const token = auth.state === 'signed-in' ? auth.token : '';
  const session = useMemo<Session>(() => ({ token, expired: () => signOut(REFUSED) }), [token]);

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header class="banner">
        <div class="container banner__inner">
          <a class="banner__title" href={href.portfolio()}>
            Programme register
          </a>
          {auth.state === 'signed-in' && (
            <>
              <span class="banner__org">{auth.me.organisation.name}</span>
              <p class="banner__user">
                Signed in as {auth.me.me.name} ({label(auth.me.me.role)})
              </p>
              <button type="button" class="secondary" onClick={() => signOut(null)}>
                Sign out
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} class="container">
        {auth.state === 'signed-in' ? (
          <SessionContext.Provider value={session}>
            <Page hash={hash} />
          </SessionContext.Provider>
        ) : auth.state === 'checking' ? (
          <p role="status">Checking your sign-in…</p>
        ) : (
          <SignIn
            notice={auth.notice}
            onSignedIn={(token, me) => {
              keepToken(token);
              setAuth({ state: 'signed-in', token, me });
            }}
          />
        )}
      </main>
      <footer class="footer">
        <div class="container">
          Programme register: risks, milestones, savings and decisions of the council’s programmes, as the API shows them to you.
        </div>
      </footer>
    </>
  );
}
