import { useEffect, useState } from 'react';

export type WakeLockStatus = 'held' | 'unavailable-insecure' | 'unsupported' | 'denied' | 'released';

interface WakeLockSentinelLike {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

/**
 * Keeps the screen awake where the browser allows it (the Wake Lock API needs a secure context: HTTPS or
 * localhost), and takes the lock again when the tab becomes visible, since the browser drops it on hide.
 * On plain HTTP it says so; README lists the kiosk browser flags that keep the screen on instead.
 */
export function useScreenWakeLock(enabled: boolean, win: Window = window): WakeLockStatus {
  const [status, setStatus] = useState<WakeLockStatus>('released');
  const wakeLock = win.isSecureContext ? (win.navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock : undefined;
  useEffect(() => {
    if (!enabled || !wakeLock) return;
    let sentinel: WakeLockSentinelLike | undefined;
    let disposed = false;
    const acquire = () => {
      if (win.document.visibilityState !== 'visible') return;
      wakeLock.request('screen').then(
        (s) => {
          if (disposed) {
            void s.release();
            return;
          }
          sentinel = s;
          setStatus('held');
          s.addEventListener('release', () => {
            if (!disposed) setStatus('released');
          });
        },
        () => {
          if (!disposed) setStatus('denied');
        },
      );
    };
    acquire();
    win.document.addEventListener('visibilitychange', acquire);
    return () => {
      disposed = true;
      win.document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [enabled, win, wakeLock]);
  if (!win.isSecureContext) return 'unavailable-insecure';
  if (!wakeLock) return 'unsupported';
  return status;
}

export const WAKE_LOCK_TEXT: Readonly<Record<WakeLockStatus, string>> = {
  held: 'screen kept awake',
  'unavailable-insecure': 'wake lock unavailable (needs HTTPS); see README for kiosk flags',
  unsupported: 'wake lock unsupported by this browser',
  denied: 'wake lock refused by the browser',
  released: 'wake lock released',
};
