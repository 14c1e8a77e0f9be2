import { compileAnchoredRegex } from '../labelMatchers';

/**
 * Go's regexp/syntax wording for a bad regex matcher (`missing closing ): \`^(?:a()$\``), mapped from
 * V8's errors for the common mistakes, plus the RE2 refusals V8 would accept (lookarounds, `(?<name>`,
 * backreferences). Prometheus compiles the anchored form `^(?:value)$`, which some messages quote.
 */

/** The first unescaped repetition operator with nothing (or another operator) before it. */
function badRepetition(value: string): string | null {
  let inClass = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = ch !== ']';
      continue;
    }
    if (ch === '[') inClass = true;
    if (!'*+?'.includes(ch)) continue;
    const prev = value[i - 1];
    if (prev === undefined || prev === '(' || prev === '|') return `missing argument to repetition operator: \`${ch}\``;
    // `a*?` is a lazy repetition, not a nested one.
    if ('*+?'.includes(prev) && ch !== '?') return `invalid nested repetition operator: \`${prev}${ch}\``;
  }
  return null;
}

/** `z-a` of `[z-a]`: the first descending range. */
function badRange(anchored: string): string {
  for (const m of anchored.matchAll(/([^\\[])-([^\]])/g)) {
    if ((m[1] as string) > (m[2] as string)) return m[0];
  }
  return anchored;
}

function fromV8(reason: string, value: string): string {
  const anchored = `^(?:${value})$`;
  switch (reason) {
    case 'Unterminated group':
      return `missing closing ): \`${anchored}\``;
    case 'Unmatched \')\'':
      return `unexpected ): \`${anchored}\``;
    case 'Unterminated character class':
      return `missing closing ]: \`${anchored.slice(anchored.lastIndexOf('['))}\``;
    case 'Range out of order in character class':
      return `invalid character class range: \`${badRange(anchored)}\``;
    case 'Nothing to repeat':
      return badRepetition(value) ?? `missing argument to repetition operator: \`${value}\``;
    case 'numbers out of order in {} quantifier':
      return `invalid repeat count: \`${/\{\d+(?:,\d*)?\}/.exec(value)?.[0] ?? value}\``;
    case 'Invalid group':
      return `invalid or unsupported Perl syntax: \`${/\(\?.?/.exec(value)?.[0] ?? value}\``;
    default:
      return `${reason.toLowerCase()}: \`${value}\``;
  }
}

/** The reason Go's regexp would refuse `value` (the text after "error parsing regexp: "), or null. */
export function regexpError(value: string): string | null {
  const perl = /\(\?(?:<[=!]?|[=!])/.exec(value);
  if (perl && !value.slice(0, perl.index).endsWith('\\')) return `invalid or unsupported Perl syntax: \`${perl[0].slice(0, 3)}\``;
  const backref = /\\[1-9]/.exec(value);
  if (backref && !value.slice(0, backref.index).endsWith('\\')) return `invalid escape sequence: \`${backref[0]}\``;
  try {
    compileAnchoredRegex(value);
    return null;
  } catch (e) {
    // V8 says "Invalid regular expression: /…/: Unterminated group"; the reason is the last part.
    const reason = (e instanceof Error ? e.message : String(e)).split(': ').pop() ?? '';
    return fromV8(reason, value);
  }
}
