import { describe, expect, it } from 'vitest';
import { addFilter, logqlFilter, logqlLabelName, logqlString, luceneFilter } from './queryEdit';

describe('LogQL filter for / filter out', () => {
  it('adds a stream label matcher inside the selector', () => {
    expect(logqlFilter('{app="api"} |= "x"', { kind: 'label', name: 'level', value: 'error' }, 'for')).toBe('{app="api", level="error"} |= "x"');
    expect(logqlFilter('{app="api"}', { kind: 'label', name: 'pod', value: 'p-1' }, 'out')).toBe('{app="api", pod!="p-1"}');
  });

  it('flips a matcher that is already there instead of contradicting it', () => {
    expect(logqlFilter('{app="api", level="error"}', { kind: 'label', name: 'level', value: 'error' }, 'out')).toBe('{app="api", level!="error"}');
  });

  it('turns an empty query into a selector', () => {
    expect(logqlFilter('', { kind: 'label', name: 'app', value: 'a' }, 'for')).toBe('{app="a"}');
  });

  it('escapes quotes, backslashes and newlines in values', () => {
    expect(logqlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    expect(logqlFilter('{a="b"}', { kind: 'label', name: 'x', value: '"}' }, 'for')).toBe('{a="b", x="\\"}"}');
  });

  it('adds a parser stage once, then a label filter for a parsed field', () => {
    const once = logqlFilter('{app="api"}', { kind: 'field', name: 'status', value: '500', parser: 'json' }, 'for');
    expect(once).toBe('{app="api"} | json | status="500"');
    expect(logqlFilter(once, { kind: 'field', name: 'route', value: '/pay', parser: 'json' }, 'out')).toBe('{app="api"} | json | status="500" | route!="/pay"');
    expect(logqlFilter('{app="legacy"}', { kind: 'field', name: 'msg', value: 'x', parser: 'logfmt' }, 'for')).toBe('{app="legacy"} | logfmt | msg="x"');
  });

  it('names nested and odd fields the way Loki json does', () => {
    expect(logqlLabelName('http.status-code')).toBe('http_status_code');
    expect(logqlLabelName('1st')).toBe('_1st');
    expect(logqlFilter('{a="b"}', { kind: 'field', name: 'req.id', value: '7', parser: 'json' }, 'for')).toBe('{a="b"} | json | req_id="7"');
  });

  it('filters structured metadata without a parser, and text with a line filter', () => {
    expect(logqlFilter('{a="b"}', { kind: 'metadata', name: 'trace_id', value: 'abc' }, 'for')).toBe('{a="b"} | trace_id="abc"');
    expect(logqlFilter('{a="b"}', { kind: 'text', value: 'timeout' }, 'for')).toBe('{a="b"} |= "timeout"');
    expect(logqlFilter('{a="b"}', { kind: 'text', value: 'timeout' }, 'out')).toBe('{a="b"} != "timeout"');
  });
});

describe('Lucene filter for / filter out', () => {
  it('adds field:"value" with AND, or NOT', () => {
    expect(luceneFilter('', { kind: 'label', name: 'service.name', value: 'payments' }, 'for')).toBe('service.name:"payments"');
    expect(luceneFilter('*', { kind: 'label', name: 'service.name', value: 'payments' }, 'for')).toBe('service.name:"payments"');
    expect(luceneFilter('error', { kind: 'metadata', name: 'log.level', value: 'error' }, 'out')).toBe('error AND NOT log.level:"error"');
  });

  it('keeps an OR from swallowing the new clause, and escapes the value and the field', () => {
    expect(luceneFilter('a OR b', { kind: 'text', value: 'say "hi"' }, 'for')).toBe('(a OR b) AND "say \\"hi\\""');
    expect(luceneFilter('', { kind: 'field', name: 'a:b', value: 'x', parser: 'json' }, 'for')).toBe('a\\:b:"x"');
  });

  it('is chosen by the datasource language', () => {
    expect(addFilter('lucene', '', { kind: 'label', name: 'host', value: 'h' }, 'for')).toBe('host:"h"');
    expect(addFilter('logql', '', { kind: 'label', name: 'host', value: 'h' }, 'for')).toBe('{host="h"}');
  });
});
