import type { Locator, Page } from '@playwright/test';

/** `/traces`: the search form, the duration-over-time scatter and the result list. */
export class TraceSearchPage {
  readonly form: Locator;
  readonly results: Locator;
  readonly rows: Locator;
  readonly errorMarks: Locator;
  readonly okMarks: Locator;
  /** The TraceQL editor's text box (CodeMirror's content element). */
  readonly traceql: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Trace search' });
    this.results = page.getByRole('region', { name: 'Search results' });
    this.rows = page.getByTestId('trace-result');
    this.errorMarks = page.getByTestId('scatter-error');
    this.okMarks = page.getByTestId('scatter-ok');
    this.traceql = page.getByRole('textbox', { name: 'TraceQL query' });
  }

  async open(query = 'from=now-1h&to=now'): Promise<void> {
    await this.page.goto(`/traces?${query}`);
  }

  /**
   * Waits until the results answer the search in the URL. A new search keeps the last answer on screen while it
   * loads (busy), and right after the URL changes React may not have rendered the new search yet: the results name
   * the URL they were rendered for (`data-for`), and are settled when that is the URL's and nothing is loading.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const section = document.querySelector('section[aria-label="Search results"]');
        return section?.getAttribute('aria-busy') === 'false' && section.getAttribute('data-for') === location.search;
      },
      undefined,
      { timeout: 60_000 },
    );
  }

  async chooseDataSource(name: string): Promise<void> {
    await this.form.getByLabel('Datasource').selectOption({ label: name });
  }

  async search(filters: { service?: string; errorsOnly?: boolean; minDuration?: string }): Promise<void> {
    if (filters.service !== undefined) await this.form.getByLabel('Service').fill(filters.service);
    if (filters.minDuration !== undefined) await this.form.getByLabel('Min duration').fill(filters.minDuration);
    if (filters.errorsOnly !== undefined) await this.form.getByLabel('Errors only').setChecked(filters.errorsOnly);
    await this.form.getByRole('button', { name: 'Search' }).click();
  }

  sortBy(column: string): Promise<void> {
    return this.results.getByRole('button', { name: new RegExp(`^${column}`) }).click();
  }

  /** The numbers of one column, in the order shown. */
  column(index: number): Promise<string[]> {
    return this.rows.evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent ?? ''), index);
  }
}
