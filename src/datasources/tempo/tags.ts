import { isDataSourceError } from '../../lib/errors';
import { readOrThrow } from '../shared/errors';
import { shapeReaders } from '../shared/shape';
import type { QueryCtx } from '../types';
import { rangeParams, SERVER, type TempoClient } from './client';

const read = shapeReaders(SERVER);

/** The search form's lists: attribute names and values from Tempo's tag endpoints, services and span names from those. */
export interface TempoTags {
  tagNames(ctx: QueryCtx): Promise<string[]>;
  tagValues(tag: string, ctx: QueryCtx): Promise<string[]>;
  services(ctx: QueryCtx): Promise<string[]>;
  operations(service: string, ctx: QueryCtx): Promise<string[]>;
}

const isNotFound = (error: unknown) => isDataSourceError(error) && error.status === 404;

/**
 * Names come in TraceQL form from `/api/v2/search/tags` (`resource.service.name`, `span.http.method`, and the
 * intrinsics bare: `duration`, `name`, `status`), so the TraceQL editor can insert them as they are. A Tempo
 * without the v2 endpoints (404) is asked `/api/search/tags`, whose names are bare.
 */
export function createTempoTags(client: TempoClient): TempoTags {
  const tagValues = async (tag: string, ctx: QueryCtx, q?: string): Promise<string[]> => {
    const params = [...rangeParams(ctx.range), ...(q === undefined ? [] : ([['q', q]] as const))];
    try {
      const body = await client.get(`/api/v2/search/tag/${encodeURIComponent(tag)}/values`, params, ctx.signal);
      return readOrThrow(() => readV2Values(body), SERVER);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const bare = tag.replace(/^(resource|span|event|link|instrumentation)?\./, '');
    const body = await client.get(`/api/search/tag/${encodeURIComponent(bare)}/values`, rangeParams(ctx.range), ctx.signal);
    return readOrThrow(() => read.asStringList(read.asRecord(body, 'the body').tagValues ?? [], 'tagValues'), SERVER);
  };
  return {
    async tagNames(ctx) {
      try {
        const body = await client.get('/api/v2/search/tags', rangeParams(ctx.range), ctx.signal);
        return readOrThrow(() => readV2Names(body), SERVER);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const body = await client.get('/api/search/tags', rangeParams(ctx.range), ctx.signal);
      return readOrThrow(() => read.asStringList(read.asRecord(body, 'the body').tagNames ?? [], 'tagNames'), SERVER);
    },
    tagValues: (tag, ctx) => tagValues(tag, ctx),
    services: (ctx) => tagValues('resource.service.name', ctx),
    operations: (service, ctx) => tagValues('name', ctx, `{resource.service.name=${traceqlString(service)}}`),
  };
}

/** `{"scopes":[{"name":"resource","tags":["service.name"]},{"name":"intrinsic","tags":["duration"]}]}` → qualified names. */
function readV2Names(body: unknown): string[] {
  const record = read.asRecord(body, 'the body');
  if (record.scopes === undefined) return [];
  const names = new Set<string>();
  read.asArray(record.scopes, 'scopes').forEach((raw, i) => {
    const scope = read.asRecord(raw, `scopes[${i}]`);
    const name = read.asString(scope.name, `scopes[${i}].name`);
    const tags = scope.tags === undefined ? [] : read.asStringList(scope.tags, `scopes[${i}].tags`);
    for (const tag of tags) names.add(name === 'intrinsic' ? tag : `${name}.${tag}`);
  });
  return [...names].sort();
}

/** `{"tagValues":[{"type":"string","value":"cart"}]}` → the values, sorted and distinct. */
function readV2Values(body: unknown): string[] {
  const record = read.asRecord(body, 'the body');
  if (record.tagValues === undefined) return [];
  const values = read.asArray(record.tagValues, 'tagValues').map((raw, i) => {
    const entry = read.asRecord(raw, `tagValues[${i}]`);
    return read.asString(entry.value, `tagValues[${i}].value`);
  });
  return [...new Set(values)].sort();
}

/** A TraceQL string literal: double quotes, with backslash and quote escaped. */
export function traceqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
