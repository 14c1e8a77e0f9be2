import { expect, test } from '@playwright/test';

// The runtime config.json is read at start-up; these tests serve their own through page.route, so the
// same build meets a malformed file and a datasource whose server is down.

test('a malformed config.json shows an error page naming the bad field', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ datasources: [{ uid: 'prom', kind: 'prometheus', name: 'P', url: 'not a url' }] }) }),
  );
  await page.goto('/services');
  await expect(page.getByTestId('config-error-field')).toHaveText('datasources[0].url');
});

test('config.json that is not JSON at all is named as such', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"datasources": [' }));
  await page.goto('/services');
  await expect(page.getByTestId('config-error-field')).toHaveText('config.json');
});

test('an HTML page where config.json should be (an SPA fallback) is a boot error, not the demo', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Watchfloor</title><div id="root"></div>' }));
  await page.goto('/services');
  await expect(page.getByTestId('config-error-field')).toHaveText('config.json');
  await expect(page.getByTestId('config-error')).toContainText('SPA fallback');
  await expect(page.getByTestId('demo-data-badge')).toHaveCount(0);
});

test('a datasource whose server is down gives readable errors, not a blank page', async ({ page }) => {
  // Port 9 (discard) on loopback: nothing listens there, so every request is refused at once.
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ datasources: [{ uid: 'down', kind: 'prometheus', name: 'Down Prometheus', url: 'http://127.0.0.1:9', default: true }] }),
    }),
  );
  await page.goto('/services');
  await expect(page.getByRole('alert').first()).toContainText('Could not reach http://127.0.0.1:9/');
  await expect(page.getByRole('navigation')).toBeVisible();
  // Configured datasources are real ones: no demo badge.
  await expect(page.getByTestId('demo-data-badge')).toHaveCount(0);

  await page.goto('/settings/datasources');
  await expect(page.getByText('Down Prometheus')).toBeVisible();
  await expect(page.getByTestId('datasource-health')).toHaveAttribute('data-health', 'failed');
  await expect(page.getByTestId('datasource-health')).toContainText('Could not reach');
});
