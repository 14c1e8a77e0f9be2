import { expect, type Locator, type Page } from '@playwright/test';

/** Explore: PromQL query rows (A, B, …), each a CodeMirror editor over its own chart. */
export class ExplorePage {
  /** The autocomplete popup CodeMirror opens under the cursor. */
  readonly completions: Locator;

  constructor(private readonly page: Page) {
    this.completions = page.locator('.cm-tooltip-autocomplete');
  }

  async open(queries: readonly string[] = [], time = 'from=now-1h&to=now'): Promise<void> {
    const q = queries.map((text) => `&q=${encodeURIComponent(text)}`).join('');
    await this.page.goto(`/explore?${time}${q}`);
  }

  row(name: string): Locator {
    return this.page.getByTestId('explore-row').filter({ has: this.editor(name) });
  }

  /** The editable text of query `name` (CodeMirror's content element, a textbox named "Query A"). */
  editor(name: string): Locator {
    return this.page.getByRole('textbox', { name: `Query ${name}` });
  }

  panel(name: string): Locator {
    return this.page.locator(`[data-testid="panel"][data-panel-title="Query ${name}"]`);
  }

  /** The server's parse error underlined in the editor (the client-side linter's marks look different). */
  serverErrorMark(name: string): Locator {
    return this.row(name).locator('.cm-server-error');
  }

  /** The editor's text as typed: its lines, without the placeholder CodeMirror shows in an empty editor. */
  async text(name: string): Promise<string> {
    return this.editor(name).evaluate((content) => {
      const lines = [...content.querySelectorAll('.cm-line')].map((line) => {
        const copy = line.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.cm-placeholder, .cm-widgetBuffer').forEach((w) => w.remove());
        return copy.textContent ?? '';
      });
      return lines.join('\n');
    });
  }

  /** Types at the end of the editor's text, key by key, as a person would (completion opens while typing). */
  async typeAtEnd(name: string, text: string): Promise<void> {
    const editor = this.editor(name);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text, { delay: 30 });
  }

  /** The completion offered as `label` exactly (its type or help, shown beside it, is not part of the match). */
  completion(label: string): Locator {
    return this.completions
      .getByRole('option')
      .filter({ has: this.page.locator('.cm-completionLabel').getByText(label, { exact: true }) });
  }

  async run(name: string): Promise<void> {
    await this.editor(name).press('Shift+Enter');
  }

  async openHistory(name: string): Promise<Locator> {
    const button = this.row(name).getByRole('button', { name: 'History' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const list = this.page.getByRole('list', { name: `History for query ${name}` });
    await expect(list).toBeVisible();
    return list;
  }
}
