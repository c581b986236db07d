import { useEffect, useState } from 'preact/hooks';

// Pages live in the URL's fragment (#/programmes/<id>), so GET / is the only page the server
// serves and a link can be bookmarked or shared (the token never travels with it).
export type Route =
  { page: 'portfolio' } | { page: 'programme'; id: string } | { page: 'risk'; id: string } | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { page: 'portfolio' };
  const match = /^\/(programmes|risks)\/([^/]+)$/.exec(path);
  if (!match) return { page: 'not-found' };
  const id = decodeURIComponent(match[2]);
  return match[1] === 'programmes' ? { page: 'programme', id } : { page: 'risk', id };
}

export const href = {
  portfolio: () => '#/',
  programme: (id: string) => `#/programmes/${encodeURIComponent(id)}`,
  risk: (id: string) => `#/risks/${encodeURIComponent(id)}`,
};

/** The current location's fragment; follows links and the back button. */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return hash;
}
