import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { LogQueryLanguage } from '../../datasources/types';
import { logLineTraceUrl } from '../../model/logLinks';
import type { LogLine } from '../../model/logs';
import { labelStats, valueStats, type ValueStats } from './fieldStats';
import { lineFields } from './fields';
import { Runs } from './LogLineText';
import { ansiRuns, prettyJson, ROW_MAX_CHARS, stripAnsi } from './lineText';
import type { FilterMode, FilterTarget } from './queryEdit';
import { formatNanosUtc } from './timeFormat';

export interface LogDetailsProps {
  line: LogLine;
  language: LogQueryLanguage;
  /** All lines in hand, for per-field value statistics. */
  lines: readonly LogLine[];
  regexes: readonly RegExp[];
  /** Absolute URL of this line (the page, its query, a window around the line, the line's key). */
  lineLink: string;
  onFilter: (target: FilterTarget, mode: FilterMode) => void;
  /** Present when the datasource can show a line's context. */
  onContext?: (() => void) | undefined;
  contextOpen?: boolean;
}

interface DetailRow {
  group: 'Labels' | 'Metadata' | 'Fields';
  target: Exclude<FilterTarget, { kind: 'text' }>;
}

function copy(text: string): void {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/** Everything known of one line: its labels, metadata and parsed fields (parsed now, not before), with actions. */
export function LogDetails({ line, language, lines, regexes, lineLink, onFilter, onContext, contextOpen }: LogDetailsProps) {
  const [showAll, setShowAll] = useState(false);
  const [statsFor, setStatsFor] = useState<string | undefined>();
  const rows = useMemo<DetailRow[]>(() => {
    const out: DetailRow[] = [];
    for (const [name, value] of Object.entries(line.stream.labels)) out.push({ group: 'Labels', target: { kind: 'label', name, value } });
    for (const [name, value] of Object.entries(line.metadata ?? {})) out.push({ group: 'Metadata', target: { kind: 'metadata', name, value } });
    for (const f of lineFields(line)) out.push({ group: 'Fields', target: { kind: 'field', name: f.name, value: f.value, parser: f.parser } });
    return out;
  }, [line]);
  const traceUrl = logLineTraceUrl(line);
  const pretty = prettyJson(line.line);
  const long = line.line.length > ROW_MAX_CHARS;
  const shown = long && !showAll ? line.line.slice(0, ROW_MAX_CHARS) : (pretty ?? line.line);
  return (
    <div className="log-details" data-testid="log-details" onClick={(e) => e.stopPropagation()}>
      <div className="log-details-actions">
        <button type="button" onClick={() => copy(stripAnsi(line.line))}>
          Copy line
        </button>
        <button type="button" onClick={() => copy(lineLink)}>
          Copy link
        </button>
        {onContext ? (
          <button type="button" aria-pressed={contextOpen === true} onClick={onContext}>
            {contextOpen ? 'Hide context' : 'Show context'}
          </button>
        ) : null}
        {traceUrl ? (
          <Link to={traceUrl} className="log-details-trace" data-testid="log-details-trace-link">
            Open trace {line.traceId}
          </Link>
        ) : null}
        <span className="log-details-time" title="Server timestamp, nanoseconds">
          {formatNanosUtc(line.timeNs)}
        </span>
      </div>
      <pre className="log-details-line">
        <Runs runs={ansiRuns(shown)} regexes={regexes} />
      </pre>
      {long ? (
        <button type="button" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show less' : `Show all (${line.line.length.toLocaleString('en-US')} characters)`}
        </button>
      ) : null}
      <table className="log-fields">
        <tbody>
          {rows.map((row, i) => {
            const { name, value } = row.target;
            const id = `${row.group}:${name}`;
            const first = i === 0 || rows[i - 1]!.group !== row.group;
            return (
              <FieldRow
                key={id}
                row={row}
                groupHeading={first ? row.group : undefined}
                language={language}
                statsOpen={statsFor === id}
                onStats={() => setStatsFor(statsFor === id ? undefined : id)}
                stats={statsFor === id ? statsOf(row, lines) : undefined}
                onFilter={onFilter}
                name={name}
                value={value}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function statsOf(row: DetailRow, lines: readonly LogLine[]): ValueStats {
  const t = row.target;
  if (t.kind === 'label') return labelStats(lines, t.name);
  if (t.kind === 'metadata') return valueStats(lines, (l) => l.metadata?.[t.name]);
  return valueStats(lines, (l) => lineFields(l).find((f) => f.name === t.name)?.value);
}

interface FieldRowProps {
  row: DetailRow;
  groupHeading: string | undefined;
  language: LogQueryLanguage;
  name: string;
  value: string;
  statsOpen: boolean;
  stats: ValueStats | undefined;
  onStats: () => void;
  onFilter: (target: FilterTarget, mode: FilterMode) => void;
}

function FieldRow({ row, groupHeading, name, value, statsOpen, stats, onStats, onFilter }: FieldRowProps) {
  return (
    <>
      {groupHeading ? (
        <tr>
          <th colSpan={3} className="log-fields-group">
            {groupHeading}
          </th>
        </tr>
      ) : null}
      <tr className="log-field" data-testid="log-field" data-field={name}>
        <td className="log-field-actions">
          <button type="button" title="Filter for this value" aria-label={`Filter for ${name}=${value}`} onClick={() => onFilter(row.target, 'for')}>
            +
          </button>
          <button type="button" title="Filter out this value" aria-label={`Filter out ${name}=${value}`} onClick={() => onFilter(row.target, 'out')}>
            −
          </button>
          <button type="button" title="Value statistics over the lines in hand" aria-label={`Statistics of ${name}`} aria-pressed={statsOpen} onClick={onStats}>
            ▤
          </button>
        </td>
        <td className="log-field-name">{name}</td>
        <td className="log-field-value">{value}</td>
      </tr>
      {stats ? (
        <tr>
          <td />
          <td colSpan={2}>
            <FieldStats name={name} stats={stats} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function FieldStats({ name, stats }: { name: string; stats: ValueStats }) {
  return (
    <div className="log-field-stats" data-testid="log-field-stats">
      <div className="hint">
        {name} in {stats.present.toLocaleString('en-US')} of {stats.total.toLocaleString('en-US')} lines, {stats.distinct.toLocaleString('en-US')} distinct values
      </div>
      <ol>
        {stats.top.map((v) => (
          <li key={v.value}>
            <span className="log-stat-bar" style={{ width: `${(100 * v.count) / Math.max(1, stats.present)}%` }} />
            <span className="log-stat-value">{v.value}</span>
            <span className="log-stat-count">
              {v.count.toLocaleString('en-US')} ({((100 * v.count) / Math.max(1, stats.present)).toFixed(1)}%)
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
