import type { Labels } from '../../model/series';
import { compareLabels, labelsKey, parseSeriesSelector } from '../promql';
import type { LabelMatcher } from '../source';
import { applyLimit, queryFailure, type Endpoint, type EndpointContext } from './endpointContext';
import { formValue, parseLimit, parseTimeParam, readForm, type FormValues } from './params';
import { failure, invalidParam, success } from './responses';
import { jsonString } from './format';
import { labelSetsJson, stringListJson } from './serialize';

const EVERY_SERIES: LabelMatcher[] = [{ name: '__name__', type: '=~', value: '.+' }];
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Selection = { ok: true; series: Labels[]; limit: number } | { ok: false; response: Response };

/**
 * The shared front of labels, label values and series: start/end (validated; the simulated series
 * exist at all times, so they do not narrow the result), match[] sets (union), limit.
 */
function selectSeries(request: Request, form: FormValues, ctx: EndpointContext, requireMatch: boolean): Selection {
  for (const name of ['start', 'end']) {
    const t = parseTimeParam(form, name, 0);
    if (!t.ok) return { ok: false, response: invalidParam(request, name, t.error) };
  }
  const matches = form.get('match[]') ?? [];
  if (requireMatch && matches.length === 0) return { ok: false, response: failure(request, 'bad_data', 'no match[] parameter provided') };
  let sets: LabelMatcher[][];
  try {
    sets = matches.length === 0 ? [EVERY_SERIES] : matches.map(parseSeriesSelector);
  } catch (e) {
    return { ok: false, response: queryFailure(request, e, 'match[]') };
  }
  const limit = parseLimit(formValue(form, 'limit'));
  if (!limit.ok) return { ok: false, response: invalidParam(request, 'limit', limit.error) };
  const unique = new Map<string, Labels>();
  for (const set of sets) for (const s of ctx.source.select(set)) unique.set(labelsKey(s.labels), s.labels);
  return { ok: true, series: [...unique.values()], limit: limit.value };
}

/** GET/POST /api/v1/labels */
export const labelNames: Endpoint = async (request, ctx) => {
  const selection = selectSeries(request, await readForm(request), ctx, false);
  if (!selection.ok) return selection.response;
  const names = [...new Set(selection.series.flatMap((l) => Object.keys(l)))].sort();
  const { items, warnings } = applyLimit(names, selection.limit);
  return success(request, stringListJson(items), warnings);
};

/** `U__http_2e_status_code` → `http.status_code` (Prometheus's value-encoding escape for names in paths). */
export function unescapeLabelName(name: string): string | null {
  if (!name.startsWith('U__')) return LEGACY_LABEL_NAME.test(name) ? name : null;
  const body = name.slice(3);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '_') {
      out += c;
      continue;
    }
    if (body[i + 1] === '_') {
      out += '_';
      i++;
      continue;
    }
    const hex = /^_([0-9a-fA-F]+)_/.exec(body.slice(i));
    if (!hex) return null;
    out += String.fromCodePoint(parseInt(hex[1] as string, 16));
    i += (hex[0] as string).length - 1;
  }
  return out === '' ? null : out;
}

/** GET /api/v1/label/:name/values */
export const labelValues: Endpoint = async (request, ctx, params) => {
  const raw = params.name ?? '';
  const name = unescapeLabelName(raw);
  if (name === null) return failure(request, 'bad_data', `invalid label name: ${JSON.stringify(raw)}`);
  const selection = selectSeries(request, await readForm(request), ctx, false);
  if (!selection.ok) return selection.response;
  const values = [...new Set(selection.series.map((l) => l[name] ?? '').filter((v) => v !== ''))].sort();
  const { items, warnings } = applyLimit(values, selection.limit);
  return success(request, stringListJson(items), warnings);
};

/** GET/POST /api/v1/series: match[] is required. */
export const series: Endpoint = async (request, ctx) => {
  const selection = selectSeries(request, await readForm(request), ctx, true);
  if (!selection.ok) return selection.response;
  const sorted = [...selection.series].sort(compareLabels);
  const { items, warnings } = applyLimit(sorted, selection.limit);
  return success(request, labelSetsJson(items), warnings);
};

/** GET /api/v1/metadata: `{name: [{type, help, unit}]}`, optionally one `metric`, at most `limit` names. */
export const metadata: Endpoint = async (request, ctx) => {
  const form = await readForm(request);
  const limitText = formValue(form, 'limit');
  let limit = -1;
  if (limitText !== '') {
    if (!/^[+-]?\d+$/.test(limitText)) return failure(request, 'bad_data', 'limit must be a number');
    limit = Number(limitText);
  }
  const metric = formValue(form, 'metric');
  const all = ctx.source.metadata();
  const names = Object.keys(all)
    .filter((n) => metric === '' || n === metric)
    .sort();
  const kept = limit >= 0 ? names.slice(0, limit) : names;
  const entries = kept.map((n) => {
    const m = all[n];
    if (!m) return '';
    return `${jsonString(n)}:[{"type":${jsonString(m.type)},"help":${jsonString(m.help)},"unit":${jsonString(m.unit)}}]`;
  });
  return success(request, `{${entries.filter((e) => e !== '').join(',')}}`);
};

/** GET /api/v1/status/buildinfo: the demo claims the Prometheus version its semantics follow (Go field order). */
export const buildInfo: Endpoint = async (request) => {
  const fields: Array<[string, string]> = [
    ['version', '2.42.0'],
    ['revision', 'watchfloor-demo'],
    ['branch', 'HEAD'],
    ['buildUser', 'watchfloor@demo'],
    ['buildDate', '20230201-00:00:00'],
    ['goVersion', 'go1.19.5'],
  ];
  return success(request, `{${fields.map(([k, v]) => `${jsonString(k)}:${jsonString(v)}`).join(',')}}`);
};
