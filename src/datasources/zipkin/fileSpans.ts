import type { Trace } from '../../model/trace';
import { shapeReaders } from '../shared/shape';
import { parseZipkinTraces } from './spans';

const FILE_READERS = shapeReaders('the file');

/**
 * The converter trace-file import (src/traceFiles, `zipkinFormat`) is handed for Zipkin v2 spans in a file,
 * of one trace or several: the adapter's reader (shared spans split, reports merged), errors naming the
 * file. Its own module, so the trace-file worker bundles the reader and not the HTTP adapter.
 */
export function zipkinFileSpans(spans: readonly unknown[], path: string): Trace[] {
  return parseZipkinTraces(spans, path, FILE_READERS);
}
