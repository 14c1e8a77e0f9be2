import type { Locator, Page } from '@playwright/test';

/** The log explorer: query bar, volume, the virtualized list and a line's details. */
export class LogsPage {
  readonly rows: Locator;
  readonly details: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('log-row');
    this.details = page.getByTestId('log-details');
    this.status = page.getByTestId('logs-status');
  }

  async open(query: string, time = 'from=now-1h&to=now'): Promise<void> {
    await this.page.goto(`/explore/logs?${time}&q=${encodeURIComponent(query)}`);
  }

  /** Waits until the list shows the answer to the query in the URL, not the last one kept while it loads. */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="log-list"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  }

  query(): string {
    return new URL(this.page.url()).searchParams.get('q') ?? '';
  }

  volumeBars(): Locator {
    return this.page.getByTestId('log-volume').locator('rect');
  }
}
