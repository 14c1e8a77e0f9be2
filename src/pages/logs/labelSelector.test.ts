import { describe, expect, it } from 'vitest';
import { selectorFromChoices, withSelector } from './labelSelector';

describe('label browser selector', () => {
  it('builds = for one value and an escaped regex for several', () => {
    expect(
      selectorFromChoices(
        [
          ['service_name', ['payments']],
          ['level', ['error', 'warn']],
          ['pod', []],
          ['route', ['/a.b', 'x|y']],
        ],
        'logql',
      ),
    ).toBe('{service_name="payments", level=~"error|warn", route=~"/a\\\\.b|x\\\\|y"}');
  });

  it('builds Lucene field clauses', () => {
    expect(selectorFromChoices([['service.name', ['a', 'b"c']], ['log.level', ['error']]], 'lucene')).toBe('service.name:("a" OR "b\\"c") AND log.level:"error"');
  });

  it('replaces the selector and keeps the pipeline, even with a brace inside a string', () => {
    expect(withSelector('{app="a}"} |= "x" | json', '{app="b"}', 'logql')).toBe('{app="b"} |= "x" | json');
    expect(withSelector('', '{app="b"}', 'logql')).toBe('{app="b"}');
    expect(withSelector('sum(rate({a="b"}[1m]))', '{app="b"}', 'logql')).toBe('{app="b"}');
    expect(withSelector('old', 'a:"b"', 'lucene')).toBe('a:"b"');
  });
});
