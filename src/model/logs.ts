import type { Labels } from './series';

export type LogLevel = 'critical' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'unknown';

export interface LogRecord {
  /** Nanoseconds as a decimal string: JS numbers cannot hold them exactly. */
  timeNs: string;
  /** Epoch ms, for layout and sorting. */
  time: number;
  line: string;
  level: LogLevel;
  labels: Labels;
  fields?: Record<string, string>;
  traceId?: string;
  spanId?: string;
}

export interface LogBatch {
  records: LogRecord[];
  warnings: string[];
}
