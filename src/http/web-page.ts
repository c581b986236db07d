import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';

/**
 * The project's root: two folders up from src/http under tsx and jest, three from dist/src/http
 * once compiled. The web page is built into <root>/web/dist by `npm install` (prepare script).
 */
function projectRoot(): string {
  const candidates = [path.resolve(__dirname, '../..'), path.resolve(__dirname, '../../..')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'package.json'))) ?? candidates[0];
}

/**
 * GET / serves the web page members and officers read; its scripts and styles come from
 * /assets, named by their content hash, so they are cached for good and index.html never is.
 * The page reads the register through POST /graphql with the signed-in caller's bearer token.
 */
export function webPage(dist = path.join(projectRoot(), 'web', 'dist')): express.Router {
  const router = express.Router();
  // helmet's policy less upgrade-insecure-requests: served over plain HTTP under any name but
  // localhost (a demo on a LAN), that directive sends the browser to https:// for every asset
  // and the page never loads; over HTTPS every address the page uses is same-origin already
  const policy = helmet.contentSecurityPolicy({ directives: { upgradeInsecureRequests: null } });
  router.get('/', policy, (_req, res) => {
    if (!fs.existsSync(path.join(dist, 'index.html'))) {
      res.status(503).type('text/plain').send('The web page is not built: run `npm run build:web` (npm install does it).');
      return;
    }
    res.sendFile('index.html', { root: dist, headers: { 'cache-control': 'no-cache' } });
  });
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  return router;
}
