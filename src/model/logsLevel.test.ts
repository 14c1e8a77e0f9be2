import { describe, expect, it } from 'vitest';
import { detectLevel, levelFromValue } from './logsLevel';

describe('detectLevel', () => {
  it('trusts a level label first, then metadata, then the line', () => {
    expect(detectLevel('ERROR boom', { level: 'info' })).toBe('info');
    expect(detectLevel('boom', { job: 'x', severity: 'WARNING' })).toBe('warn');
    expect(detectLevel('boom', { lvl: 'dbug' })).toBe('debug');
    expect(detectLevel('boom', {}, { detected_level: 'error' })).toBe('error');
    expect(detectLevel('boom', { level: '' }, { severity_text: 'FATAL' })).toBe('critical');
    // A label that is not a level word does not hide the line's own level.
    expect(detectLevel('level=warn msg=x', { level: 'x-large' })).toBe('warn');
  });

  it('reads a JSON level field, including pino numbers and ECS log.level', () => {
    expect(detectLevel('{"level":"warn","msg":"x"}')).toBe('warn');
    expect(detectLevel('{"time":1,"level":50,"msg":"x"}')).toBe('error');
    expect(detectLevel('{"level":30}')).toBe('info');
    expect(detectLevel('{"@timestamp":"…","log.level":"error","message":"x"}')).toBe('error');
    expect(detectLevel('{"severity": "CRITICAL"}')).toBe('critical');
    expect(detectLevel('  {"level":"debug"}')).toBe('debug');
  });

  it('reads a logfmt level token, quoted or not, but not a key that merely ends in "level"', () => {
    expect(detectLevel('ts=2024-05-01T10:00:00Z level=error msg="x"')).toBe('error');
    expect(detectLevel('lvl="warn" msg=x')).toBe('warn');
    expect(detectLevel('loglevel=debug')).toBe('debug');
    expect(detectLevel('batterylevel=info msg=x')).toBe('unknown');
  });

  it('reads a level word at the start, bracketed or after a timestamp', () => {
    expect(detectLevel('ERROR: payment failed')).toBe('error');
    expect(detectLevel('[warn] disk 91% full')).toBe('warn');
    expect(detectLevel('2024-05-01 10:00:00,123 WARN pool exhausted')).toBe('warn');
    expect(detectLevel('2024-05-01T10:00:00Z INFO started')).toBe('info');
    expect(detectLevel('Fatal error in main')).toBe('critical');
  });

  it('says unknown rather than guess from a word in the middle of a sentence', () => {
    expect(detectLevel('GET /api/error 200')).toBe('unknown');
    expect(detectLevel('user clicked the info button')).toBe('unknown');
    expect(detectLevel('')).toBe('unknown');
    expect(detectLevel('informative line')).toBe('unknown');
  });

  it('looks only at the head of a 1 MB line', () => {
    const huge = `${'x'.repeat(1_000_000)} ERROR`;
    expect(detectLevel(huge)).toBe('unknown');
    expect(detectLevel(`level=error ${huge}`)).toBe('error');
  });
});

describe('levelFromValue', () => {
  it('maps words, pino numbers and OpenTelemetry severity numbers', () => {
    expect(levelFromValue('Warning')).toBe('warn');
    expect(levelFromValue(60)).toBe('critical');
    expect(levelFromValue('10')).toBe('trace');
    expect(levelFromValue(9)).toBe('info');
    expect(levelFromValue(17)).toBe('error');
    expect(levelFromValue(21)).toBe('critical');
    expect(levelFromValue(0)).toBe('unknown');
    expect(levelFromValue(99)).toBe('unknown');
    expect(levelFromValue('loud')).toBe('unknown');
  });
});
