import type { OpenSocket, SocketLike } from '../model/datasourceConfig';
import type { SocketEventMessage } from './worker/protocol';

/** How page-side sockets reach the tails: the demo worker, or the in-process demo (node, jsdom). */
export interface SocketTransport {
  open(id: number, url: string): void;
  close(id: number): void;
  /** Registers the one listener for every socket's events. */
  listen(listener: (message: SocketEventMessage) => void): void;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
/** What a browser reports when the handshake failed or the connection died: no close frame was received. */
const ABNORMAL_CLOSURE = 1006;

function closeEvent(code: number, reason: string, wasClean: boolean): CloseEvent {
  // Node has no CloseEvent; an Event carrying the same fields is what handlers read.
  if (typeof CloseEvent === 'function') return new CloseEvent('close', { code, reason, wasClean });
  return Object.assign(new Event('close'), { code, reason, wasClean }) as CloseEvent;
}

/**
 * A WebSocket lookalike over the demo's in-app tail: the events a browser's WebSocket fires against a real
 * Loki, in the same order. A tail Loki refuses before the upgrade (HTTP 400, a bad query) gives `error` then
 * `close` 1006 with no reason, exactly what a browser sees (the adapter learns why from query_range).
 */
class InAppSocket implements SocketLike {
  readyState = CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(
    private readonly id: number,
    private readonly transport: SocketTransport,
    private readonly forget: (id: number) => void,
  ) {}

  close(code = 1000, reason = ''): void {
    if (this.readyState === CLOSING || this.readyState === CLOSED) return;
    this.readyState = CLOSING;
    this.transport.close(this.id);
    setTimeout(() => this.finish(code, reason, true), 0);
  }

  handle(message: SocketEventMessage): void {
    if (this.readyState === CLOSED) return;
    switch (message.event) {
      case 'open':
        if (this.readyState !== CONNECTING) return;
        this.readyState = OPEN;
        this.onopen?.(new Event('open'));
        return;
      case 'message':
        if (this.readyState !== OPEN) return;
        this.onmessage?.(new MessageEvent('message', { data: message.data }));
        return;
      case 'close':
        this.finish(message.code, message.reason, true);
        return;
      case 'refused':
        this.onerror?.(new Event('error'));
        this.finish(ABNORMAL_CLOSURE, '', false);
        return;
    }
  }

  /** The connection is gone without a close frame (the worker died). */
  drop(): void {
    if (this.readyState === CLOSED) return;
    this.onerror?.(new Event('error'));
    this.finish(ABNORMAL_CLOSURE, '', false);
  }

  private finish(code: number, reason: string, wasClean: boolean): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.forget(this.id);
    this.onclose?.(closeEvent(code, reason, wasClean));
  }
}

/** An `OpenSocket` over `transport`, plus `dropAll` for when the transport itself fails. */
export function createSocketOpener(transport: SocketTransport): { openSocket: OpenSocket; dropAll(): void } {
  const sockets = new Map<number, InAppSocket>();
  let nextId = 1;
  transport.listen((message) => sockets.get(message.id)?.handle(message));
  const forget = (id: number): void => {
    sockets.delete(id);
  };
  return {
    openSocket: (url) => {
      const id = nextId++;
      const socket = new InAppSocket(id, transport, forget);
      sockets.set(id, socket);
      transport.open(id, url);
      return socket;
    },
    dropAll: () => {
      for (const socket of [...sockets.values()]) socket.drop();
    },
  };
}
