import type { TextSpan } from './types';

// Prometheus' ParseErr.Error(): "<line>:<col>: parse error: <reason>", line 1-based, col the 1-based *byte*
// column (pos - last line break in the UTF-8 query). The API wraps it: `invalid parameter "query": 1:57: …`.
const PARSE_ERROR_POSITION = /(?:^|\s)(\d+):(\d+): parse error: /;

/** The span of `query` a Prometheus parse error points at, or undefined when the message holds no position. */
export function locatePromQLError(message: string, query: string): TextSpan | undefined {
  const match = PARSE_ERROR_POSITION.exec(message);
  if (!match) return undefined;
  const offset = offsetOfByteColumn(query, Number(match[1]), Number(match[2]));
  if (offset === undefined) return undefined;
  // The adapter fills in `$__rate_interval` and friends before sending, so past the first of them the
  // server's position counts characters the editor does not hold: better no underline than a wrong one.
  const firstVariable = query.search(/\$__\w/);
  if (firstVariable >= 0 && offset > firstVariable) return undefined;
  return tokenSpanAt(query, offset);
}

/** UTF-16 offset of 1-based `line` and 1-based UTF-8 byte `column`; past the end of a line it clamps to it. */
export function offsetOfByteColumn(text: string, line: number, column: number): number | undefined {
  if (line < 1 || column < 1) return undefined;
  let lineStart = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', lineStart);
    if (next < 0) return undefined;
    lineStart = next + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
  let bytes = 0;
  let offset = lineStart;
  while (offset < lineEnd && bytes < column - 1) {
    const codePoint = text.codePointAt(offset) ?? 0;
    bytes += utf8Length(codePoint);
    offset += codePoint > 0xffff ? 2 : 1;
  }
  return offset;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * The token starting at `offset`, so the underline covers what the server tripped on; a position at the end
 * of the text (an unclosed parenthesis, a missing operand) underlines the last character instead of nothing.
 */
export function tokenSpanAt(text: string, offset: number): TextSpan {
  if (text.length === 0) return { from: 0, to: 0 };
  if (offset >= text.length) return { from: text.length - 1, to: text.length };
  let to = offset;
  while (to < text.length && /[\w:.]/.test(text[to]!)) to++;
  return { from: offset, to: Math.max(to, offset + 1) };
}
