import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compileHints } from '../../scripts/compile-hints.ts';
import { reactRouterProductionBuild } from '../../scripts/react-router-production.ts';

/**
 * The trace-view benchmarks' page, built on its own (the driver passes `--outDir`, a fresh temp dir per run), as
 * bench/pages/vite.config.ts builds the chart page: nothing here enters the app's `dist/`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The views' chunks get V8's compile hint as in the app's build (see bench/pages/vite.config.ts).
  plugins: [react(), compileHints({ entries: true }), reactRouterProductionBuild()],
  build: {
    target: 'es2022',
    outDir: join(tmpdir(), 'watchfloor-bench-trace-views'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { traceViews: fileURLToPath(new URL('traceViews.html', import.meta.url)) } },
  },
});
