// @vitest-environment jsdom
import { forEachDiagnostic, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeEditor } from './CodeEditor';
import { SERVER_ERROR_CLASS } from './serverDiagnostics';
import type { EditorLanguage } from './types';

afterEach(cleanup);

/** A language with no grammar: the frame must work with whatever a language brings. "at N" names an offset. */
function plainLanguage(destroy = () => {}): EditorLanguage {
  return {
    name: 'Plain',
    extension: [],
    locateServerError: (message) => {
      const at = /at (\d+)/.exec(message);
      return at ? { from: Number(at[1]), to: Number(at[1]) + 1 } : undefined;
    },
    destroy,
  };
}

function viewOf(container: HTMLElement): EditorView {
  const dom = container.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error('no editor view');
  return view;
}

function press(view: EditorView, key: string, init: KeyboardEventInit = {}) {
  view.contentDOM.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

function diagnostics(view: EditorView): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachDiagnostic(view.state, (d, from, to) => out.push({ ...d, from, to }));
  return out;
}

describe('CodeEditor', () => {
  it('runs the text on Shift+Enter and on Ctrl+Enter, and names its text box', () => {
    const onRun = vi.fn();
    const { container } = render(<CodeEditor value="up" onChange={() => {}} onRun={onRun} language={plainLanguage()} label="Query A" />);
    const view = viewOf(container);
    expect(view.contentDOM.getAttribute('aria-label')).toBe('Query A');
    press(view, 'Enter', { shiftKey: true });
    press(view, 'Enter', { ctrlKey: true });
    expect(onRun.mock.calls).toEqual([['up'], ['up']]);
  });

  it('reports edits, and follows a new value from outside without reporting it back as an edit', () => {
    const onChange = vi.fn();
    const props = { onChange, onRun: () => {}, language: plainLanguage(), label: 'Query A' };
    const { container, rerender } = render(<CodeEditor value="up" {...props} />);
    const view = viewOf(container);
    act(() => view.dispatch({ changes: { from: 2, insert: '{}' } }));
    expect(onChange).toHaveBeenLastCalledWith('up{}');
    rerender(<CodeEditor value="up{}" {...props} />); // the parent took the edit: nothing to do
    expect(view.state.doc.toString()).toBe('up{}');
    rerender(<CodeEditor value="rate(x[5m])" {...props} />); // Back, or a history pick
    expect(view.state.doc.toString()).toBe('rate(x[5m])');
  });

  it('underlines a server error where the language locates it, while the text that was run stands', async () => {
    // The linter waits 300 ms after a change (setTimeout, checked against Date.now); a fake clock makes that wait
    // exact, so a busy machine cannot outlast a real-time polling deadline.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const props = { onChange: () => {}, onRun: () => {}, language: plainLanguage(), label: 'Query A' };
      const { container, rerender } = render(<CodeEditor value="up foo" {...props} />);
      const view = viewOf(container);
      rerender(<CodeEditor value="up foo" {...props} serverError={{ query: 'up foo', message: 'bad at 3' }} />);
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(diagnostics(view)).toMatchObject([{ from: 3, to: 4, message: 'bad at 3', markClass: SERVER_ERROR_CLASS }]);
      act(() => view.dispatch({ changes: { from: 6, insert: ' bar' } }));
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(diagnostics(view)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets its language go (cancelling its lookups) when it unmounts or the language changes', () => {
    const first = vi.fn();
    const second = vi.fn();
    const props = { value: 'up', onChange: () => {}, onRun: () => {}, label: 'Query A' };
    const { rerender, unmount } = render(<CodeEditor {...props} language={plainLanguage(first)} />);
    rerender(<CodeEditor {...props} language={plainLanguage(second)} />);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    unmount();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
