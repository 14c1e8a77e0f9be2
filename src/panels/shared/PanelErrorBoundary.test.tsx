// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { PanelFrame } from './PanelFrame';

afterEach(cleanup);

function Broken(): never {
  throw new Error('cannot read properties of undefined');
}

describe('PanelErrorBoundary', () => {
  it('turns a panel that throws into an error panel and leaves its neighbours drawn', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <div>
        <PanelErrorBoundary title="Broken">
          <Broken />
        </PanelErrorBoundary>
        <PanelErrorBoundary title="Fine">
          <PanelFrame title="Fine" state="ready">
            drawn
          </PanelFrame>
        </PanelErrorBoundary>
      </div>,
    );
    quiet.mockRestore();
    const panels = screen.getAllByTestId('panel');
    expect(panels.map((p) => [p.dataset.panelTitle, p.dataset.state])).toEqual([
      ['Broken', 'error'],
      ['Fine', 'ready'],
    ]);
    expect(screen.getByTestId('panel-error').textContent).toContain('cannot read properties of undefined');
  });

  it('draws again once its reset key changes (new data), so a wall screen recovers by itself', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const panel = (broken: boolean, resetKey: number) => (
      <PanelErrorBoundary title="Latency" resetKey={resetKey}>
        {broken ? <Broken /> : <PanelFrame title="Latency" state="ready">drawn</PanelFrame>}
      </PanelErrorBoundary>
    );
    const { rerender } = render(panel(true, 1));
    expect(screen.getByTestId('panel').dataset.state).toBe('error');
    rerender(panel(false, 1));
    expect(screen.getByTestId('panel').dataset.state).toBe('error');
    rerender(panel(false, 2));
    quiet.mockRestore();
    expect(screen.getByTestId('panel').dataset.state).toBe('ready');
  });
});
