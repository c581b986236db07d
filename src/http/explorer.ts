import path from 'node:path';
import express from 'express';
import helmet from 'helmet';

/** The explorer's files, all from this server's own node_modules: nothing from a CDN. */
const FILES: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <link rel="icon" href="data:," />
    <title>Programme register API explorer</title>
    <link rel="stylesheet" href="/explorer/graphiql.css" />
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
    <script src="/explorer/react.js" defer></script>
    <script src="/explorer/react-dom.js" defer></script>
    <script src="/explorer/graphiql.js" defer></script>
    <script src="/explorer/start.js" defer></script>
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    <noscript>The explorer needs JavaScript. The API itself is POST /graphql.</noscript>
  </body>
</html>
`;

const DEFAULT_QUERY = `# The programme register's GraphQL API. Every query but this one needs your bearer
# token: open "Headers" below and write
#   { "Authorization": "Bearer <your token>" }
# The documentation of every type and field is under the book icon on the left.
query Me {
  me {
    name
    role
  }
}
`;

// a file of its own, not inline: the Content-Security-Policy allows scripts from this server only
const START = `ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    shouldPersistHeaders: false,
  }),
);
`;

/**
 * GET /graphql from a browser (one that prefers HTML) serves GraphiQL, an in-browser explorer of
 * the API, whose scripts and styles come from /explorer on this server: it works with no internet
 * and within the server's Content-Security-Policy. Any other GET, and every POST, goes on to the
 * API as before. Headers typed into it (the bearer token) are not kept by the browser.
 */
export function explorer(): express.Router {
  const router = express.Router();
  // as the web page's (src/http/web-page.ts): no upgrade-insecure-requests, or a server reached
  // over plain HTTP by a LAN address would have its own files fetched over HTTPS
  const policy = helmet.contentSecurityPolicy({ directives: { upgradeInsecureRequests: null } });
  router.get('/graphql', policy, (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.type('html').set('cache-control', 'no-cache').send(PAGE);
  });
  router.get('/explorer/start.js', (_req, res) => {
    res.type('text/javascript').set('cache-control', 'no-cache').send(START);
  });
  for (const [name, file] of Object.entries(FILES)) {
    // by the package's folder: its exports name none of these files
    const filePath = path.join(path.dirname(require.resolve(`${file.pkg}/package.json`)), file.file);
    router.get(`/explorer/${name}`, (_req, res) => {
      res.sendFile(filePath, { headers: { 'content-type': file.type, 'cache-control': 'public, max-age=86400' } });
    });
  }
  return router;
}
