import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The trace-view benchmarks' page, built on its own (the driver passes `--outDir`, a fresh temp dir per run), as
 * bench/pages/vite.config.ts builds the chart page: nothing here enters the app's `dist/`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: join(tmpdir(), 'watchfloor-bench-trace-views'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { traceViews: fileURLToPath(new URL('traceViews.html', import.meta.url)) } },
  },
});
