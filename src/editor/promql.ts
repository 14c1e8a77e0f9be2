import { linter } from '@codemirror/lint';
import { LanguageType, PromQLExtension, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { createPromQLClient, type PromQLCompletionSource } from './promqlClient';
import { locatePromQLError } from './promqlErrorPosition';
import { intervalVariableHighlight, lintWithVariablesFilled } from './promqlVariables';
import type { EditorLanguage } from './types';

// The very parser codemirror-promql completes with, so matcher node ids are read the way it wrote them.
const promqlGrammar = promQLLanguage(LanguageType.PromQL);
const nodeTypes = promqlGrammar.parser.nodeSet.types;
const nodeName = (id: number): string | undefined => nodeTypes[id]?.name;

/**
 * PromQL for the shared editor: Prometheus' own language package (highlighting, completion of functions,
 * metric names, label names and values, its client-side linter), fed by `source`, plus the server's parse
 * errors located at their position.
 */
export function promqlLanguage(source: PromQLCompletionSource): EditorLanguage {
  // Its own linter is added below, wrapped, instead of as it comes: it does not know interval variables.
  const promql = new PromQLExtension().setComplete({ remote: createPromQLClient(source, nodeName) }).activateLinter(false);
  const strategy = promql.getLinter();
  return {
    name: 'PromQL',
    extension: [
      promql.asExtension(),
      linter(lintWithVariablesFilled(strategy.promQL.call(strategy), promqlGrammar)),
      intervalVariableHighlight,
    ],
    locateServerError: locatePromQLError,
    destroy: () => promql.destroy(),
  };
}

export type { PromQLCompletionSource } from './promqlClient';
