import { describe, expect, it } from 'vitest';
import { formatValue } from './units';

describe('formatValue', () => {
  it('picks µs, ms, s or min for seconds', () => {
    expect(formatValue(0.000_25, 's')).toBe('250 µs');
    expect(formatValue(0.0125, 's')).toBe('12.5 ms');
    expect(formatValue(0.25, 's')).toBe('250 ms');
    expect(formatValue(1.5, 's')).toBe('1.5 s');
    expect(formatValue(30, 's')).toBe('30 s');
    expect(formatValue(90, 's')).toBe('1.5 min');
    expect(formatValue(0, 's')).toBe('0 s');
  });

  it('treats ms input as milliseconds', () => {
    expect(formatValue(250, 'ms')).toBe('250 ms');
    expect(formatValue(1500, 'ms')).toBe('1.5 s');
  });

  it('formats rates, ratios and percentages', () => {
    expect(formatValue(12.345, 'reqps')).toBe('12.3 req/s');
    expect(formatValue(1530, 'reqps')).toBe('1.53 K req/s');
    expect(formatValue(0.0123, 'percentunit')).toBe('1.23%');
    expect(formatValue(0.5, 'percentunit')).toBe('50%');
    expect(formatValue(42, 'percent')).toBe('42%');
    expect(formatValue(0.75, 'cores')).toBe('0.75 cores');
  });

  it('uses binary prefixes for bytes and SI ones for short', () => {
    expect(formatValue(512, 'bytes')).toBe('512 B');
    expect(formatValue(1536, 'bytes')).toBe('1.5 KiB');
    expect(formatValue(5 * 1024 * 1024, 'bytes')).toBe('5 MiB');
    expect(formatValue(2500, 'short')).toBe('2.5 K');
    expect(formatValue(7, 'short')).toBe('7');
  });

  it('spells NaN and infinities as text', () => {
    expect(formatValue(NaN, 's')).toBe('NaN');
    expect(formatValue(Infinity, 'reqps')).toBe('+Inf');
    expect(formatValue(-Infinity, 'percentunit')).toBe('-Inf');
  });

  it('honours explicit decimals', () => {
    expect(formatValue(0.12345, 'percentunit', 1)).toBe('12.3%');
    expect(formatValue(3, 's', 0)).toBe('3 s');
  });
});
