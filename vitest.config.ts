import { defineConfig } from 'vitest/config';

// Unit and contract tests: every file beside its module, `*.test.ts(x)`. Real-server tests live in
// `*.real.test.ts` and run under vitest.real.config.ts, because they start Prometheus.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/servers/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.real.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
