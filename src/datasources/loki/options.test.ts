import { describe, expect, it } from 'vitest';
import { ConfigError } from '../configError';
import { parseLokiOptions } from './options';

describe('parseLokiOptions', () => {
  it('defaults: categorize-labels on, 1000 lines, no derived fields, 30 s timeout', () => {
    expect(parseLokiOptions(undefined)).toMatchObject({ categorizeLabels: true, maxLines: 1000, derivedFields: [], timeoutMs: 30_000 });
  });

  it('reads derived fields and compiles their regexes once', () => {
    const options = parseLokiOptions({ derivedFields: [{ name: 'TraceID', matcherRegex: 'traceID=(\\w+)', urlTemplate: 'https://t/${__value.raw}' }], maxLines: 5000, categorizeLabels: false });
    expect(options.compiledDerivedFields[0]!.regex.exec('traceID=abc')?.[1]).toBe('abc');
    expect(options).toMatchObject({ maxLines: 5000, categorizeLabels: false });
  });

  it.each([
    [{ derivedFields: [{ name: 'T', matcherRegex: '(' }] }, 'options.derivedFields[0].matcherRegex'],
    [{ derivedFields: [{ matcherRegex: 'x' }] }, 'options.derivedFields[0].name'],
    [{ derivedFields: 'x' }, 'options.derivedFields'],
    [{ maxLines: 0 }, 'options.maxLines'],
    [{ maxLines: 1.5 }, 'options.maxLines'],
    [{ categorizeLabels: 'yes' }, 'options.categorizeLabels'],
    [{ timeoutMs: -1 }, 'options.timeoutMs'],
  ])('%j is refused, naming %s', (options, field) => {
    let error: unknown;
    try {
      parseLokiOptions(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field).toBe(field);
  });
});
