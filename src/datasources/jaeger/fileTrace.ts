import type { Trace } from '../../model/trace';
import { shapeReaders } from '../shared/shape';
import { parseV1Trace } from './v1Trace';

const FILE_READERS = shapeReaders('the file');

/**
 * The converter trace-file import (src/traceFiles, `jaegerFormat`) is handed for one Jaeger trace object in
 * a file: the v1 JSON reader, its errors naming the file rather than a server. Its own module, so the
 * trace-file worker bundles the reader and not the HTTP adapter.
 */
export function jaegerFileTrace(raw: unknown, path: string): Trace {
  return parseV1Trace(raw, path, FILE_READERS);
}
