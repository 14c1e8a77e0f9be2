import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { compileHints } from './scripts/compile-hints.ts';
import { reactRouterProductionBuild } from './scripts/react-router-production.ts';
import { configJson404 } from './scripts/config-json-404.ts';
import { proxyFromConfig } from './scripts/proxy-config.ts';

// `npm run preview` and `npm start` forward /proxy/<uid>/… to the datasource's real URL, so that
// servers which send no CORS headers (Loki, Tempo, Jaeger) can be reached from the browser.
const proxy = proxyFromConfig('public/config.json');

// msw's cookie store wraps tough-cookie + tldts (~285 kB minified) and needs `localStorage`, which the
// demo's Web Worker lacks. The demo never uses cookies, so the browser build gets an always-empty store.
// Only this build is affected: node tests and the demo server import msw untouched.
const mswCookieStoreStubPath = fileURLToPath(new URL('./src/demo/worker/mswCookieStoreStub.ts', import.meta.url));
const MSW_COOKIE_STORE_IMPORTER = /[\\/]node_modules[\\/]msw[\\/]lib[\\/]core[\\/]utils[\\/]request[\\/]/;
function mswCookieStoreStub(): Plugin {
  return {
    name: 'watchfloor:msw-cookie-store-stub',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === '../cookieStore.mjs' && importer !== undefined && MSW_COOKIE_STORE_IMPORTER.test(importer) ? mswCookieStoreStubPath : null;
    },
  };
}

export default defineConfig({
  // The stub goes everywhere msw is bundled: the app, the demo worker, and the dev server's pre-bundled deps.
  // configJson404: without a config.json the dev and preview servers answer 404 there, which runs the demo.
  // compileHints: the trace view's and log explorer's chunks are compiled as they load (scripts/compile-hints.ts).
  plugins: [mswCookieStoreStub(), react(), configJson404(), compileHints(), reactRouterProductionBuild()],
  // ES module workers (the demo worker is started with type: 'module') can load chunks: its log and trace
  // backends arrive on their first request instead of in its first script.
  worker: { format: 'es', plugins: () => [mswCookieStoreStub()] },
  optimizeDeps: { rolldownOptions: { plugins: [mswCookieStoreStub()] } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
