import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceError, isRetryableError, type DataSourceErrorKind } from '../../../lib/errors';
import type { DataSource, FetchFn } from '../../types';

/**
 * The machinery every capability suite shares. A suite is a list of named checks; each takes the adapter's
 * fixture and an msw server (`onUnhandledRequest: 'error'`, so a request the fixture did not foresee fails).
 * `runConformance` registers the checks as vitest tests; the checks are plain async functions too, so a
 * suite's own test can show that a wrong adapter fails them.
 */

/** Answers one request with a recorded body, as the real server sent it. */
export type Responder = () => Response | Promise<Response>;

export interface ConformanceCheck<F> {
  name: string;
  run(fixture: F, server: SetupServer): Promise<void>;
}

/** What every suite's fixture says about its adapter, whatever the capability. */
export interface AdapterFixture {
  /** The adapter's name in test titles, e.g. "prometheus". */
  adapter: string;
  /** The server name the adapter's messages use, e.g. "Prometheus": a parse error must name it. */
  serverName: string;
  /** The datasource's configured URL; every request of the call under test goes under it. */
  baseUrl: string;
  /** Builds the adapter with the fetch it must use (the suite wraps fetch to watch signals). */
  create(fetchFn: FetchFn): DataSource;
}

/** The failures every server can answer with; recorded from the real server's own wire format. */
export interface RecordedFailures {
  /** An internal error as this server sends it (HTTP 5xx). */
  serverError: Responder;
  /** The server rejecting the query; `message` is its own text, which must reach the user. */
  badQuery: { respond: Responder; message: string };
  /** A real-shape success body with one field wrong; the error must name `field` and the server. */
  malformed: { respond: Responder; field: string };
  /** A real-shape success body with nothing in it; also cut in half for the truncated-JSON check. */
  empty: Responder;
}

/** One capability call, as the suite makes it: with the signal it must pass down. */
export type Call<F> = (ds: DataSource, signal: AbortSignal, fixture: F) => Promise<unknown>;

/** The test server, listening for the describe block it is called in. */
export function useConformanceServer(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** `useConformanceServer` that also lists the URL of every request of the current test (cleared after each). */
export function recordingServer(): { server: SetupServer; requests: URL[] } {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  const requests: URL[] = [];
  server.events.on('request:start', ({ request }) => void requests.push(new URL(request.url)));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  return { server, requests };
}

export function runConformance<F extends AdapterFixture>(capability: string, checks: readonly ConformanceCheck<F>[], fixture: F): void {
  describe(`${fixture.adapter} conforms to the ${capability} contract`, () => {
    const server = useConformanceServer();
    for (const check of checks) it(check.name, () => check.run(fixture, server));
  });
}

/** msw looks fetch up on globalThis once it listens; this fetch also records the signal of every request. */
export function watchedFetch(): { fetchFn: FetchFn; signals: Array<AbortSignal | undefined> } {
  const signals: Array<AbortSignal | undefined> = [];
  const fetchFn: FetchFn = (input, init) => {
    signals.push(init?.signal ?? (input instanceof Request ? input.signal : undefined));
    return globalThis.fetch(input, init);
  };
  return { fetchFn, signals };
}

/** Every request under the base URL, whatever its path and method. */
export function answerAll(server: SetupServer, baseUrl: string, resolver: HttpResponseResolver): void {
  server.use(http.all(`${baseUrl.replace(/\/+$/, '')}/*`, resolver));
}

/** How long a call may take to notice an abort; a dropped signal would otherwise hang the suite. */
const SETTLE_MS = 2_000;

/** The promise, or a failure saying it did not settle in time (so a broken adapter fails rather than hangs). */
export function settlesWithin<T>(promise: Promise<T>, ms: number, when: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the call did not settle within ${ms} ms ${when}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function rejection(promise: Promise<unknown>): Promise<DataSourceError> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    expect(error, 'every failure must be a DataSourceError').toBeInstanceOf(DataSourceError);
    return error as DataSourceError;
  }
  throw new Error(`expected the call to fail, it returned ${JSON.stringify(result)?.slice(0, 200)}`);
}

function expectKind(error: DataSourceError, kind: DataSourceErrorKind): void {
  expect(error.kind, `kind of "${error.message}"`).toBe(kind);
}

/**
 * The checks every capability shares: cancellation, error kinds, malformed and non-JSON bodies. `call` makes
 * the capability's request; the capability suite adds its own checks (values, empty results, warnings).
 */
export function commonChecks<F extends AdapterFixture & { recorded: RecordedFailures }>(call: Call<F>): ConformanceCheck<F>[] {
  return [
    {
      name: 'an abort while the request is in flight rejects with kind "aborted" and aborts the request itself',
      async run(fixture, server) {
        let arrived!: () => void;
        const inFlight = new Promise<void>((resolve) => (arrived = resolve));
        answerAll(server, fixture.baseUrl, () => {
          arrived();
          return new Promise<Response>(() => undefined);
        });
        const { fetchFn, signals } = watchedFetch();
        const controller = new AbortController();
        const pending = call(fixture.create(fetchFn), controller.signal, fixture);
        pending.catch(() => undefined);
        await inFlight;
        controller.abort();
        expectKind(await rejection(settlesWithin(pending, SETTLE_MS, 'after the abort')), 'aborted');
        expect(signals.length, 'requests sent').toBeGreaterThan(0);
        for (const signal of signals) expect(signal?.aborted, 'the signal handed to fetch was aborted').toBe(true);
      },
    },
    {
      name: 'an already-aborted signal rejects with kind "aborted" and sends nothing',
      async run(fixture, server) {
        let requests = 0;
        answerAll(server, fixture.baseUrl, () => {
          requests++;
          return fixture.recorded.empty();
        });
        expectKind(await rejection(call(fixture.create(watchedFetch().fetchFn), AbortSignal.abort(), fixture)), 'aborted');
        expect(requests, 'requests sent').toBe(0);
      },
    },
    {
      name: 'a server error is kind "http" with its status, and may be retried',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.serverError);
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'http');
        expect(error.status).toBeGreaterThanOrEqual(500);
        expect(isRetryableError(error)).toBe(true);
      },
    },
    {
      name: "a bad query is kind \"query\" with the server's own message, never retried",
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.badQuery.respond);
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'query');
        expect(error.message).toContain(fixture.recorded.badQuery.message);
        expect(isRetryableError(error)).toBe(false);
      },
    },
    {
      name: 'an unreachable server is kind "network", naming the server\'s address',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, () => HttpResponse.error());
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'network');
        expect(error.message).toContain(new URL(fixture.baseUrl).host);
      },
    },
    {
      name: 'a malformed body is kind "parse", naming the server and the field',
      async run(fixture, server) {
        answerAll(server, fixture.baseUrl, fixture.recorded.malformed.respond);
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'parse');
        expect(error.message).toContain(fixture.recorded.malformed.field);
        expect(error.message).toContain(fixture.serverName);
      },
    },
    {
      name: 'truncated JSON is kind "parse" and says it is not valid JSON',
      async run(fixture, server) {
        const whole = await (await fixture.recorded.empty()).text();
        answerAll(server, fixture.baseUrl, () => new HttpResponse(whole.slice(0, Math.floor(whole.length / 2)), { headers: { 'Content-Type': 'application/json' } }));
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'parse');
        expect(error.message).toMatch(/not valid JSON/);
      },
    },
    {
      name: 'an HTML page with status 200 (a proxy or SPA fallback) is kind "parse" and names the page',
      async run(fixture, server) {
        const page = '<!doctype html><html><head><title>Sign in</title></head><body><h1>Sign in</h1></body></html>';
        answerAll(server, fixture.baseUrl, () => new HttpResponse(page, { headers: { 'Content-Type': 'text/html' } }));
        const error = await rejection(call(fixture.create(watchedFetch().fetchFn), new AbortController().signal, fixture));
        expectKind(error, 'parse');
        expect(error.message).toContain('HTML page');
        expect(error.message).toContain('Sign in');
        expect(error.message).not.toContain('<title>');
      },
    },
  ];
}

/** `Object.is` per element, so NaN equals NaN and the sign of Infinity counts. */
export function expectSameNumbers(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(Array.from(actual).map(String), what).toEqual(expected.map(String));
}
