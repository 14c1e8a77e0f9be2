import type { CorrelationsConfig, LogsCorrelation } from '../model/correlations';
import { ConfigError } from './configError';
import { pluginFor } from './kinds';
import type { CapabilityName, DataSourceConfig } from './types';

/**
 * config.json's `correlations`: overrides of the OpenTelemetry conventions the cross-signal links follow
 * (README "Correlations"). Every datasource it names must exist and answer what the rule needs; a problem
 * is a ConfigError naming the field, e.g. `correlations.exemplars.prom.traceDatasource: no datasource "x"`.
 */
export function parseCorrelations(raw: unknown, configs: readonly DataSourceConfig[]): CorrelationsConfig | undefined {
  if (raw === undefined) return undefined;
  const root = record(raw, 'correlations', 'must be an object');
  const ctx = new Checker(configs);
  const out: { -readonly [K in keyof CorrelationsConfig]: CorrelationsConfig[K] } = {};
  for (const [key, value] of Object.entries(root)) {
    const path = `correlations.${key}`;
    switch (key) {
      case 'exemplars':
        out.exemplars = perDatasource(value, path, ctx, 'metrics', (entry, p) => {
          const rule: { traceIdLabel?: string; traceDatasource?: string } = {};
          for (const [k, v] of Object.entries(entry)) {
            if (k === 'traceIdLabel') rule.traceIdLabel = ctx.labelName(v, `${p}.${k}`, 'an exemplar label such as "trace_id"');
            else if (k === 'traceDatasource') rule.traceDatasource = ctx.datasource(v, `${p}.${k}`, 'traces');
            else throw unknownKey(`${p}.${k}`, ['traceIdLabel', 'traceDatasource']);
          }
          return rule;
        });
        break;
      case 'traceToLogs':
        out.traceToLogs = perDatasource(value, path, ctx, 'traces', (entry, p) => {
          const rule: { logsDatasource?: string; traceIdField?: string; serviceLabel?: string } = {};
          const logsUid = entry.logsDatasource === undefined ? undefined : ctx.datasource(entry.logsDatasource, `${p}.logsDatasource`, 'logs');
          if (logsUid !== undefined) rule.logsDatasource = logsUid;
          for (const [k, v] of Object.entries(entry)) {
            if (k === 'logsDatasource') continue;
            if (k === 'traceIdField' || k === 'serviceLabel') rule[k] = ctx.fieldFor(v, `${p}.${k}`, logsUid);
            else throw unknownKey(`${p}.${k}`, ['logsDatasource', 'traceIdField', 'serviceLabel']);
          }
          return rule;
        });
        break;
      case 'logsToTraces':
        out.logsToTraces = perDatasource(value, path, ctx, 'logs', (entry, p) => {
          const rule: { traceDatasource?: string } = {};
          for (const [k, v] of Object.entries(entry)) {
            if (k === 'traceDatasource') rule.traceDatasource = ctx.datasource(v, `${p}.${k}`, 'traces');
            else throw unknownKey(`${p}.${k}`, ['traceDatasource']);
          }
          return rule;
        });
        break;
      case 'logs':
        out.logs = perDatasource(value, path, ctx, 'logs', (entry, p, uid) => {
          const rule: { -readonly [K in keyof LogsCorrelation]: LogsCorrelation[K] } = {};
          for (const [k, v] of Object.entries(entry)) {
            if (k === 'serviceLabel' || k === 'traceIdField') rule[k] = ctx.fieldFor(v, `${p}.${k}`, uid);
            else if (k === 'traceIdMatch') {
              if (v !== 'label' && v !== 'line') throw new ConfigError(`${p}.${k}`, `must be "label" or "line", got ${JSON.stringify(v)}`);
              if (v === 'line' && !ctx.isLoki(uid)) throw new ConfigError(`${p}.${k}`, '"line" is for Loki datasources only (a LogQL line filter)');
              rule.traceIdMatch = v;
            } else throw unknownKey(`${p}.${k}`, ['serviceLabel', 'traceIdField', 'traceIdMatch']);
          }
          return rule;
        });
        break;
      case 'metricsDatasource':
        out.metricsDatasource = ctx.datasource(value, path, 'services');
        break;
      default:
        throw unknownKey(path, ['exemplars', 'traceToLogs', 'logsToTraces', 'logs', 'metricsDatasource']);
    }
  }
  return out;
}

function record(value: unknown, path: string, problem: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(path, problem);
  return value as Record<string, unknown>;
}

function unknownKey(path: string, known: readonly string[]): ConfigError {
  return new ConfigError(path, `is not a known key; expected one of ${known.join(', ')}`);
}

/** `{ "<uid>": { … } }`: each key a datasource answering `cap`, each value parsed by `entry`. */
function perDatasource<T>(
  value: unknown,
  path: string,
  ctx: Checker,
  cap: CapabilityName,
  entry: (raw: Record<string, unknown>, path: string, uid: string) => T,
): Record<string, T> {
  const map = record(value, path, 'must be an object keyed by datasource uid');
  const out: Record<string, T> = {};
  for (const [uid, raw] of Object.entries(map)) {
    const p = `${path}.${uid}`;
    ctx.datasource(uid, p, cap);
    out[uid] = entry(record(raw, p, 'must be an object'), p, uid);
  }
  return out;
}

/** A LogQL label name (what a label filter can name): letters, digits and `_`, not starting with a digit. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A Lucene field name: dotted ECS paths (`trace.id`) and `@` (`@timestamp`) allowed, nothing that needs escaping. */
const FIELD_NAME = /^[A-Za-z_@][A-Za-z0-9_.@-]*$/;

class Checker {
  constructor(private readonly configs: readonly DataSourceConfig[]) {}

  private capabilities(config: DataSourceConfig): readonly CapabilityName[] {
    return pluginFor(config.kind)?.capabilities ?? [];
  }

  /** A datasource uid that exists and answers `cap`; returns it. */
  datasource(value: unknown, path: string, cap: CapabilityName): string {
    if (typeof value !== 'string' || value === '') throw new ConfigError(path, 'must be a datasource uid');
    const config = this.configs.find((c) => c.uid === value);
    if (!config) throw new ConfigError(path, `no datasource ${JSON.stringify(value)}; the uids are ${this.configs.map((c) => c.uid).join(', ')}`);
    if (!this.capabilities(config).includes(cap)) throw new ConfigError(path, `"${value}" is a ${config.kind} datasource, which has no ${cap}`);
    return value;
  }

  isLoki(uid: string | undefined): boolean {
    const logs = this.configs.filter((c) => this.capabilities(c).includes('logs'));
    // Unnamed: the one the correlator picks, the default logs datasource or the first.
    const target = uid === undefined ? (logs.find((c) => c.default) ?? logs[0]) : this.configs.find((c) => c.uid === uid);
    return target?.kind === 'loki';
  }

  labelName(value: unknown, path: string, example: string): string {
    if (typeof value !== 'string' || !LABEL_NAME.test(value)) throw new ConfigError(path, `must be ${example} (letters, digits, _), got ${JSON.stringify(value)}`);
    return value;
  }

  /** A label name for a Loki target, a field name for Elasticsearch/OpenSearch (the first logs datasource when none is named). */
  fieldFor(value: unknown, path: string, logsUid: string | undefined): string {
    if (this.isLoki(logsUid)) return this.labelName(value, path, 'a Loki label or structured metadata name such as "trace_id"');
    if (typeof value !== 'string' || !FIELD_NAME.test(value)) throw new ConfigError(path, `must be a field name such as "trace.id", got ${JSON.stringify(value)}`);
    return value;
  }
}
