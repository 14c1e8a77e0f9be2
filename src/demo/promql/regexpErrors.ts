import { compileAnchoredRegex } from '../labelMatchers';
import { Re2SyntaxError, Re2UnsupportedError } from '../re2/errors';
import { unsupported } from './errors';

/**
 * The reason Go's regexp would refuse a regex matcher value (the text after "error parsing regexp: ",
 * e.g. "missing closing ): `^(?:a()$`"), or null when Prometheus 2.42 accepts it. The RE2 translator
 * follows Go's parser, so the wording is Go's own. A valid regex the demo cannot translate throws
 * an `unsupported` PromqlError.
 */
export function regexpError(value: string): string | null {
  try {
    compileAnchoredRegex(value);
    return null;
  } catch (e) {
    if (e instanceof Re2SyntaxError) return e.reason;
    if (e instanceof Re2UnsupportedError) throw unsupported(`the regex ${JSON.stringify(value)}: ${e.message}`);
    // The translation produced something V8 refuses: a translator bug, worded so it is recognisable.
    throw unsupported(`the regex ${JSON.stringify(value)} (${e instanceof Error ? e.message : String(e)})`);
  }
}
