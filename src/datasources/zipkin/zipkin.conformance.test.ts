import { HttpResponse } from 'msw';
import { runTracesConformance } from '../shared/conformance/traces';
import { createZipkinDataSource } from './index';

// Zipkin's own wire format (shared/reference/datasource-apis.md §5): JSON span lists, text/plain errors.

const BASE = 'http://zipkin.conformance:9411';
const TRACE = '5af7183fb1d4cf5f';
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });
const text = (body: string, status: number) => new HttpResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
const span = (id: string, parentId?: string) => ({
  traceId: TRACE, ...(parentId === undefined ? {} : { parentId }), id, kind: 'SERVER', name: 'get /api',
  timestamp: 1556604172355737, duration: 1431,
  localEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 },
  tags: { 'http.method': 'GET', 'http.path': '/api' },
});

runTracesConformance({
  adapter: 'zipkin',
  serverName: 'Zipkin',
  baseUrl: BASE,
  create: (fetchFn) => createZipkinDataSource({ uid: 'zipkin', kind: 'zipkin', name: 'Zipkin', url: BASE }, fetchFn),
  // Without its leading zeros and in capitals, as a user might paste it.
  traceId: TRACE.replace(/^0+/, '').toUpperCase(),
  recorded: {
    serverError: () => text('com.datastax.oss.driver.api.core.AllNodesFailedException: All 1 node(s) tried for the query failed', 500),
    badQuery: { respond: () => text('0a1B should be lower-hex encoded with no prefix', 400), message: '0a1B should be lower-hex encoded with no prefix' },
    malformed: { respond: () => json([{ ...span('352bff9a74ca9ad2'), timestamp: '1556604172355737' }]), field: '[0].timestamp' },
    empty: () => json([]),
    trace: { respond: () => json([span('352bff9a74ca9ad2'), span('6b221d5bc9e6496c', '352bff9a74ca9ad2')]), spanCount: 2 },
    notFound: () => text(`${TRACE} not found`, 404),
    partial: { respond: () => json([span('352bff9a74ca9ad2', '6b221d5bc9e6496c')]), warning: /parent that is not in the trace/ },
  },
});
