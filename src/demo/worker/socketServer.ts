import type { TailOpener } from '../logHandlers';
import type { SocketCloseMessage, SocketEventMessage, SocketOpenMessage } from './protocol';

/**
 * The worker side of the in-app websocket: a `socket-open` starts a Loki tail whose frames go back as
 * `socket-event` messages; `socket-close` from the page stops it. A tail Loki would refuse before the
 * upgrade (a bad query) is reported as `refused`, which the page's socket turns into what a browser sees.
 */
export function createSocketServer(
  tailOpener: () => Promise<TailOpener>,
  post: (message: SocketEventMessage) => void,
): (message: SocketOpenMessage | SocketCloseMessage) => void {
  const open = new Map<number, () => void>();
  const closedEarly = new Set<number>();
  return (message) => {
    if (message.type === 'socket-close') {
      const stop = open.get(message.id);
      if (stop === undefined) closedEarly.add(message.id);
      stop?.();
      open.delete(message.id);
      return;
    }
    const { id, url } = message;
    void tailOpener().then((openTail) => {
      if (closedEarly.delete(id)) return;
      let ended = false;
      const result = openTail(url, {
        send: (data) => {
          if (!ended) post({ type: 'socket-event', id, event: 'message', data });
        },
        close: (code, reason) => {
          if (ended) return;
          ended = true;
          open.get(id)?.();
          open.delete(id);
          post({ type: 'socket-event', id, event: 'close', code, reason });
        },
      });
      if (typeof result !== 'function') {
        post({ type: 'socket-event', id, event: 'refused', status: result.status, message: result.message });
        return;
      }
      open.set(id, result);
      // startTail sends nothing before its first timer fires, so `open` reaches the page before any frame.
      post({ type: 'socket-event', id, event: 'open' });
    });
  };
}
