import { describe, expect, it } from 'vitest';
import { findPatterns } from '../../src/model/logPatterns';
import { LOG_TEMPLATES, syntheticLines } from './logsData';

describe('logs benchmark data', () => {
  const range = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 1, 1) };
  const lines = syntheticLines(20_000, range);

  it('is the same for the same seed', () => {
    expect(syntheticLines(50, range)[49]!.line).toBe(syntheticLines(50, range)[49]!.line);
  });

  it('clusters into about one pattern per template, the incident marked new', () => {
    const result = findPatterns(lines, range);
    expect(result.total).toBe(20_000);
    expect(result.patterns.length).toBeGreaterThanOrEqual(LOG_TEMPLATES - 4);
    expect(result.patterns.length).toBeLessThanOrEqual(LOG_TEMPLATES + 4);
    expect(result.patterns.filter((p) => p.isNew).map((p) => p.template)).toEqual(['payment provider timeout after <*>']);
  });
});
