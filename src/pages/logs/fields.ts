import type { LogLine } from '../../model/logs';
import { parseFields } from '../../model/logsFields';

/** One key/value parsed from a line's text, and the LogQL parser stage that yields it. */
export interface LineField {
  name: string;
  value: string;
  parser: 'json' | 'logfmt';
}

/**
 * The fields of one line (the model's parser: JSON objects flattened, else logfmt), parsed only when a line
 * is expanded or a field's statistics are asked for. A line that is neither reads its `key=value` pairs as
 * logfmt, which is also what LogQL's `| logfmt` would make of them.
 */
export function lineFields(line: LogLine): LineField[] {
  const parsed = parseFields(line.line);
  const parser = parsed.format === 'json' ? 'json' : 'logfmt';
  return [...parsed.fields].map(([name, value]) => ({ name, value, parser }));
}
