import { useEffect, useRef } from 'react';

/** Typed in order within this long, the sequence leaves kiosk mode. Esc alone never does. */
export const KIOSK_EXIT_SEQUENCE = 'exit';
const WINDOW_MS = 3000;

/** Calls `onExit` when the keys of KIOSK_EXIT_SEQUENCE are typed in order within 3 s, anywhere on the page. */
export function useKioskExit(enabled: boolean, onExit: () => void, doc: Document = document): void {
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);
  useEffect(() => {
    if (!enabled) return;
    let typed = '';
    let startedAt = 0;
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.length === 1 ? event.key.toLowerCase() : '';
      if (key === '' || event.timeStamp - startedAt > WINDOW_MS) {
        typed = '';
        startedAt = event.timeStamp;
      }
      if (key === '') return;
      if (typed === '') startedAt = event.timeStamp;
      typed += key;
      if (!KIOSK_EXIT_SEQUENCE.startsWith(typed)) typed = KIOSK_EXIT_SEQUENCE.startsWith(key) ? key : '';
      if (typed === KIOSK_EXIT_SEQUENCE) {
        typed = '';
        exit.current();
      }
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [enabled, doc]);
}
