import { expect, type Locator, type Page } from '@playwright/test';

/** The services overview: one row per service with its Golden Signals and sparklines. */
export class ServicesPage {
  readonly rows: Locator;
  readonly sparklines: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('service-row');
    this.sparklines = page.getByTestId('sparkline');
  }

  async open(query = 'from=now-1h&to=now'): Promise<void> {
    await this.page.goto(`/services?${query}`);
  }

  row(service: string): Locator {
    return this.page.locator(`[data-testid="service-row"][data-service="${service}"]`);
  }

  async serviceNames(): Promise<string[]> {
    return this.rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-service') ?? ''));
  }

  /** Waits until at least one sparkline exists and none is still loading. */
  async waitForSparklines(): Promise<void> {
    await expect(this.sparklines.first()).toBeVisible();
    await expect(this.page.locator('[data-testid="sparkline"][data-state="loading"]')).toHaveCount(0, { timeout: 30_000 });
  }
}
