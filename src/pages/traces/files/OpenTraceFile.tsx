import { useCallback, useRef } from 'react';
import { useNavigate } from 'react-router';

/** What the file input offers first; any file can still be chosen, and is then told apart by its content. */
const ACCEPT = '.json,.jsonl,.ndjson,.txt,application/json';

/**
 * Opens a file and goes to its page, where its progress, its traces or why it is not a trace are shown.
 * The reader (store runner, worker client) is loaded on first use, so the top bar, on every page, carries
 * only this button.
 */
export function useOpenTraceFile(): (file: File) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async (file: File) => {
      const { openTraceFile, traceFileUrl } = await import('./openFile');
      await navigate(traceFileUrl(openTraceFile(file)));
    },
    [navigate],
  );
}

/** "Open trace file": a button over a hidden file input. Mounted in the top bar and on the trace pages. */
export function OpenTraceFile({ label = 'Open trace file' }: { label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const open = useOpenTraceFile();
  return (
    <span className="open-trace-file">
      <button type="button" onClick={() => input.current?.click()} title="Open a Jaeger, OTLP or Zipkin JSON file (or drop it on a trace page)">
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="trace-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void open(file);
        }}
      />
    </span>
  );
}
