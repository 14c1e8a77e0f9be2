import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { highlightTree, tagHighlighter, tags } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { locateTraceQLError, traceqlLanguage, type TraceQLCompletionSource } from './traceql';

function recordingSource(fail = false) {
  const calls: string[] = [];
  const source: TraceQLCompletionSource = {
    tagNames: async () => {
      calls.push('tagNames');
      if (fail) throw new Error('Tempo is down');
      return ['resource.service.name', 'span.http.status_code', 'duration'];
    },
    tagValues: async (tag) => {
      calls.push(`tagValues ${tag}`);
      if (fail) throw new Error('Tempo is down');
      return tag === 'span.http.status_code' ? ['200', '500'] : ['payments', 'say "hi"'];
    },
  };
  return { source, calls };
}

async function complete(text: string, source: TraceQLCompletionSource, explicit = true): Promise<CompletionResult | null> {
  const pos = text.includes('|') ? text.indexOf('|') : text.length;
  const doc = text.replace('|', '');
  const state = EditorState.create({ doc, extensions: [traceqlLanguage(source).extension] });
  const sources = state.languageDataAt<CompletionSource>('autocomplete', pos);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, pos, explicit));
}

describe('TraceQL highlighting (@grafana/lezer-traceql)', () => {
  it('styles strings, numbers, durations, intrinsics, scopes, attribute names and operators', () => {
    const doc = '{ resource.service.name = "payments" && duration > 1s && .http.status_code = 500 && status = error }';
    const state = EditorState.create({ doc, extensions: [traceqlLanguage(recordingSource().source).extension] });
    const styled: Array<[string, string]> = [];
    const highlighter = tagHighlighter([
      { tag: tags.string, class: 'string' },
      { tag: tags.number, class: 'number' },
      { tag: tags.variableName, class: 'intrinsic' },
      { tag: tags.modifier, class: 'scope' },
      { tag: tags.labelName, class: 'attr' },
      { tag: tags.logicOperator, class: 'logic' },
      { tag: tags.operator, class: 'op' },
      { tag: tags.atom, class: 'atom' },
    ]);
    highlightTree(syntaxTree(state), highlighter, (from, to, cls) => styled.push([doc.slice(from, to), cls]));
    expect(styled).toEqual(
      expect.arrayContaining([
        ['resource', 'scope'],
        ['service.name', 'attr'],
        ['"payments"', 'string'],
        ['&&', 'logic'],
        ['duration', 'intrinsic'],
        ['1s', 'number'],
        ['500', 'number'],
        ['=', 'op'],
        ['error', 'atom'],
      ]),
    );
  });
});

describe('TraceQL completion through a completion source', () => {
  it('offers attribute names and the intrinsics after { and after &&', async () => {
    const { source, calls } = recordingSource();
    const first = await complete('{ |', source);
    expect(first?.options.map((o) => o.label)).toEqual(expect.arrayContaining(['resource.service.name', 'span.http.status_code', 'duration', 'status', 'traceDuration']));
    const later = await complete('{ status = error && res|', source);
    expect(later?.from).toBe('{ status = error && '.length);
    expect(calls).toEqual(['tagNames', 'tagNames']);
  });

  it('offers the values of the attribute before the operator, strings quoted and numbers bare', async () => {
    const { source, calls } = recordingSource();
    const strings = await complete('{ resource.service.name = |', source);
    expect(strings?.options.map((o) => o.label)).toEqual(['"payments"', '"say \\"hi\\""']);
    const typedQuote = await complete('{ resource.service.name = "pa|', source);
    expect(typedQuote?.from).toBe('{ resource.service.name = '.length);
    expect(typedQuote?.options.map((o) => o.label)).toEqual(['"payments"', '"say \\"hi\\""']);
    const numbers = await complete('{ span.http.status_code != 5|', source);
    expect(numbers?.options.map((o) => o.label)).toEqual(['200', '500']);
    expect(numbers?.from).toBe('{ span.http.status_code != '.length);
    expect(calls).toEqual(['tagValues resource.service.name', 'tagValues resource.service.name', 'tagValues span.http.status_code']);
  });

  it('offers status and kind keywords without asking the server', async () => {
    const { source, calls } = recordingSource();
    expect((await complete('{ status = |', source))?.options.map((o) => o.label)).toEqual(['error', 'ok', 'unset']);
    expect(calls).toEqual([]);
  });

  it('completes nothing outside a spanset, and nothing (without throwing) when the server fails', async () => {
    expect(await complete('|', recordingSource().source)).toBeNull();
    expect(await complete('{ a = 1 } |', recordingSource().source)).toBeNull();
    expect(await complete('{ .a = "x" } |', recordingSource().source)).toBeNull();
    expect(await complete('{ .a = "x { y" && |', recordingSource().source)).not.toBeNull();
    expect((await complete('{ |', recordingSource(true).source))?.options.map((o) => o.label)).toContain('duration');
    expect((await complete('{ .x = |', recordingSource(true).source))?.options).toEqual([]);
  });
});

describe('locateTraceQLError', () => {
  it('points at the token Tempo names by line and column', () => {
    const query = '{ .a = "x" || nonsense }';
    const span = locateTraceQLError('invalid TraceQL query: parse error at line 1, col 15: syntax error: unexpected IDENTIFIER', query);
    expect(span && query.slice(span.from, span.to)).toBe('nonsense');
  });

  it('counts characters, not bytes, and reads later lines', () => {
    const query = '{ .é = "ü"\n && status = wrong }';
    const span = locateTraceQLError('parse error at line 2, col 14: syntax error', query);
    expect(span && query.slice(span.from, span.to)).toBe('wrong');
  });

  it('marks the end for an error at the end of input, and nothing for a message without a position', () => {
    expect(locateTraceQLError('parse error at line 1, col 12: unexpected end of input', '{ status = ')).toEqual({ from: 10, to: 11 });
    expect(locateTraceQLError('invalid request', '{}')).toBeUndefined();
    expect(locateTraceQLError('parse error at line 9, col 1', '{}')).toBeUndefined();
  });
});
