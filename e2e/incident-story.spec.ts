import { expect, test } from '@playwright/test';
import { startClockAt } from './pages/fixedClock';
import { installClickCounter, runIncidentStory, STORY_VIEWPORT } from './pages/incidentStory';

// Issue 10's incident story on the embedded demo, the clock at 10:30 UTC: the payment provider has been timing
// out at 30 s since 09:40. From the overview to the logs of one failed checkout in three clicks, then over to the
// provider's own Golden Signals. `UPDATE_SCREENSHOTS=1` writes the README's screenshots (docs/incident/); a
// normal run writes nothing. The clock runs from 10:30, since CodeMirror's linter on the log page waits for
// Date.now() to move.
test.use({ viewport: STORY_VIEWPORT });

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await installClickCounter(page);
  await startClockAt(page);
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught page errors').toEqual([]);
});

test.setTimeout(120_000);

test('the incident story: overview → payments → exemplar → trace → its logs → the provider, three clicks to the logs', async ({ page }) => {
  const { clicks } = await runIncidentStory(page, {
    range: 'from=now-1h&to=now',
    traceDatasource: 'Demo Jaeger',
    logsDatasource: 'Demo Loki',
    screenshots: true,
  });
  await expect(page.locator('header').getByTestId('demo-data-badge')).toHaveText('Demo data');
  console.log(`incident story clicks per step: ${JSON.stringify(clicks)}`);
  expect(clicks['2 service dashboard'] + clicks['3 trace'] + clicks['4 logs'], JSON.stringify(clicks)).toBeLessThanOrEqual(3);
  expect(clicks).toEqual({ '1 overview': 0, '2 service dashboard': 1, '3 trace': 1, '4 logs': 1, '5 provider signals': 2 });
});
