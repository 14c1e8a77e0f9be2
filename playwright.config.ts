import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded one. The flags keep it off the (absent) network.
export const chromiumLaunch = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

// Overridable so two checkouts on one machine can run their e2e suites side by side.
const DEMO_PORT = Number(process.env.E2E_DEMO_PORT ?? 4173);
const REAL_PORT = Number(process.env.E2E_REAL_PORT ?? 4174);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunch,
    viewport: { width: 1440, height: 900 },
  },
  projects: [
    // The built app with no config.json: the embedded demo backend.
    { name: 'demo', testIgnore: '**/real-*.spec.ts', use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
    // The same build re-pointed (config.json) at a real Prometheus scraping the demo server.
    { name: 'real-prometheus', testMatch: '**/real-*.spec.ts', use: { baseURL: `http://127.0.0.1:${REAL_PORT}` } },
  ],
  webServer: [
    {
      command: `npm run build && npx vite preview --port ${DEMO_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEMO_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
    },
    {
      command: `npx tsx e2e/servers/realStack.ts ${REAL_PORT}`,
      // It waits for the demo project's build; tell it where that server is when the ports are moved.
      env: { WATCHFLOOR_DEMO_PREVIEW: `http://127.0.0.1:${DEMO_PORT}` },
      url: `http://127.0.0.1:${REAL_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 480_000,
      stdout: 'pipe',
      // Without this Playwright SIGKILLs the group, and the stack gets no chance to stop Prometheus.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
  ],
});
