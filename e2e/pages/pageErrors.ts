import { expect, test, type Page } from '@playwright/test';

/**
 * Fails each test of the calling spec that let an uncaught error reach the page, after running `setup` (pinning
 * the clock, say) before each test. Call once at the top level of a spec file.
 */
export function failOnPageErrors(setup?: (page: Page) => Promise<void>): void {
  let pageErrors: string[] = [];
  test.beforeEach(async ({ page }) => {
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    if (setup) await setup(page);
  });
  test.afterEach(() => {
    expect(pageErrors, 'uncaught page errors').toEqual([]);
  });
}
