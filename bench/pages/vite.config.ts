import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compileHints } from '../../scripts/compile-hints.ts';
import { reactRouterProductionBuild } from '../../scripts/react-router-production.ts';

/**
 * The chart and trace benchmarks' pages, built on its own (`npx vite build --config bench/pages/vite.config.ts`) into
 * a directory outside the project (the driver passes `--outDir`, a fresh temp dir per run): uPlot and these
 * pages never enter the app's build in `dist/`, and nothing built lands where lint or git would see it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // As the app's build: the chunks holding the trace view and the log list get V8's compile hint, here the pages'
  // entries too, as each holds its view (the app loads it in a chunk of its own). React gets none, here or in the
  // app (where the shell has run it before any trace arrives).
  plugins: [react(), compileHints({ entries: true }), reactRouterProductionBuild()],
  build: {
    target: 'es2022',
    outDir: join(tmpdir(), 'watchfloor-bench-pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        chart: fileURLToPath(new URL('chart.html', import.meta.url)),
        trace: fileURLToPath(new URL('trace.html', import.meta.url)),
        logs: fileURLToPath(new URL('logs.html', import.meta.url)),
        logList: fileURLToPath(new URL('logList.html', import.meta.url)),
      },
    },
  },
});
