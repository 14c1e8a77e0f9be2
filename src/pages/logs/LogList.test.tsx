// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../model/logs';
import { LOG_ROW_HEIGHT, LogList } from './LogList';
import { syntheticLines } from './testing/lines';

const VIEW_ROWS = 20;
const scrollTops = new WeakMap<Element, number>();

beforeEach(() => {
  // jsdom lays nothing out: the list is VIEW_ROWS rows tall, each row LOG_ROW_HEIGHT, and scrollTop sticks.
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'log-list' ? VIEW_ROWS * LOG_ROW_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('log-item') ? LOG_ROW_HEIGHT : 0;
  });
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return scrollTops.get(this) ?? 0;
  });
  vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (this: Element, v: number) {
    scrollTops.set(this, v);
  });
  // As tall as the rows' box (its height is set from the lines): how far scrollToIndex may go.
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'log-list' ? parseFloat(this.querySelector<HTMLElement>('.log-rows')?.style.height ?? '0') : 0;
  });
  // jsdom has no scrollTo; the virtualizer's scrollToIndex writes through it.
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) scrollTops.set(this, options.top);
  } as Element['scrollTo'];
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete (Element.prototype as Partial<Element>).scrollTo;
});

function Harness({ lines, wrap = false }: { lines: readonly LogLine[]; wrap?: boolean }) {
  const [selected, setSelected] = useState<string | undefined>();
  return (
    <MemoryRouter>
      <LogList
        lines={lines}
        wrap={wrap}
        timeZone="utc"
        regexes={[]}
        prettyJson={false}
        folded={new Map()}
        selectedKey={selected}
        onSelect={setSelected}
        renderDetails={(line) => <div data-testid="details">{line.key}</div>}
      />
    </MemoryRouter>
  );
}

const rows = () => screen.getAllByTestId('log-row');
const items = () => [...document.querySelectorAll<HTMLElement>('.log-item')];

function scrollTo(top: number) {
  const list = screen.getByTestId('log-list');
  act(() => {
    list.scrollTop = top;
    fireEvent.scroll(list);
  });
}

/**
 * The rows in the DOM are consecutive lines in list order, each showing the line its index names: what Tab,
 * a screen reader and the e2e page objects (`rows.first()`) walk. Recycled row slots kept in slot order were
 * tried for scroll speed and broke exactly this.
 */
function expectRowsInListOrder(lines: readonly LogLine[]) {
  const indexes = items().map((el) => Number(el.dataset.index));
  indexes.forEach((index, i) => {
    expect(index).toBe(indexes[0]! + i);
    expect(items()[i]!.getAttribute('aria-posinset')).toBe(String(index + 1));
    expect(items()[i]!.querySelector<HTMLElement>('.log-row')!.dataset.key).toBe(lines[index]!.key);
  });
}

describe('LogList', () => {
  const lines = syntheticLines(5000, Date.UTC(2026, 11, 1, 12));

  it('keeps the rows in list order in the DOM however it is scrolled, each showing its own line', () => {
    render(<Harness lines={lines} />);
    expectRowsInListOrder(lines);
    for (const top of [7, 40, 2000, 1990, 1985, 3].map((r) => r * LOG_ROW_HEIGHT)) {
      scrollTo(top);
      expectRowsInListOrder(lines);
      expect(items().some((el) => Number(el.dataset.index) === top / LOG_ROW_HEIGHT)).toBe(true);
      expect(items().length).toBeLessThan(VIEW_ROWS * 3);
    }
  });

  it('places each row at its own offset and leaves a row that stays in view untouched by a scroll', () => {
    render(<Harness lines={lines} />);
    scrollTo(100 * LOG_ROW_HEIGHT);
    const item = () => items().find((el) => el.dataset.index === '110')!;
    const before = item();
    expect(before.style.top).toBe(`${110 * LOG_ROW_HEIGHT}px`);
    // A scroll of a few rows: line 110 stays in view, so the browser has nothing of it to repaint.
    scrollTo(104 * LOG_ROW_HEIGHT);
    expect(item()).toBe(before);
    expect(item().style.top).toBe(`${110 * LOG_ROW_HEIGHT}px`);
    expect(item().querySelector<HTMLElement>('.log-row')!.dataset.key).toBe(lines[110]!.key);
  });

  it('places the rows after a selected line below its details, and again after another line is selected', () => {
    const DETAILS_PX = 200;
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      if (!this.classList.contains('log-item')) return 0;
      return this.querySelector('[data-testid="details"]') ? LOG_ROW_HEIGHT + DETAILS_PX : LOG_ROW_HEIGHT;
    });
    const { rerender } = render(<Harness lines={lines} />);
    const topOf = (index: number) => parseFloat(items().find((el) => el.dataset.index === String(index))!.style.top);
    const select = (index: number) => fireEvent.click(rows().find((r) => r.dataset.key === lines[index]!.key)!);
    select(3);
    // The line's size is measured when it opens; forgetting the old sizes must not forget it.
    expect(topOf(4)).toBe(topOf(3) + LOG_ROW_HEIGHT + DETAILS_PX);
    select(6);
    expect(topOf(4)).toBe(4 * LOG_ROW_HEIGHT);
    expect(topOf(7)).toBe(topOf(6) + LOG_ROW_HEIGHT + DETAILS_PX);
    // Wrap switched on with the line still open: every size is forgotten, and the open line's measured again.
    rerender(<Harness lines={lines} wrap />);
    expect(topOf(7)).toBe(topOf(6) + LOG_ROW_HEIGHT + DETAILS_PX);
  });

  it('keeps the selected line expanded with its details across a scroll, and only that one', () => {
    render(<Harness lines={lines} />);
    scrollTo(100 * LOG_ROW_HEIGHT);
    const target = rows().find((r) => r.dataset.key === lines[105]!.key)!;
    fireEvent.click(target);
    expect(screen.getByTestId('details').textContent).toBe(lines[105]!.key);
    scrollTo(98 * LOG_ROW_HEIGHT);
    expect(screen.getByTestId('details').textContent).toBe(lines[105]!.key);
    expect(screen.getAllByRole('treeitem').filter((r) => r.getAttribute('aria-expanded') === 'true').map((r) => r.querySelector<HTMLElement>('.log-row')!.dataset.key)).toEqual([lines[105]!.key]);
    expectRowsInListOrder(lines);
  });

  it('draws the level as text and colour without an element of its own for the bar', () => {
    render(<Harness lines={lines} />);
    const row = rows()[0]!;
    expect(row.style.getPropertyValue('--level-color')).not.toBe('');
    // The cell holds its padding too (one string: no text node of its own for the pad).
    expect(row.querySelector('.log-level')!.textContent!.trimEnd()).toBe(row.dataset.level === 'warn' ? 'warn' : row.dataset.level);
    expect(row.querySelector('.log-level-bar')).toBeNull();
  });

  it('puts one line in the Tab order and moves between lines with the keys, scrolling to the line it moves to', () => {
    render(<Harness lines={lines} />);
    const tabbable = () => screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0);
    const keyOf = (el: Element) => el.querySelector<HTMLElement>('.log-row')!.dataset.key;
    expect(tabbable().map(keyOf)).toEqual([lines[0]!.key]);
    const first = tabbable()[0]!;
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(keyOf(document.activeElement!)).toBe(lines[1]!.key);
    expect(tabbable().map(keyOf)).toEqual([lines[1]!.key]);
    // Each line is named by its own row, not by its details.
    expect(document.activeElement!.getAttribute('aria-labelledby')).toBe(document.activeElement!.querySelector('.log-row')!.id);
    // Enter opens the focused line; the left arrow closes it; the right arrow opens it again.
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByTestId('details').textContent).toBe(lines[1]!.key);
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(screen.queryByTestId('details')).toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByTestId('details').textContent).toBe(lines[1]!.key);
    // End goes to the last line: the list scrolls there and the line, once drawn, has the focus.
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    scrollTo(screen.getByTestId('log-list').scrollTop);
    expect(keyOf(document.activeElement!)).toBe(lines.at(-1)!.key);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(keyOf(document.activeElement!)).toBe(lines.at(-1)!.key);
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    expect(keyOf(document.activeElement!)).toBe(lines.at(-1 - (VIEW_ROWS - 1))!.key);
  });

  it('names each row by an ID of its line, which lines arriving above it (a tail) leave as it was', () => {
    const { rerender } = render(<Harness lines={lines.slice(10)} />);
    const idOf = (key: string) => rows().find((r) => r.dataset.key === key)!.id;
    const before = idOf(lines[12]!.key);
    rerender(<Harness lines={lines} />);
    // The same ID: the memoized row's props are unchanged, so a tail's new lines do not re-render every row.
    expect(idOf(lines[12]!.key)).toBe(before);
    const ids = rows().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id !== '' && !/\s/.test(id))).toBe(true);
  });

  it('leaves keys inside a line to what has them, and keeps a line tabbable when the focused one scrolls away', () => {
    render(<Harness lines={lines} />);
    fireEvent.click(rows()[2]!);
    fireEvent.keyDown(screen.getByTestId('details'), { key: 'ArrowDown' });
    expect(screen.getByTestId('details').textContent).toBe(lines[2]!.key);
    expect(document.activeElement).toBe(document.body);
    act(() => screen.getAllByRole('treeitem')[2]!.focus());
    scrollTo(1000 * LOG_ROW_HEIGHT);
    const tabbable = screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0);
    expect(tabbable.map((el) => el.querySelector<HTMLElement>('.log-row')!.dataset.key)).toEqual([lines[1000]!.key]);
  });

  it('in wrap mode rows are measured and still in list order', () => {
    render(<Harness lines={lines} wrap />);
    expect(rows()[0]!.dataset.key).toBe(lines[0]!.key);
    expectRowsInListOrder(lines);
  });
});
