// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { SpanKind } from '@opentelemetry/api';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { recordSdkSpans, sdkOtlpJson, type SdkSpanPlan } from '../../../datasources/shared/otlp/sdkTraces.testing';
import { useTraceFilesStore } from '../../../state/traceFiles';
import { jaegerFileOf } from '../../../traceFiles/fileProducers.testing';
import type { JobPort } from '../../../traceFiles/worker/serve';
import { serveTraceFileJobs } from '../../../traceFiles/worker/serve';
import { WORKER_FORMATS } from '../../../traceFiles/worker/workerFormats';
import type { PageToWorkerMessage, WorkerToPageMessage } from '../../../traceFiles/worker/protocol';
import { ROW_HEIGHT } from '../Waterfall';
import { OpenTraceFile } from './OpenTraceFile';
import { TraceFilePage } from './TraceFilePage';

// The file page over the real worker code, run in this thread behind a stand-in `Worker` (jsdom has none).

const plan: SdkSpanPlan = {
  name: 'GET /checkout', service: 'frontend', kind: SpanKind.SERVER, startNs: 0, durationNs: 30_000_000,
  children: [{ name: 'charge', service: 'payments', kind: SpanKind.CLIENT, startNs: 1_000_000, durationNs: 20_000_000 }],
};
const checkout = recordSdkSpans(plan);
const batch = recordSdkSpans({ name: 'nightly', service: 'batch', kind: SpanKind.INTERNAL, startNs: 0, durationNs: 1000 });
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

/** What the stand-in worker does: `serve` runs the real job; `hang` never answers (to cancel). */
let mode: 'serve' | 'hang' = 'serve';
const terminated: number[] = [];
class InThreadWorker {
  private readonly listeners: Array<(event: MessageEvent<unknown>) => void> = [];
  private readonly toJob: Array<(event: MessageEvent<unknown>) => void> = [];
  private dead = false;
  constructor() {
    const port: JobPort = {
      postMessage: (message: WorkerToPageMessage) =>
        setTimeout(() => {
          if (!this.dead) for (const l of this.listeners) l({ data: structuredClone(message) } as MessageEvent<unknown>);
        }),
      addEventListener: (_type, listener) => void this.toJob.push(listener),
    };
    serveTraceFileJobs(port, WORKER_FORMATS);
  }
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void) {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(message: PageToWorkerMessage) {
    if (mode === 'hang') return;
    // jsdom's File has no stream(): hand the job the same bytes as a Node Blob, which has.
    void (async () => {
      const data = message.type === 'open' ? { ...message, file: new NodeBlob([await message.file.text()]) } : message;
      for (const l of this.toJob) l({ data } as MessageEvent<unknown>);
    })();
  }
  terminate() {
    this.dead = true;
    terminated.push(1);
  }
}

beforeEach(() => {
  mode = 'serve';
  terminated.length = 0;
  useTraceFilesStore.setState({ files: new Map() });
  vi.stubGlobal('Worker', InThreadWorker);
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this instanceof HTMLElement && this.dataset.testid === 'waterfall-scroll' ? 20 * ROW_HEIGHT : 0;
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/traces/file/:fileKey', element: <TraceFilePage /> },
      { path: '/somewhere', element: <OpenTraceFile /> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const fileOf = (name: string, body: unknown) => new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });
const rows = () => screen.queryAllByTestId('span-row');

function drop(file: File) {
  const event = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
  act(() => void document.body.dispatchEvent(event));
  return event;
}

describe('TraceFilePage', () => {
  it('after a reload the file is no longer loaded, and says so with the way back', () => {
    renderAt('/traces/file/checkout.json');
    expect(screen.getByTestId('trace-file-gone').textContent).toContain('checkout.json');
    expect(screen.getByRole('button', { name: 'Open it again' })).toBeTruthy();
  });

  it('a file dropped anywhere on the page opens in the waterfall, named as its source', async () => {
    const router = renderAt('/traces/file/old.json');
    const event = drop(fileOf('checkout.otlp.json', sdkOtlpJson(checkout)));
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(router.state.location.pathname).toBe('/traces/file/checkout.otlp.json'));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('checkout.otlp.json (OTLP/JSON)')).toBeTruthy();
    expect(screen.getByTestId('trace-span-count').textContent).toBe('2');
    expect(terminated).toHaveLength(1);
  });

  it('a chosen file of several traces shows a chooser; a row opens its trace', async () => {
    const router = renderAt('/somewhere');
    const input = screen.getByTestId('trace-file-input');
    fireEvent.change(input, { target: { files: [fileOf('two.json', { data: [...jaegerFileOf(checkout).data, ...jaegerFileOf(batch).data] })] } });
    await waitFor(() => expect(router.state.location.pathname).toBe('/traces/file/two.json'));
    const chooser = await screen.findByTestId('trace-file-chooser');
    expect(chooser.querySelectorAll('tbody tr')).toHaveLength(2);
    fireEvent.click(screen.getByRole('link', { name: /batch nightly/ }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(router.state.location.search).toBe(`?trace=${batch[0]!.spanContext().traceId}`);
    fireEvent.click(screen.getByRole('link', { name: /all 2 traces in this file/ }));
    expect(await screen.findByTestId('trace-file-chooser')).toBeTruthy();
  });

  it('a file that is not a trace says which formats were tried, as text, and the page stays usable', async () => {
    renderAt('/traces/file/x');
    drop(fileOf('evil.json', { dashboard: HOSTILE }));
    const error = await screen.findByTestId('trace-file-error');
    expect(error.textContent).toContain('This is not a trace file Watchfloor can read. Tried:');
    expect(error.textContent).toContain('- Zipkin v2 JSON: needs an array of spans, got an object');
    drop(fileOf(HOSTILE, `${HOSTILE} not json`));
    await waitFor(() => expect(screen.getByTestId('trace-file-error').textContent).toContain(`The file is not JSON (`));
    expect(screen.getByTestId('trace-file-error').textContent).toContain(`it starts ${JSON.stringify(HOSTILE).slice(0, 40)}`);
    expect(document.querySelector('img, script')).toBeNull();
    // Another file still opens.
    drop(fileOf('good.json', sdkOtlpJson(checkout)));
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('shows the reading progress with a cancel button that stops the job', async () => {
    mode = 'hang';
    renderAt('/traces/file/x');
    drop(fileOf('big.json', sdkOtlpJson(checkout)));
    const progress = await screen.findByTestId('trace-file-progress');
    expect(progress.dataset.phase).toBe('reading');
    expect(progress.textContent).toMatch(/Opening big\.json \(.+\).*Reading 0 B of/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opening big.json was cancelled.Open a file'));
    expect(terminated).toHaveLength(1);
  });
});
