import type { LogLevel } from '../../model/logs';

/**
 * One colour per level, used by the volume histogram's stacks and the list's level column alike, so a red
 * bar and a red row mean the same thing. The list also writes the level as text: colour is never alone.
 */
export const LEVEL_COLORS: Readonly<Record<LogLevel, string>> = {
  critical: '#c4162a',
  error: '#f2495c',
  warn: '#ff9830',
  info: '#73bf69',
  debug: '#5794f2',
  trace: '#b877d9',
  unknown: '#8e8e8e',
};

/** Stacking order of the histogram, most severe on top; also the legend's order. */
export const LEVEL_ORDER: readonly LogLevel[] = ['unknown', 'trace', 'debug', 'info', 'warn', 'error', 'critical'];

/** Short text for the level column. */
export const LEVEL_TEXT: Readonly<Record<LogLevel, string>> = {
  critical: 'crit',
  error: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'debug',
  trace: 'trace',
  unknown: '—',
};

const KNOWN = new Set<string>(LEVEL_ORDER);

/** A `level` label of the volume answer as one of ours; servers spell them many ways. */
export function levelOf(text: string | undefined): LogLevel {
  const t = (text ?? '').toLowerCase();
  if (KNOWN.has(t)) return t as LogLevel;
  if (t === 'fatal' || t === 'crit' || t === 'panic' || t === 'emerg' || t === 'alert') return 'critical';
  if (t === 'err') return 'error';
  if (t === 'warning') return 'warn';
  if (t === 'information' || t === 'notice') return 'info';
  if (t === 'dbg') return 'debug';
  return 'unknown';
}
