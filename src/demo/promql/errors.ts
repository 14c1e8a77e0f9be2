import { utf8Length } from './goFormat';

/**
 * Every failure the evaluator reports. `kind` decides the Prometheus error type the HTTP handler
 * answers with: `parse` and `unsupported` are `bad_data` (400), `execution` is `execution` (422).
 */
export type PromqlErrorKind = 'parse' | 'unsupported' | 'execution';

export class PromqlError extends Error {
  readonly kind: PromqlErrorKind;

  constructor(kind: PromqlErrorKind, message: string) {
    super(message);
    this.name = 'PromqlError';
    this.kind = kind;
  }
}

/**
 * `line:col` of a 0-based offset, as Prometheus's ParseErr prints it: 1-based, per line, and counted
 * in UTF-8 bytes (`x{a="é"} y` puts `y` at 1:11).
 */
export function positionOf(query: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < query.length; i++) {
    if (query[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${utf8Length(query.slice(lineStart, offset)) + 1}`;
}

/** A parse error worded as Prometheus words them: `1:5: parse error: <message>`. */
export function parseError(query: string, offset: number, message: string): PromqlError {
  return new PromqlError('parse', `${positionOf(query, offset)}: parse error: ${message}`);
}

/** Valid PromQL the demo does not evaluate. */
export function unsupported(what: string): PromqlError {
  return new PromqlError('unsupported', `unsupported by the Watchfloor demo: ${what}`);
}

export function executionError(message: string): PromqlError {
  return new PromqlError('execution', message);
}
