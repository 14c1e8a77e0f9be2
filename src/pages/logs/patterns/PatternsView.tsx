import { useEffect, useEffectEvent } from 'react';
import { NEW_WINDOW_SHARE, patternSelection, type LogPattern, type PatternSelection } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';
import { createDefaultPatternsEngine, type PatternsEngine } from './patternsEngine';
import { PatternSparkline } from './PatternSparkline';
import { PatternTemplate } from './PatternTemplate';
import { usePatterns } from './usePatterns';
import './patterns.css';

/** Rows drawn at most; the rest are counted on screen. Patterns past a few hundred are noise to a reader. */
export const MAX_PATTERN_ROWS = 500;

export interface PatternsViewProps {
  /** The lines in hand, unfiltered (the list filters itself by the selection's `lineKeys`). */
  lines: readonly LogLine[];
  range: TimeRange;
  selectedId?: string;
  onSelect: (selection: PatternSelection | null) => void;
  /** Where patterns are computed; default: a Web Worker. Keep it stable (a module-level function). */
  createEngine?: () => PatternsEngine;
}

const percent = (share: number): string => (share >= 0.1 ? `${(share * 100).toFixed(0)}%` : share >= 0.001 ? `${(share * 100).toFixed(1)}%` : '<0.1%');
const clock = (ms: number): string => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The lines in hand grouped into Drain templates (model/logPatterns.ts), computed in a worker: count, share,
 * a sparkline over the range and a "new" mark; new ones first, then by count. Clicking a pattern selects it
 * (the list then shows only its lines), clicking it again clears the selection. When a new result arrives
 * while a pattern is selected, the selection is handed on again with the new result's lines, or cleared if
 * the pattern is gone.
 */
export function PatternsView({ lines, range, selectedId, onSelect, createEngine = createDefaultPatternsEngine }: PatternsViewProps) {
  const { settled, computing, error } = usePatterns(createEngine, lines, range);

  const refreshSelection = useEffectEvent((result: NonNullable<typeof settled>) => {
    if (selectedId === undefined) return;
    onSelect(patternSelection(result.result, result.lines, selectedId));
  });
  useEffect(() => {
    if (settled !== undefined) refreshSelection(settled);
  }, [settled]);

  const choose = (pattern: LogPattern): void => {
    if (settled === undefined) return;
    onSelect(pattern.id === selectedId ? null : patternSelection(settled.result, settled.lines, pattern.id));
  };

  const result = settled?.result;
  const shown = result?.patterns.slice(0, MAX_PATTERN_ROWS) ?? [];
  const state = error ? 'error' : result === undefined ? 'computing' : result.total === 0 ? 'empty' : 'ready';
  return (
    <section className="log-patterns" aria-label="Log patterns" data-testid="log-patterns" data-state={state} aria-busy={computing}>
      <header className="log-patterns-header">
        {result !== undefined && (
          <span>
            {result.patterns.length.toLocaleString()} {result.patterns.length === 1 ? 'pattern' : 'patterns'} in {result.total.toLocaleString()} lines
          </span>
        )}
        {computing && <span className="log-patterns-busy">Finding patterns in {lines.length.toLocaleString()} lines…</span>}
        {result?.newSinceMs != null && (
          <span className="log-patterns-rule" title={`New: 3 or more lines in the last ${NEW_WINDOW_SHARE * 100}% of the span of the lines in hand, and at most 5% as many before it.`}>
            <span className="pattern-new">new</span> = since {clock(result.newSinceMs)}, rare or absent before
          </span>
        )}
      </header>
      {error && (
        <p className="log-patterns-error" role="alert">
          {error.message}
        </p>
      )}
      {result?.capped && <p className="log-patterns-note">The pattern limit was reached: later lines that fit no pattern are counted together in the last row.</p>}
      {result !== undefined && result.total === 0 && <p className="log-patterns-note">No lines to find patterns in.</p>}
      {shown.length > 0 && (
        <table className="log-patterns-table">
          <thead>
            <tr>
              <th scope="col">Pattern</th>
              <th scope="col" className="num">
                Count
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col">Over time</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((pattern) => {
              const selected = pattern.id === selectedId;
              return (
                <tr key={pattern.id} data-pattern-id={pattern.id} className={selected ? 'is-selected' : undefined} aria-selected={selected}>
                  <td className="log-patterns-template">
                    <button type="button" aria-pressed={selected} onClick={() => choose(pattern)} title={selected ? 'Show all lines again' : 'Show only the lines of this pattern'}>
                      {pattern.isNew && <span className="pattern-new">new</span>}
                      {pattern.overflow ? <span className="pattern-overflow">Lines past the pattern limit</span> : pattern.template === '' ? <span className="pattern-overflow">(empty lines)</span> : <PatternTemplate template={pattern.template} />}
                    </button>
                  </td>
                  <td className="num">{pattern.count.toLocaleString()}</td>
                  <td className="num">{percent(pattern.share)}</td>
                  <td>
                    <PatternSparkline counts={pattern.sparkline} isNew={pattern.isNew} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {result !== undefined && result.patterns.length > shown.length && (
        <p className="log-patterns-note">
          Showing the first {shown.length.toLocaleString()} of {result.patterns.length.toLocaleString()} patterns.
        </p>
      )}
    </section>
  );
}
