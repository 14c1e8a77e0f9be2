import { type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { LanguageSupport, LRLanguage, StreamLanguage, syntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { parser } from '@grafana/lezer-logql';
import { styleTags, tags as t } from '@lezer/highlight';
import { escapeLogQLValue, logqlCompletionContext, PIPELINE_STAGES, type LogQLCompletionSource } from './logqlCompletion';
import { locateLogQLError } from './logqlErrorPosition';
import type { EditorLanguage } from './types';

const RANGE_FUNCTIONS =
  'CountOverTime Rate RateCounter BytesOverTime BytesRate AvgOverTime SumOverTime MinOverTime MaxOverTime StddevOverTime StdvarOverTime QuantileOverTime FirstOverTime LastOverTime AbsentOverTime';
const AGGREGATIONS = 'Sum Avg Count Max Min Stddev Stdvar Bottomk Topk Sort Sort_Desc Approx_Topk ApproxCountDistinct';
const STAGES = 'Json Logfmt Unpack Pattern Regexp Unwrap LabelFormat LineFormat LabelReplace Decolorize Drop Keep Vector Offset Ip';

/** Grafana's LogQL grammar, with highlighting tags on its node names. */
export const logqlGrammar = LRLanguage.define({
  name: 'logql',
  parser: parser.configure({
    props: [
      styleTags({
        Identifier: t.labelName,
        String: t.string,
        'Number Duration Bytes': t.number,
        LineComment: t.lineComment,
        [RANGE_FUNCTIONS]: t.function(t.variableName),
        [AGGREGATIONS]: t.operatorKeyword,
        [STAGES]: t.keyword,
        'By Without Bool On Ignoring GroupLeft GroupRight': t.modifier,
        'And Or Unless': t.logicOperator,
        'Eq Neq Re Nre PipeExact PipeMatch PipePattern Npa Pipe Gtr Gte Lss Lte Eql': t.operator,
        'Add Sub Mul Div Mod Pow': t.arithmeticOperator,
      }),
    ],
  }),
  languageData: { closeBrackets: { brackets: ['(', '[', '{', '"', '`'] }, commentTokens: { line: '#' } },
});

function completer(source: LogQLCompletionSource, signal: () => AbortSignal) {
  return async (cx: CompletionContext): Promise<CompletionResult | null> => {
    const where = logqlCompletionContext(cx.state.doc.toString(), cx.pos);
    if (!where) return null;
    if (where.kind === 'pipeline') {
      return { from: where.from, options: PIPELINE_STAGES.map((s): Completion => ({ label: s.label, detail: s.detail, type: 'keyword' })), validFor: /^[a-z_]*$/ };
    }
    if (where.kind === 'labelName') {
      const names = await source.labelNames(signal()).catch(() => []);
      const used = new Set(where.used);
      return {
        from: where.from,
        options: names.filter((n) => !used.has(n)).map((n): Completion => ({ label: n, type: 'property', apply: `${n}=` })),
        validFor: /^[a-zA-Z0-9_]*$/,
      };
    }
    const values = await source.labelValues(where.label, signal()).catch(() => []);
    return {
      from: where.from,
      options: values.map((v): Completion => ({ label: v, type: 'constant', apply: where.quoted ? escapeLogQLValue(v) : `"${escapeLogQLValue(v)}"` })),
      validFor: where.quoted ? /^[^"\\]*$/ : /^$/,
    };
  };
}

/** The grammar's first syntax error, so a typo is marked before the query is even run. */
const syntaxLinter = linter((view) => {
  const diagnostics: Diagnostic[] = [];
  syntaxTree(view.state).iterate({
    enter: (node) => {
      if (diagnostics.length > 0) return false;
      if (!node.type.isError) return undefined;
      const from = Math.min(node.from, Math.max(0, view.state.doc.length - 1));
      diagnostics.push({ from, to: Math.max(node.to, from + 1), severity: 'error', source: 'logql', message: 'LogQL syntax error here' });
      return false;
    },
  });
  return view.state.doc.length === 0 ? [] : diagnostics;
});

/**
 * LogQL for the shared editor: Grafana's lezer grammar for highlighting and syntax errors, completion of
 * label names and values inside `{…}` and of pipeline stages after `|`, fed by `source` (the adapter's
 * labelNames / labelValues), and Loki's parse errors located at their position.
 */
export function logqlLanguage(source: LogQLCompletionSource): EditorLanguage {
  let controller = new AbortController();
  return {
    name: 'LogQL',
    extension: [new LanguageSupport(logqlGrammar), logqlGrammar.data.of({ autocomplete: completer(source, () => controller.signal) }), syntaxLinter],
    locateServerError: locateLogQLError,
    destroy: () => {
      controller.abort();
      controller = new AbortController();
    },
  };
}

// Lucene query string syntax: field:value, "phrases", AND / OR / NOT, ranges, wildcards. Highlighting only:
// Elasticsearch reports errors without positions the editor could use.
const luceneMode = StreamLanguage.define<{ afterField: boolean }>({
  name: 'lucene',
  startState: () => ({ afterField: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
      state.afterField = false;
      return 'string';
    }
    if (stream.match(/^(?:AND|OR|NOT|TO)\b/) || stream.match(/^(?:&&|\|\||!)/)) return 'logicOperator';
    if (stream.match(/^(?:[^\s:"()[\]{}\\]|\\.)+(?=:)/)) {
      state.afterField = true;
      return 'labelName';
    }
    if (stream.eat(':')) return 'operator';
    if (stream.match(/^[()[\]{}]/)) return 'bracket';
    if (stream.match(/^[+-]/)) return 'operator';
    if (stream.match(/^-?\d+(?:\.\d+)?(?=[\s)\]}]|$)/)) return 'number';
    if (!stream.match(/^(?:[^\s:"()[\]{}\\]|\\.)+/)) stream.next();
    const isValue = state.afterField;
    state.afterField = false;
    return isValue ? 'string' : 'variableName';
  },
});

export function luceneLanguage(): EditorLanguage {
  return { name: 'Lucene', extension: luceneMode, locateServerError: () => undefined };
}

export type { LogQLCompletionSource } from './logqlCompletion';
