/**
 * A regex Go's regexp/syntax refuses. `reason` is Go's wording after "error parsing regexp: ",
 * e.g. "missing closing ): `^(?:a()$`", so Prometheus's parse error can be reproduced exactly.
 */
export class Re2SyntaxError extends SyntaxError {
  readonly reason: string;

  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.name = 'Re2SyntaxError';
    this.reason = `${code}: \`${expr}\``;
  }
}

/** A regex RE2 accepts that the demo cannot translate to an equivalent JS RegExp. */
export class Re2UnsupportedError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'Re2UnsupportedError';
  }
}
