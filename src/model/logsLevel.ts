import type { LogLevel } from './logs';
import type { Labels } from './series';

// Level detection for every line of a page, so it must be cheap: labels first, then a look at the first part
// of the line (a JSON `level` field, a logfmt `level=` token, a level word at the start), never a full parse.

/** Label and metadata names that carry a level, in the order they are trusted. */
export const LEVEL_LABELS = ['level', 'detected_level', 'severity', 'lvl', 'log.level', 'severity_text', 'loglevel'] as const;

/** How far into a line the level is looked for: loggers write it near the front. */
const SCAN_CHARS = 1024;

const WORDS: Readonly<Record<string, LogLevel>> = {
  critical: 'critical', crit: 'critical', fatal: 'critical', panic: 'critical', emerg: 'critical', emergency: 'critical', alert: 'critical',
  error: 'error', err: 'error', eror: 'error',
  warn: 'warn', warning: 'warn',
  info: 'info', information: 'info', informational: 'info', notice: 'info',
  debug: 'debug', dbug: 'debug',
  trace: 'trace', trc: 'trace',
};

/**
 * A level name or number as a level. Numbers: pino/bunyan (10 trace … 60 fatal) and OpenTelemetry
 * `severity_number` (1–4 trace … 21–24 fatal) overlap only at 10 and 20, where pino is far more common in
 * log lines; syslog numbers are not guessed.
 */
export function levelFromValue(raw: string | number): LogLevel {
  if (typeof raw === 'number' || /^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n >= 10 && n % 10 === 0 && n <= 60) return (['trace', 'debug', 'info', 'warn', 'error', 'critical'] as const)[n / 10 - 1]!;
    if (n >= 1 && n <= 24) return (['trace', 'debug', 'info', 'warn', 'error', 'critical'] as const)[Math.floor((n - 1) / 4)]!;
    return 'unknown';
  }
  return WORDS[raw.trim().toLowerCase()] ?? 'unknown';
}

function fromLabels(labels: Labels | undefined): LogLevel {
  if (!labels) return 'unknown';
  for (const name of LEVEL_LABELS) {
    const value = labels[name];
    if (value !== undefined && value !== '') {
      const level = levelFromValue(value);
      if (level !== 'unknown') return level;
    }
  }
  return 'unknown';
}

// `"level":"warn"`, `"severity": "ERROR"`, `"log.level":"info"`, pino's `"level":30`.
const JSON_LEVEL = /"(?:level|severity|log\.level|lvl|levelname|loglevel|severity_text)"\s*:\s*(?:"([^"]{1,16})"|(\d{1,2})\b)/;
// `level=warn`, `lvl="error"`, `severity=INFO` as a logfmt token (start of line or after a space).
const LOGFMT_LEVEL = /(?:^|\s)(?:level|lvl|severity|loglevel)="?([A-Za-z]{1,16})\b/;
// A level word at the start, bracketed or not, possibly after a timestamp: `ERROR …`, `[warn] …`, `2024-05-01 10:00:00,123 WARN …`.
const WORD_AT_START = /^(?:\S*\d\S*\s+){0,2}[[(<]?(CRITICAL|CRIT|FATAL|PANIC|EMERG|ERROR|ERR|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE|critical|fatal|panic|error|warning|warn|info|notice|debug|trace|Error|Warning|Warn|Info|Debug|Trace|Fatal|Critical)[\]):>]?(?=[\s:\]|]|$)/;

/**
 * The line's level: a level label (stream labels, then metadata such as Loki's `detected_level` or an
 * OTel `severity_text`), then the line itself (a JSON level field, a logfmt `level=` token, a level word at
 * its start). `unknown` when nothing says.
 */
export function detectLevel(line: string, labels?: Labels, metadata?: Labels): LogLevel {
  const byLabel = fromLabels(labels);
  if (byLabel !== 'unknown') return byLabel;
  const byMetadata = fromLabels(metadata);
  if (byMetadata !== 'unknown') return byMetadata;
  return levelInLine(line.length > SCAN_CHARS ? line.slice(0, SCAN_CHARS) : line);
}

function levelInLine(head: string): LogLevel {
  const first = head.charCodeAt(0) === 123 /* { */ ? 'json' : head.trimStart().startsWith('{') ? 'json' : 'text';
  if (first === 'json') {
    const m = JSON_LEVEL.exec(head);
    if (m) return levelFromValue(m[1] ?? Number(m[2]));
  }
  const logfmt = LOGFMT_LEVEL.exec(head);
  if (logfmt) {
    const level = levelFromValue(logfmt[1]!);
    if (level !== 'unknown') return level;
  }
  const word = WORD_AT_START.exec(head);
  return word ? levelFromValue(word[1]!) : 'unknown';
}
