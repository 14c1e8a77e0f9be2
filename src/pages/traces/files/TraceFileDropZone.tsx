import { useEffect, useState } from 'react';
import { useOpenTraceFile } from './OpenTraceFile';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Makes the whole page a drop target for a trace file while mounted (the trace pages mount it), with an
 * overlay while a file is dragged over. Only the first of several dropped files is opened; that is said.
 */
export function TraceFileDropZone() {
  const open = useOpenTraceFile();
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const files = e.dataTransfer?.files;
      if (files === undefined || files.length === 0) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      setNote(files.length > 1 ? `${files.length} files were dropped; only the first, ${files[0]!.name}, was opened.` : null);
      void open(files[0]!);
    };
    document.addEventListener('dragenter', enter);
    document.addEventListener('dragleave', leave);
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragenter', enter);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [open]);

  return (
    <>
      {dragging && (
        <div className="trace-drop-overlay" aria-hidden="true">
          Drop a Jaeger, OTLP or Zipkin JSON file to open it
        </div>
      )}
      {note !== null && (
        <p className="trace-notice" role="status">
          {note}
        </p>
      )}
    </>
  );
}
