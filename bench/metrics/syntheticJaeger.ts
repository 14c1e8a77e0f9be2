import { seededRandom } from '../../src/model/testing/traceBuilders';

/**
 * A synthetic Jaeger JSON trace file as Jaeger UI's "Download JSON" writes it (`{data:[trace]}`), the shape
 * the Jaeger UI reference figures were taken on: `spans` spans over `services` services, depth up to
 * `maxDepth`. Deterministic (a seeded generator), so every run parses the same bytes.
 */
export interface SyntheticSpec {
  spans: number;
  services: number;
  maxDepth: number;
  seed?: number;
}

export interface SyntheticFile {
  text: string;
  depth: number;
}

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const START_US = 1_777_593_600_000_000;

/**
 * Builds the tree first (each span picks a parent among the recent spans not yet at `maxDepth - 1`, so
 * depth grows to the limit and the tree stays bushy), then lays children out inside their parents' time.
 */
export function syntheticJaegerFile({ spans: count, services, maxDepth, seed = 7 }: SyntheticSpec): SyntheticFile {
  const random = seededRandom(seed);
  const parent = new Int32Array(count).fill(-1);
  const depth = new Int32Array(count);
  const open: number[] = [0];
  for (let i = 1; i < count; i++) {
    // Mostly a recent span (deep chains), sometimes any open one (wide fan-out).
    const pick = random() < 0.7 ? open.length - 1 - Math.floor(random() * Math.min(open.length, 8)) : Math.floor(random() * open.length);
    const p = open[pick]!;
    parent[i] = p;
    depth[i] = depth[p]! + 1;
    if (depth[i]! < maxDepth - 1) open.push(i);
    if (open.length > 4096) open.splice(0, 1024);
  }
  const startUs = new Float64Array(count);
  const durationUs = new Float64Array(count);
  durationUs[0] = 60_000_000;
  startUs[0] = START_US;
  for (let i = 1; i < count; i++) {
    const p = parent[i]!;
    const offset = random() * durationUs[p]! * 0.5;
    startUs[i] = Math.round(startUs[p]! + offset);
    durationUs[i] = Math.max(1, Math.round((durationUs[p]! - offset) * (0.2 + random() * 0.7)));
  }
  const spanId = (i: number) => (i + 1).toString(16).padStart(16, '0');
  const processes: Record<string, unknown> = {};
  for (let s = 0; s < services; s++) processes[`p${s + 1}`] = { serviceName: `service-${String(s).padStart(2, '0')}`, tags: [{ key: 'hostname', type: 'string', value: `host-${s}` }] };
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const service = i === 0 ? 0 : Math.floor(random() * services);
    parts.push(JSON.stringify({
      traceID: TRACE_ID,
      spanID: spanId(i),
      flags: 1,
      operationName: `op-${service}-${Math.floor(random() * 20)}`,
      references: i === 0 ? [] : [{ refType: 'CHILD_OF', traceID: TRACE_ID, spanID: spanId(parent[i]!) }],
      startTime: startUs[i],
      duration: durationUs[i],
      tags: [
        { key: 'span.kind', type: 'string', value: random() < 0.5 ? 'server' : 'client' },
        { key: 'http.status_code', type: 'int64', value: random() < 0.02 ? 500 : 200 },
        ...(random() < 0.02 ? [{ key: 'error', type: 'bool', value: true }] : []),
      ],
      logs: [],
      processID: `p${service + 1}`,
      warnings: null,
    }));
  }
  let maxSeen = 0;
  for (let i = 0; i < count; i++) maxSeen = Math.max(maxSeen, depth[i]! + 1);
  const text = `{"data":[{"traceID":"${TRACE_ID}","spans":[${parts.join(',')}],"processes":${JSON.stringify(processes)},"warnings":null}],"total":0,"limit":0,"offset":0,"errors":null}`;
  return { text, depth: maxSeen };
}
