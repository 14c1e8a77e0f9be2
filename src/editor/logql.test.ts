import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { ensureSyntaxTree, HighlightStyle } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import { highlightTree, tags } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { logqlLanguage, luceneLanguage } from './logql';
import { logqlCompletionContext, type LogQLCompletionSource } from './logqlCompletion';
import { locateLogQLError } from './logqlErrorPosition';
import { serverDiagnostics } from './serverDiagnostics';

function recordingSource() {
  const calls: string[] = [];
  const source: LogQLCompletionSource = {
    labelNames: async () => (calls.push('labelNames'), ['service_name', 'level', 'pod']),
    labelValues: async (label) => (calls.push(`labelValues:${label}`), ['payments', 'say "hi"']),
  };
  return { source, calls };
}

/** Completes at `¦` in `text` (the end when there is none), as the editor would on Ctrl+Space. */
async function complete(text: string, source: LogQLCompletionSource): Promise<CompletionResult | null> {
  const at = text.includes('¦') ? text.indexOf('¦') : text.length;
  const doc = text.replace('¦', '');
  const state = EditorState.create({ doc, extensions: [logqlLanguage(source).extension] });
  const sources = state.languageDataAt<CompletionSource>('autocomplete', at);
  expect(sources).toHaveLength(1);
  return sources[0]!(new CompletionContext(state, at, true));
}

describe('LogQL completion context', () => {
  it('knows a label name is being typed inside the selector, and which labels are used', () => {
    expect(logqlCompletionContext('{service_name="a", le', 21)).toEqual({ kind: 'labelName', from: 19, typed: 'le', used: ['service_name'] });
    expect(logqlCompletionContext('{', 1)).toMatchObject({ kind: 'labelName', from: 1, typed: '' });
  });

  it('knows a value is being typed, inside quotes or right after the operator', () => {
    expect(logqlCompletionContext('{level=~"er', 11)).toMatchObject({ kind: 'labelValue', label: 'level', from: 9, typed: 'er', quoted: true });
    expect(logqlCompletionContext('{level!=', 8)).toMatchObject({ kind: 'labelValue', label: 'level', quoted: false, from: 8 });
  });

  it('is not fooled by braces and commas inside strings', () => {
    expect(logqlCompletionContext('{a="x}, b=", c', 14)).toMatchObject({ kind: 'labelName', typed: 'c', used: ['a'] });
    expect(logqlCompletionContext('{a="b"} |= "{x', 14)).toBeUndefined();
  });

  it('offers pipeline stages after a pipe outside the selector', () => {
    expect(logqlCompletionContext('{a="b"} | js', 12)).toEqual({ kind: 'pipeline', from: 10, typed: 'js' });
    expect(logqlCompletionContext('{a="b"} |= "x"', 14)).toBeUndefined();
  });
});

describe('LogQL completion through the source', () => {
  it('completes label names from the adapter, leaving out the ones used', async () => {
    const { source, calls } = recordingSource();
    const r = await complete('{level="error", ¦}', source);
    expect(r?.options.map((o) => o.label)).toEqual(['service_name', 'pod']);
    expect(r?.options[0]!.apply).toBe('service_name=');
    expect(calls).toEqual(['labelNames']);
  });

  it("completes a label's values, escaped inside quotes and quoted after the operator", async () => {
    const { source, calls } = recordingSource();
    const quoted = await complete('{service_name="¦"}', source);
    expect(quoted?.options.map((o) => o.apply)).toEqual(['payments', 'say \\"hi\\"']);
    const bare = await complete('{service_name=¦}', source);
    expect(bare?.options.map((o) => o.apply)).toEqual(['"payments"', '"say \\"hi\\""']);
    expect(calls).toEqual(['labelValues:service_name', 'labelValues:service_name']);
  });

  it('completes nothing when the adapter fails', async () => {
    const source: LogQLCompletionSource = { labelNames: () => Promise.reject(new Error('down')), labelValues: () => Promise.reject(new Error('down')) };
    const r = await complete('{¦', source);
    expect(r?.options).toEqual([]);
  });
});

/** Each highlighted piece of `doc` with the class its tag maps to. */
function highlighted(doc: string, extension: Extension): Array<[string, string]> {
  const state = EditorState.create({ doc, extensions: [extension] });
  const tree = ensureSyntaxTree(state, doc.length, 5000)!;
  const style = HighlightStyle.define([
    { tag: tags.labelName, class: 'label' },
    { tag: tags.string, class: 'string' },
    { tag: tags.keyword, class: 'keyword' },
    { tag: tags.function(tags.variableName), class: 'function' },
    { tag: tags.logicOperator, class: 'logic' },
  ]);
  const out: Array<[string, string]> = [];
  highlightTree(tree, style, (from, to, cls) => out.push([doc.slice(from, to), cls]));
  return out;
}

describe('highlighting', () => {
  it('LogQL: label names, strings, parser stages and range functions, from the grammar', () => {
    const pieces = highlighted('sum by (level) (count_over_time({app="api"} |= "x" | json [5m]))', logqlLanguage(recordingSource().source).extension);
    expect(pieces).toEqual(
      expect.arrayContaining([
        ['app', 'label'],
        ['"api"', 'string'],
        ['"x"', 'string'],
        ['json', 'keyword'],
        ['count_over_time', 'function'],
      ]),
    );
  });
  it('Lucene: fields, phrases and boolean operators', () => {
    const pieces = highlighted('service.name:payments AND NOT message:"provider timeout"', luceneLanguage().extension);
    expect(pieces).toEqual(
      expect.arrayContaining([
        ['service.name', 'label'],
        ['payments', 'string'],
        ['AND', 'logic'],
        ['NOT', 'logic'],
        ['message', 'label'],
        ['"provider timeout"', 'string'],
      ]),
    );
  });
});

describe('Loki parse errors at their position', () => {
  it('reads line and column from the message', () => {
    const q = '{app="a"} |= "x" | jsn';
    const msg = 'parse error at line 1, col 20: syntax error: unexpected IDENTIFIER';
    expect(locateLogQLError(msg, q)).toEqual({ from: 19, to: 22 });
  });
  it('counts columns in characters, not bytes', () => {
    const q = '{app="ü😀"} |= x';
    // "x" is the 15th character (😀 is one character, two UTF-16 units).
    expect(locateLogQLError('parse error at line 1, col 15: syntax error: unexpected IDENTIFIER', q)).toEqual({ from: 15, to: 16 });
  });
  it('underlines through the shared diagnostics, and nothing for a message without a position', () => {
    const language = logqlLanguage(recordingSource().source);
    const q = '{app="a"} | jsn';
    const d = serverDiagnostics(language, { query: q, message: 'parse error at line 1, col 13: syntax error: unexpected IDENTIFIER' }, q);
    expect(d).toMatchObject([{ from: 12, to: 15, source: 'server' }]);
    expect(locateLogQLError('max entries limit per query exceeded, limit > max_entries_limit (10000 > 5000)', q)).toBeUndefined();
  });
  it('Lucene has a language too, highlighting only', () => {
    expect(luceneLanguage().name).toBe('Lucene');
    expect(luceneLanguage().locateServerError('anything', 'a')).toBeUndefined();
  });
});
