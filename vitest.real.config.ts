import { defineConfig } from 'vitest/config';

// Tests against real Prometheus and Alertmanager binaries started on 127.0.0.1 by the harness in e2e/servers.
export default defineConfig({
  test: {
    include: ['src/**/*.real.test.ts', 'e2e/**/*.real.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
