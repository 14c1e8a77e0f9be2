import { describe, expect, it } from 'vitest';
import { formatGoFloat, formatTimestamp, jsonString, labelsJson, samplePairJson } from './format';

describe('formatGoFloat', () => {
  it.each([
    [1, '1'],
    [0.5, '0.5'],
    [-2.25, '-2.25'],
    [0, '0'],
    [1e-6, '0.000001'],
    [1e-7, '1e-07'],
    [1.5e-7, '1.5e-07'],
    [123456789012, '123456789012'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [1.2345e22, '1.2345e+22'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'],
    [1e-300, '1e-300'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%s → %s', (v, text) => {
    expect(formatGoFloat(v)).toBe(text);
  });
});

describe('formatTimestamp', () => {
  it('prints whole seconds bare and fractions with exactly three decimals', () => {
    expect(formatTimestamp(1435781451000)).toBe('1435781451');
    expect(formatTimestamp(1435781451050)).toBe('1435781451.050');
    expect(formatTimestamp(1435781451100)).toBe('1435781451.100');
    expect(formatTimestamp(1435781451781)).toBe('1435781451.781');
    expect(formatTimestamp(-1500)).toBe('-1.500');
  });
});

describe('JSON pieces', () => {
  it('escape like Go and sort label names', () => {
    expect(jsonString('a<b>&"\\')).toBe('"a\\u003cb\\u003e\\u0026\\"\\\\"');
    // Go writes backspace and form feed as \u0008 and \u000c; a literal backslash before "b" stays as it is.
    expect(jsonString('\b\f\\b')).toBe('"\\u0008\\u000c\\\\b"');
    expect(labelsJson({ job: 'x', __name__: 'up', code: 'é' })).toBe('{"__name__":"up","code":"é","job":"x"}');
    expect(samplePairJson(1000, NaN)).toBe('[1,"NaN"]');
  });
});
