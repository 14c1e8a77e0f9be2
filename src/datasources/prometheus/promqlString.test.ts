import { describe, expect, it } from 'vitest';
import { isLegacyLabelName, promqlString } from './promqlString';

/** Reads a PromQL string literal back the way the Prometheus lexer does (Go escape rules). */
function unquote(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  expect(body).not.toMatch(/(^|[^\\])(\\\\)*"/); // no unescaped quote inside
  expect(body).not.toMatch(/[\n\r]/);
  const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
  return body.replace(/\\(x[0-9a-f]{2}|.)/g, (_m, esc: string) =>
    esc.startsWith('x') && esc.length === 3 ? String.fromCharCode(parseInt(esc.slice(1), 16)) : (named[esc] ?? `<bad escape ${esc}>`),
  );
}

describe('promqlString', () => {
  it('quotes plain values unchanged', () => {
    expect(promqlString('payments')).toBe('"payments"');
    expect(promqlString('')).toBe('""');
  });

  it('escapes quotes and backslashes', () => {
    expect(promqlString('a"b')).toBe('"a\\"b"');
    expect(promqlString('C:\\temp\\')).toBe('"C:\\\\temp\\\\"');
    expect(promqlString('\\"')).toBe('"\\\\\\""');
  });

  it('escapes newlines and other control characters', () => {
    expect(promqlString('a\nb\r\tc')).toBe('"a\\nb\\r\\tc"');
    expect(promqlString('\u0000\u001b\u007f')).toBe('"\\x00\\x1b\\x7f"');
  });

  it('keeps UTF-8 as is', () => {
    expect(promqlString('zahlungsdienst-ü-支付-🚀')).toBe('"zahlungsdienst-ü-支付-🚀"');
  });

  it('replaces lone surrogates that could not be URL-encoded', () => {
    const out = promqlString('a\uD800b\uDC00');
    expect(out).toBe('"a\uFFFDb\uFFFD"');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it.each([
    'payments"} or vector(1) #',
    '"}[5m])) / sum(rate(x{a="',
    '\\\\"\\',
    'line1\nline2"\\n',
    '`backtick` and \'single\'',
    '🚀"\\\u0001',
  ])('round-trips the hostile value %j', (value) => {
    expect(unquote(promqlString(value))).toBe(value);
  });
});

describe('isLegacyLabelName', () => {
  it('accepts classic label names and rejects anything that needs quoting', () => {
    expect(isLegacyLabelName('service_name')).toBe(true);
    expect(isLegacyLabelName('_x9')).toBe(true);
    expect(isLegacyLabelName('9x')).toBe(false);
    expect(isLegacyLabelName('service.name')).toBe(false);
    expect(isLegacyLabelName('job"}')).toBe(false);
  });
});
