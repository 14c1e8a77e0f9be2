import { LanguageType, PromQLExtension, promQLLanguage } from '@prometheus-io/codemirror-promql';
import { createPromQLClient, type PromQLCompletionSource } from './promqlClient';
import { locatePromQLError } from './promqlErrorPosition';
import type { EditorLanguage } from './types';

// The very parser codemirror-promql completes with, so matcher node ids are read the way it wrote them.
const nodeTypes = promQLLanguage(LanguageType.PromQL).parser.nodeSet.types;
const nodeName = (id: number): string | undefined => nodeTypes[id]?.name;

/**
 * PromQL for the shared editor: Prometheus' own language package (highlighting, completion of functions,
 * metric names, label names and values, its client-side linter), fed by `source`, plus the server's parse
 * errors located at their position.
 */
export function promqlLanguage(source: PromQLCompletionSource): EditorLanguage {
  const promql = new PromQLExtension().setComplete({ remote: createPromQLClient(source, nodeName) });
  return {
    name: 'PromQL',
    extension: promql.asExtension(),
    locateServerError: locatePromQLError,
    destroy: () => promql.destroy(),
  };
}

export type { PromQLCompletionSource } from './promqlClient';
