const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters are exactly what must be found here, hence the rule exception.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * A PromQL double-quoted string literal holding exactly `value`. Backslash and quote are escaped, as are
 * control characters (a raw newline ends a PromQL string with a parse error); everything else, UTF-8
 * included, passes through as is. Lone UTF-16 surrogates cannot travel in a URL or form body, so they
 * become U+FFFD, just as the browser would turn them when encoding.
 */
export function promqlString(value: string): string {
  const wellFormed = value.replace(LONE_SURROGATE, '\uFFFD');
  const escaped = wellFormed.replace(
    NEEDS_ESCAPE,
    (ch) => NAMED_ESCAPES[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label names from config go into generated PromQL unquoted, so only the classic charset is accepted. */
export function isLegacyLabelName(name: string): boolean {
  return LEGACY_LABEL_NAME.test(name);
}
