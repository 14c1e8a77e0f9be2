// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogLine } from '../../model/logs';
import { fixedWindow, LOG_ROW_HEIGHT, LogList, rowSlot } from './LogList';
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
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
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

/** Every drawn row shows the line its index names, at that index's place. */
function expectRowsMatch(lines: readonly LogLine[]) {
  for (const item of items()) {
    const index = Number(item.dataset.index);
    expect(item.querySelector<HTMLElement>('.log-row')!.dataset.key).toBe(lines[index]!.key);
    expect(item.getAttribute('aria-posinset')).toBe(String(index + 1));
    expect(item.style.transform).toBe(`translateY(${index * LOG_ROW_HEIGHT}px)`);
  }
}

describe('LogList row recycling', () => {
  const lines = syntheticLines(5000, Date.UTC(2026, 11, 1, 12));

  it('reuses the row elements when scrolling: no row is built or removed, the DOM order stays, each shows its line', () => {
    render(<Harness lines={lines} />);
    const before = rows();
    const order = items();
    expect(before.length).toBeGreaterThanOrEqual(VIEW_ROWS);
    // Scroll by less and by more than a window, forward and back.
    for (const top of [7 * LOG_ROW_HEIGHT, 40 * LOG_ROW_HEIGHT, 2000 * LOG_ROW_HEIGHT, 1990 * LOG_ROW_HEIGHT]) {
      scrollTo(top);
      const after = rows();
      expect(after.length).toBe(before.length);
      // The very same elements, in the very same DOM order: only their contents changed.
      after.forEach((el, i) => expect(el).toBe(before[i]));
      items().forEach((el, i) => expect(el).toBe(order[i]));
      expectRowsMatch(lines);
      expect(items().some((el) => Number(el.dataset.index) === top / LOG_ROW_HEIGHT)).toBe(true);
    }
  });

  it('keeps the selected line in its own element, with its details, while the others recycle around it', () => {
    render(<Harness lines={lines} />);
    scrollTo(100 * LOG_ROW_HEIGHT);
    const target = rows().find((r) => r.dataset.key === lines[105]!.key)!;
    fireEvent.click(target);
    expect(screen.getByTestId('details').textContent).toBe(lines[105]!.key);
    const selected = rows().find((r) => r.dataset.key === lines[105]!.key)!;
    scrollTo(98 * LOG_ROW_HEIGHT);
    expect(rows().find((r) => r.dataset.key === lines[105]!.key)).toBe(selected);
    expect(screen.getByTestId('details').textContent).toBe(lines[105]!.key);
    expect(selected.getAttribute('aria-expanded')).toBe('true');
    // No other row claims to be expanded.
    expect(rows().filter((r) => r.getAttribute('aria-expanded') === 'true')).toHaveLength(1);
  });

  it('keeps focus on the line it is on: within the window it stays, past it goes to the list, never to another line', () => {
    render(<Harness lines={lines} />);
    const row = rows().find((r) => r.dataset.key === lines[3]!.key)!;
    const toggle = row.querySelector('button')!;
    act(() => toggle.focus());
    // Expanding by keyboard (Enter clicks the button) keeps focus on that very button.
    fireEvent.click(toggle);
    expect(document.activeElement).toBe(toggle);
    expect(screen.getByTestId('details').textContent).toBe(lines[3]!.key);
    scrollTo(2 * LOG_ROW_HEIGHT);
    expect(document.activeElement).toBe(toggle);
    expect(toggle.closest<HTMLElement>('.log-row')!.dataset.key).toBe(lines[3]!.key);
    // Far away, the slot shows another line: focus must not stay on it.
    scrollTo(3000 * LOG_ROW_HEIGHT);
    expect(document.activeElement).toBe(screen.getByTestId('log-list'));
  });

  it('in wrap mode rows stay keyed by line and flow in order', () => {
    render(<Harness lines={lines} wrap />);
    const first = rows()[0]!;
    expect(first.dataset.key).toBe(lines[0]!.key);
    const drawn = items().map((el) => Number(el.dataset.index));
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
  });
});

describe('fixedWindow and rowSlot', () => {
  const range = (startIndex: number, endIndex: number, count: number) => ({ startIndex, endIndex, overscan: 5, count });

  it('draws exactly `size` rows from the range start less overscan, clamped to the list', () => {
    expect(fixedWindow(range(10, 29, 1000), 32)).toEqual(Array.from({ length: 32 }, (_, i) => 5 + i));
    expect(fixedWindow(range(0, 19, 1000), 32)[0]).toBe(0);
    expect(fixedWindow(range(980, 999, 1000), 32)).toEqual(Array.from({ length: 32 }, (_, i) => 968 + i));
    expect(fixedWindow(range(0, 9, 10), 32)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('gives every row of a window its own slot, and a scroll by k hands the k leaving slots to the k arriving rows', () => {
    const size = 32;
    const a = fixedWindow(range(100, 119, 1000), size);
    const b = fixedWindow(range(107, 126, 1000), size);
    const slotsA = new Set(a.map((i) => rowSlot(i, size)));
    const slotsB = new Set(b.map((i) => rowSlot(i, size)));
    expect(slotsA.size).toBe(size);
    expect(slotsB).toEqual(slotsA);
  });
});
