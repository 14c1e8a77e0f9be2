import type { Labels } from '../../model/series';
import { readOrThrow } from '../shared/errors';
import type { QueryCtx } from '../types';
import { read, SERVER, type LokiClient, type Params } from './client';
import { secondsParam } from './metrics';

/** Labels, values and series take `start`/`end` like queries; whole seconds widened outwards are enough here. */
function rangeParams(ctx: QueryCtx): Params {
  return [
    ['start', secondsParam(Math.floor(ctx.range.from / 1000) * 1000)],
    ['end', secondsParam(Math.ceil(ctx.range.to / 1000) * 1000)],
  ];
}

/**
 * `data` of labels and label values: a list of strings. Loki marshals it with `omitempty`, so no labels is
 * `{"status":"success"}` with no `data` key at all (reference §2.2): that is an empty list, not an error.
 */
function readNames(body: unknown): string[] {
  return readOrThrow(() => {
    const root = read.asRecord(body, 'the response body');
    return root.data === undefined || root.data === null ? [] : read.asStringList(root.data, 'data');
  }, SERVER);
}

export function createLabels(client: LokiClient) {
  return {
    /** `/loki/api/v1/labels`; `selector` narrows them to the streams it selects. */
    async labelNames(ctx: QueryCtx, selector?: string): Promise<string[]> {
      const params: Params = [...rangeParams(ctx), ...(selector ? ([['query', selector]] as const) : [])];
      return readNames(await client.get('/loki/api/v1/labels', params, ctx.signal));
    },
    async labelValues(label: string, ctx: QueryCtx, selector?: string): Promise<string[]> {
      const params: Params = [...rangeParams(ctx), ...(selector ? ([['query', selector]] as const) : [])];
      return readNames(await client.get(`/loki/api/v1/label/${encodeURIComponent(label)}/values`, params, ctx.signal));
    },
    /** `/loki/api/v1/series`: the label sets of the streams any of `match` selects. */
    async series(match: readonly string[], ctx: QueryCtx): Promise<Labels[]> {
      const params: Params = [...match.map((m) => ['match[]', m] as const), ...rangeParams(ctx)];
      const body = await client.get('/loki/api/v1/series', params, ctx.signal);
      return readOrThrow(() => {
        const root = read.asRecord(body, 'the response body');
        if (root.data === undefined) return [];
        return read.asArray(root.data, 'data').map((item, i) => read.asLabels(item, `data[${i}]`));
      }, SERVER);
    },
  };
}
