import { expect, type Locator, type Page } from '@playwright/test';

/** One service's Golden Signals dashboard. */
export class ServiceDashboardPage {
  readonly panels: Locator;

  constructor(private readonly page: Page) {
    this.panels = page.getByTestId('panel');
  }

  async open(service: string, query = 'from=now-1h&to=now'): Promise<void> {
    await this.page.goto(`/services/${encodeURIComponent(service)}?${query}`);
  }

  panel(title: string): Locator {
    return this.page.locator(`[data-testid="panel"][data-panel-title="${title}"]`);
  }

  /** Waits until panels exist and none is loading any more. */
  async waitForPanels(): Promise<void> {
    await expect(this.panels.first()).toBeVisible();
    await expect(this.page.locator('[data-testid="panel"][data-state="loading"]')).toHaveCount(0, { timeout: 30_000 });
  }

  async panelStates(): Promise<Record<string, string>> {
    return this.panels.evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-panel-title') ?? '', e.getAttribute('data-state') ?? ''])),
    );
  }
}
