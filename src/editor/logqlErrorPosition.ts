import { tokenSpanAt } from './promqlErrorPosition';
import type { TextSpan } from './types';

// Loki's ParseError.Error(): "parse error at line <l>, col <c>: <reason>", both 1-based, the column counted in
// characters (Go's text/scanner counts runes). The query API returns it as the plain-text 400 body.
const LOKI_POSITION = /parse error at line (\d+), col (\d+)/;

/** UTF-16 offset of 1-based `line` and 1-based code point `column`; past the end of a line it clamps. */
function offsetOfCharColumn(text: string, line: number, column: number): number | undefined {
  if (line < 1 || column < 1) return undefined;
  let lineStart = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return undefined;
    lineStart = next + 1;
  }
  const nl = text.indexOf('\n', lineStart);
  const lineEnd = nl < 0 ? text.length : nl;
  let offset = lineStart;
  for (let c = 1; c < column && offset < lineEnd; c++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return offset;
}

/** The span of `query` a Loki parse error points at, or undefined when the message holds no position. */
export function locateLogQLError(message: string, query: string): TextSpan | undefined {
  const match = LOKI_POSITION.exec(message);
  if (!match) return undefined;
  const offset = offsetOfCharColumn(query, Number(match[1]), Number(match[2]));
  return offset === undefined ? undefined : tokenSpanAt(query, offset);
}
