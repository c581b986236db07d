import { defineConfig } from 'vite';

// `npm run build:web` writes web/dist, which the server serves at GET / (src/http/web-page.ts).
// `npm run dev:web` serves the page with reloading and sends its API calls to a server on port 4000.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
