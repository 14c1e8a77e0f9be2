import { yieldToEventLoop } from '../../lib/yieldTask';
import type { DemoLogScenario } from '../logs/scenario';

/**
 * The messages between the page and the demo worker. Everything is plain strings and numbers, so
 * structured clone carries it unchanged between threads (Request and Response objects cannot be posted).
 */

export interface SerializedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  /** Null for GET and HEAD, which carry no body. */
  body: string | null;
}

export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  /**
   * The body's bytes, posted in the message's transfer list: a 47 MB trace moves to the page without a
   * copy, and the page reads it with the browser's own decoder instead of a JavaScript stream reader.
   */
  body: ArrayBuffer;
}

/** Sent once, first: what the worker needs to build the same demo the page would have built. */
export interface BootMessage {
  type: 'boot';
  /** Anchors the incident schedule. */
  anchorMs: number;
  /** The page's `Date.now()` when it posted this; the worker keeps its "now" this far from its own clock. */
  pageNowMs: number;
  /** Undefined: the simulator's default seed. */
  seed?: number;
  /** Undefined: the simulated system's own services, unrepeated. */
  services?: number;
  /** The log scenario asked for in the boot URL (burst, steady batch stream, entries cap). */
  logs?: DemoLogScenario;
}

export interface RequestMessage {
  type: 'request';
  id: number;
  request: SerializedRequest;
}

/** The page no longer wants the answer to `id` (its signal aborted). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** The page's in-app websocket opens a tail (`url`: the Loki tail URL the adapter built). */
export interface SocketOpenMessage {
  type: 'socket-open';
  id: number;
  url: string;
}

/** The page closed its socket. */
export interface SocketCloseMessage {
  type: 'socket-close';
  id: number;
}

export type PageToWorkerMessage = BootMessage | RequestMessage | CancelMessage | SocketOpenMessage | SocketCloseMessage;

/** What happened on the worker's side of an in-app socket: opened, a text frame, closed (code, reason), refused. */
export type SocketEventMessage =
  | { type: 'socket-event'; id: number; event: 'open' }
  | { type: 'socket-event'; id: number; event: 'message'; data: string }
  | { type: 'socket-event'; id: number; event: 'close'; code: number; reason: string }
  | { type: 'socket-event'; id: number; event: 'refused'; status: number; message: string };

export interface ResponseMessage {
  type: 'response';
  id: number;
  response: SerializedResponse;
}

export type WorkerToPageMessage = ResponseMessage;

/** Statuses whose Response must be built with a null body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export async function serializeRequest(request: Request): Promise<SerializedRequest> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return { method: request.method, url: request.url, headers: [...request.headers], body: hasBody ? await request.text() : null };
}

export function deserializeRequest(request: SerializedRequest, signal?: AbortSignal): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body: request.body, signal: signal ?? null });
}

/**
 * The response with its whole body read, or undefined when `signal` aborts first. The body is read in
 * slices with a yield to the event loop between them (about every `SLICE_MS`): a streamed body of
 * 100,000 spans takes a second or more to write, and a cancel message from the page must be able to
 * stop it part-way (cancelling the stream stops the writer) rather than wait for the end. Like a server
 * that knows the whole body, it states its Content-Length, so the page's byte cap can refuse an
 * oversized answer before reading it.
 */
export async function serializeResponse(response: Response, signal?: AbortSignal): Promise<SerializedResponse | undefined> {
  const body = await readAllBytes(response, signal);
  if (body === undefined) return undefined;
  const headers = [...response.headers];
  if (!NULL_BODY_STATUSES.has(response.status) && !response.headers.has('content-length') && !response.headers.has('content-encoding')) {
    headers.push(['content-length', String(body.byteLength)]);
  }
  return { status: response.status, statusText: response.statusText, headers, body };
}

/** How long the worker writes a body before it lets queued messages (a cancel) run. */
const SLICE_MS = 20;

async function readAllBytes(response: Response, signal: AbortSignal | undefined): Promise<ArrayBuffer | undefined> {
  if (response.body === null) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  if (chunks.length === 1 && chunks[0]?.byteOffset === 0 && chunks[0].byteLength === chunks[0].buffer.byteLength && chunks[0].buffer instanceof ArrayBuffer) {
    return chunks[0].buffer;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out.buffer;
}

/** A plain-text body as the bytes a SerializedResponse carries. */
export function textBody(text: string): ArrayBuffer {
  const bytes = new TextEncoder().encode(text);
  return bytes.buffer.byteLength === bytes.byteLength ? bytes.buffer : bytes.slice().buffer;
}

export function deserializeResponse(response: SerializedResponse): Response {
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

export function isWorkerToPageMessage(data: unknown): data is WorkerToPageMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'response' && typeof (data as { id?: unknown }).id === 'number';
}

export function isPageToWorkerMessage(data: unknown): data is PageToWorkerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === 'boot' || type === 'request' || type === 'cancel' || type === 'socket-open' || type === 'socket-close';
}

export function isSocketEventMessage(data: unknown): data is SocketEventMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'socket-event' && typeof (data as { id?: unknown }).id === 'number';
}
