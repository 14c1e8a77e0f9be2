import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { visibleText } from '../../lib/visibleText';

/** One entry: an action, or a link that cannot be offered, shown disabled with its reason. */
export interface ChartMenuItem {
  key: string;
  label: string;
  /** Absent = disabled. */
  run?: (how: { beside: boolean }) => void;
  reason?: string;
}

interface ChartMenuProps {
  title: string;
  items: readonly ChartMenuItem[];
  left: number;
  top: number;
  onClose: () => void;
}

/**
 * A small menu at the point where the chart was clicked or a window dragged (WAI-ARIA menu pattern):
 * focus moves to the first entry, arrows move between entries (disabled ones included, so their reason
 * is read), Enter or Space runs one, Escape, Tab or a press outside closes it.
 */
export function ChartMenu({ title, items, left, top, onClose }: ChartMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  // Where focus was when the menu opened (the chart, from the keyboard): Escape gives it back.
  const openerRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);
  useEffect(() => {
    const onPointerDown = (e: PointerEvent | globalThis.MouseEvent) => {
      if (menuRef.current && e.target instanceof Node && !menuRef.current.contains(e.target)) onClose();
    };
    document.addEventListener('mousedown', onPointerDown, true);
    return () => document.removeEventListener('mousedown', onPointerDown, true);
  }, [onClose]);

  const entries = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = entries();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
      if (e.key === 'Escape') openerRef.current?.focus();
    } else if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    // The chart below must not take these keys as its own.
    e.stopPropagation();
  };
  const run = (item: ChartMenuItem, e: MouseEvent | KeyboardEvent) => {
    if (!item.run) return;
    item.run({ beside: e.shiftKey });
    onClose();
  };

  return (
    <div
      ref={menuRef}
      className="chart-menu"
      role="menu"
      aria-label={title}
      style={{ left, top }}
      onKeyDown={onKeyDown}
      // A press inside the menu is not the start of a drag on the chart.
      onMouseDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
      onClick={(e) => e.stopPropagation()}
    >
      <div className="chart-menu-title" aria-hidden="true">
        {title}
      </div>
      {items.map((item) => (
        <div
          key={item.key}
          role="menuitem"
          tabIndex={-1}
          className="chart-menu-item"
          aria-disabled={item.run ? undefined : 'true'}
          title={item.reason}
          onClick={(e) => run(item, e)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== ' ') return;
            e.preventDefault();
            run(item, e);
          }}
        >
          {visibleText(item.label, 120).text}
          {item.reason ? <span className="chart-menu-reason">{visibleText(item.reason, 200).text}</span> : null}
        </div>
      ))}
    </div>
  );
}
