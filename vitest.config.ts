import { defineConfig } from 'vitest/config';

// Unit and contract tests: every file beside its module, `*.test.ts(x)`. Real-server tests live in
// `*.real.test.ts` and run under vitest.real.config.ts, because they start Prometheus.
export default defineConfig({
  // codemirror-promql's `main` is a CJS build that would load the CJS @codemirror/state beside the ESM one the
  // tests use (two instances break CodeMirror's instanceof checks); run its ESM build, as the app bundle does.
  resolve: { alias: { '@prometheus-io/codemirror-promql': '@prometheus-io/codemirror-promql/dist/esm/index.js' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/servers/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.real.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['./vitest.setup.ts'],
  },
});
