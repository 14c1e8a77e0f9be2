import type { Locator, Page } from '@playwright/test';

/** The log explorer: query bar, volume, the virtualized list and a line's details. */
export class LogsPage {
  readonly rows: Locator;
  readonly details: Locator;
  readonly status: Locator;
  readonly patterns: Locator;
  readonly tail: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('log-row');
    this.details = page.getByTestId('log-details');
    this.status = page.getByTestId('logs-status');
    this.patterns = page.getByTestId('log-patterns');
    this.tail = page.getByTestId('tail-indicator');
  }

  async open(query: string, time = 'from=now-1h&to=now'): Promise<void> {
    await this.page.goto(`/explore/logs?${time}&q=${encodeURIComponent(query)}`);
  }

  /** Waits until the list shows the answer to the query in the URL, not the last one kept while it loads. */
  async settled(): Promise<void> {
    // The list names the query it was rendered for: right after the URL changes, React may not have rendered
    // the new query yet, and the list still shows the last answer as not busy.
    await this.page.waitForFunction(
      () => {
        const list = document.querySelector('[data-testid="log-list"]');
        return list?.getAttribute('aria-busy') === 'false' && list.getAttribute('data-query') === (new URL(location.href).searchParams.get('q') ?? '');
      },
      undefined,
      { timeout: 60_000 },
    );
  }

  query(): string {
    return new URL(this.page.url()).searchParams.get('q') ?? '';
  }

  /** The row of the line whose details are open. */
  selectedRow(): Locator {
    return this.page.locator('[role="treeitem"][aria-expanded="true"] > [data-testid="log-row"]');
  }

  /** A number shown in the tail indicator (`12,345 dropped`, `10,000 / 10,000 held`, `420 new`). */
  async tailCount(which: 'dropped' | 'held' | 'new'): Promise<number> {
    const selector = which === 'dropped' ? '.tail-dropped' : which === 'held' ? '.tail-held' : '[data-testid="tail-pending"]';
    const text = await this.tail.locator(selector).innerText();
    return Number(/^[\d,]+/.exec(text.trim())![0].replaceAll(',', ''));
  }

  volumeBars(): Locator {
    return this.page.getByTestId('log-volume').locator('rect');
  }
}
