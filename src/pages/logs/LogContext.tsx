import { useQuery } from '@tanstack/react-query';
import { logContextQueryOptions } from '../../datasources/logQueries';
import type { DataSource } from '../../datasources/types';
import type { LogLine } from '../../model/logs';
import { errorText } from '../shared/panelQuery';
import { LEVEL_COLORS, LEVEL_TEXT } from './levels';
import { LogLineText } from './LogLineText';
import { formatLogTime, type TimeZoneMode } from './timeFormat';

export const CONTEXT_SIZE = { before: 10, after: 10 };

interface ContextProps {
  ds: DataSource;
  line: LogLine;
  side: 'before' | 'after';
  timeZone: TimeZoneMode;
}

/** The lines just before or after a line in its own stream (`grep -C`), drawn around it in the list. */
export function LogContext({ ds, line, side, timeZone }: ContextProps) {
  const query = useQuery(logContextQueryOptions(ds, line, CONTEXT_SIZE));
  if (query.isPending) {
    return side === 'before' ? (
      <div className="log-context-status" role="status">
        Loading context…
      </div>
    ) : null;
  }
  if (query.isError) {
    return side === 'before' ? (
      <div className="log-context-status error" role="alert">
        Context failed: {errorText(query.error)}
      </div>
    ) : null;
  }
  const lines = query.data[side];
  return (
    <div className={`log-context ${side}`} data-testid={`log-context-${side}`} aria-label={`${lines.length} lines ${side} in the same stream`}>
      {lines.length === 0 ? <div className="log-context-status">No lines {side} this one in its stream.</div> : null}
      {lines.map((l) => (
        <div key={l.key} className="log-context-row" data-testid="log-context-row">
          <span className="log-time">{formatLogTime(l.timeMs, timeZone)}</span>
          <span className="log-level" style={{ color: LEVEL_COLORS[l.level] }}>
            {LEVEL_TEXT[l.level]}
          </span>
          <span className="log-line">
            <LogLineText line={l.line} regexes={[]} pretty={false} />
          </span>
        </div>
      ))}
    </div>
  );
}
