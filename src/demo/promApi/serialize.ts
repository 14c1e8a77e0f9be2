import type { Labels } from '../../model/series';
import type { InstantResult, MatrixSeries } from '../promql';
import type { ExemplarSeries } from '../source';
import { formatGoFloat, formatTimestamp, jsonString, labelsJson, samplePairJson } from './format';

function matrixJson(series: readonly MatrixSeries[]): string {
  const items = series.map((s) => {
    const pairs: string[] = new Array(s.timesMs.length);
    for (let i = 0; i < s.timesMs.length; i++) pairs[i] = samplePairJson(s.timesMs[i] as number, s.values[i] as number);
    return `{"metric":${labelsJson(s.labels)},"values":[${pairs.join(',')}]}`;
  });
  return `{"resultType":"matrix","result":[${items.join(',')}]}`;
}

/** The `data` of query / query_range responses (reference §1.3). */
export function queryDataJson(result: InstantResult): string {
  switch (result.resultType) {
    case 'matrix':
      return matrixJson(result.series);
    case 'scalar':
      return `{"resultType":"scalar","result":${samplePairJson(result.timeMs, result.value)}}`;
    case 'vector': {
      const items = result.samples.map((s) => `{"metric":${labelsJson(s.labels)},"value":${samplePairJson(result.timeMs, s.value)}}`);
      return `{"resultType":"vector","result":[${items.join(',')}]}`;
    }
  }
}

export function exemplarsJson(series: readonly ExemplarSeries[]): string {
  const items = series.map((s) => {
    const exemplars = s.exemplars.map(
      (e) => `{"labels":${labelsJson(e.labels)},"value":"${formatGoFloat(e.value)}","timestamp":${formatTimestamp(e.timeMs)}}`,
    );
    return `{"seriesLabels":${labelsJson(s.seriesLabels)},"exemplars":[${exemplars.join(',')}]}`;
  });
  return `[${items.join(',')}]`;
}

export function stringListJson(values: readonly string[]): string {
  return `[${values.map(jsonString).join(',')}]`;
}

export function labelSetsJson(sets: readonly Labels[]): string {
  return `[${sets.map(labelsJson).join(',')}]`;
}
