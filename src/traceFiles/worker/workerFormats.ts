import { jaegerFileTrace } from '../../datasources/jaeger/fileTrace';
import { zipkinFileSpans } from '../../datasources/zipkin/fileSpans';
import { traceFileFormats } from '../index';

/** Every format a file is tried as, with the converters the adapters own: what the worker runs, and its tests. */
export const WORKER_FORMATS = traceFileFormats({ jaeger: jaegerFileTrace, zipkin: zipkinFileSpans });
