import { useEffect, useState } from 'react';
import type { TailStatus } from '../../../model/logs';
import './tail.css';

export interface TailIndicatorProps {
  status: TailStatus;
  paused: boolean;
  linesPerSecond: number;
  dropped: number;
  capacity: number;
  held: number;
  /** Lines received since the view froze; shown while paused. */
  pending?: number;
  onPause(): void;
  onResume(): void;
  /** The error that ended the tail, if one did (useLiveTail's `error`). */
  error?: Error;
}

const seconds = (ms: number): number => Math.max(0, Math.ceil(ms / 1000));

/** Counts down a reconnect's "retry in N s" from when the status arrived. */
function useRetryCountdown(status: TailStatus): number | undefined {
  const [tick, setTick] = useState<{ status: TailStatus; remainingMs: number } | undefined>(undefined);
  useEffect(() => {
    if (status.state !== 'reconnecting') return;
    const due = Date.now() + status.retryInMs;
    const id = setInterval(() => setTick({ status, remainingMs: due - Date.now() }), 250);
    return () => clearInterval(id);
  }, [status]);
  if (status.state !== 'reconnecting') return undefined;
  return tick?.status === status ? tick.remainingMs : status.retryInMs;
}

export function tailStatusText(status: TailStatus, remainingMs?: number): string {
  switch (status.state) {
    case 'connecting':
      return 'Connecting…';
    case 'live':
      return status.transport === 'websocket' ? 'Live (websocket)' : 'Live (polling)';
    case 'reconnecting':
      return `Reconnecting (attempt ${status.attempt}), retry in ${seconds(remainingMs ?? status.retryInMs)} s: ${status.reason}`;
    case 'closed':
      return status.reason ? `Closed: ${status.reason}` : 'Closed';
  }
}

// One formatter (the default locale, as toLocaleString): toLocaleString builds one per call, and the
// indicator redraws with every flush of the tail, 4×/s.
const INTEGER = new Intl.NumberFormat();
const count = (n: number): string => INTEGER.format(n);
const rate = (n: number): string => (n >= 100 ? count(Math.round(n)) : n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** The live tail's state line: connection, "N lines/s, M dropped", buffer fill, pause/resume, and any error. */
export function TailIndicator({ status, paused, linesPerSecond, dropped, capacity, held, pending = 0, onPause, onResume, error }: TailIndicatorProps) {
  const remainingMs = useRetryCountdown(status);
  const canPause = status.state !== 'closed' || paused;
  return (
    <div className="tail-indicator" data-testid="tail-indicator" data-state={status.state} data-paused={paused}>
      <span className={`tail-dot tail-${status.state}`} aria-hidden="true" />
      <span className="tail-status" role="status">
        {tailStatusText(status, remainingMs)}
        {paused && <strong className="tail-paused"> · Paused (view frozen, still receiving)</strong>}
      </span>
      {paused && (
        <span className="tail-pending" data-testid="tail-pending" title="Lines received since the view was paused; resume to see them">
          {count(pending)} new
        </span>
      )}
      <span className="tail-rate">{rate(linesPerSecond)} lines/s</span>
      <span className={dropped > 0 ? 'tail-dropped has-dropped' : 'tail-dropped'} title="Lines the server dropped plus lines pushed out of the buffer">
        {count(dropped)} dropped
      </span>
      <span className="tail-held" title="Lines held in the live buffer / its capacity">
        {count(held)} / {count(capacity)} held
      </span>
      <button type="button" onClick={paused ? onResume : onPause} disabled={!canPause} aria-pressed={paused}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      {error && (
        <span className="tail-error" role="alert">
          {error.message}
        </span>
      )}
    </div>
  );
}
