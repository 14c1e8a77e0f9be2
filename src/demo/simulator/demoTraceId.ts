import { hashInts, mix32 } from './hash';

/**
 * Demo trace IDs carry everything needed to rebuild their trace, so no trace is ever stored.
 *
 * 128 bits = 32 lowercase hex characters:
 *
 *   bits 127..16  payload (112 bits), XOR-masked with a keystream derived from the checksum
 *   bits  15..0   checksum: 16-bit hash of the unmasked payload
 *
 * payload, most significant first:
 *   version   4 bits   always 1 (a new layout gets a new version)
 *   seed     24 bits   the simulator seed (simulators reduce their seed to 24 bits)
 *   startMs  44 bits   epoch milliseconds at which the entry span starts (valid until year 2527)
 *   flow      8 bits   index into FLOWS: the entry service and route
 *   outcome   8 bits   high nibble: ok 0, slow 1, reject 2, fail 3, timeout 4, degrade 5; low nibble: index into
 *                      SERVICES of the service where the outcome happens (e.g. 0x45 = timeout at
 *                      payment-provider)
 *   seq      24 bits   distinguishes traces of the same flow/outcome starting in the same millisecond
 *
 * The mask only makes IDs look as random as real ones (sampling, sharding and UIs expect that); it is
 * not secret. A random 32-hex string decodes with probability about 2⁻²⁰ (checksum and version).
 */
export interface TraceIdParts {
  seed: number;
  startMs: number;
  flow: number;
  outcome: number;
  seq: number;
}

export const TRACE_ID_VERSION = 1;
const MAX_START_MS = 2 ** 44 - 1;

function payloadOf(parts: TraceIdParts): bigint {
  let p = BigInt(TRACE_ID_VERSION);
  p = (p << 24n) | BigInt(parts.seed);
  p = (p << 44n) | BigInt(parts.startMs);
  p = (p << 8n) | BigInt(parts.flow);
  p = (p << 8n) | BigInt(parts.outcome);
  p = (p << 24n) | BigInt(parts.seq);
  return p;
}

/** Splits the 112-bit payload into four 28-bit words for hashing with 32-bit integer arithmetic. */
function words28(payload: bigint): [number, number, number, number] {
  const mask = (1n << 28n) - 1n;
  return [
    Number((payload >> 84n) & mask),
    Number((payload >> 56n) & mask),
    Number((payload >> 28n) & mask),
    Number(payload & mask),
  ];
}

function checksumOf(payload: bigint): number {
  const [a, b, c, d] = words28(payload);
  const h = hashInts(a, b, c, d, 0x7ace);
  return (h ^ (h >>> 16)) & 0xffff;
}

function maskFor(checksum: number): bigint {
  let mask = 0n;
  for (let i = 0; i < 4; i++) mask = (mask << 32n) | BigInt(mix32(Math.imul(checksum + 1, 0x9e3779b1) ^ mix32(i + 0x51ed)));
  return mask & ((1n << 112n) - 1n);
}

function checkRange(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`trace id ${name} out of range: ${value}`);
}

export function encodeTraceId(parts: TraceIdParts): string {
  checkRange('seed', parts.seed, 0xffffff);
  checkRange('startMs', parts.startMs, MAX_START_MS);
  checkRange('flow', parts.flow, 0xff);
  checkRange('outcome', parts.outcome, 0xff);
  checkRange('seq', parts.seq, 0xffffff);
  const payload = payloadOf(parts);
  const checksum = checksumOf(payload);
  const id = ((payload ^ maskFor(checksum)) << 16n) | BigInt(checksum);
  return id.toString(16).padStart(32, '0');
}

/** The parts of a demo trace ID, or undefined when the ID was not made by encodeTraceId. */
export function decodeTraceId(id: string): TraceIdParts | undefined {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
  const value = BigInt(`0x${id}`);
  const checksum = Number(value & 0xffffn);
  const payload = (value >> 16n) ^ maskFor(checksum);
  if (checksumOf(payload) !== checksum) return undefined;
  if (Number(payload >> 108n) !== TRACE_ID_VERSION) return undefined;
  return {
    seed: Number((payload >> 84n) & 0xffffffn),
    startMs: Number((payload >> 40n) & BigInt(MAX_START_MS)),
    flow: Number((payload >> 32n) & 0xffn),
    outcome: Number((payload >> 24n) & 0xffn),
    seq: Number(payload & 0xffffffn),
  };
}

/** A 32-bit key of the trace, the root of every per-span random choice (durations, span IDs). */
export function traceKey(parts: TraceIdParts): number {
  return hashInts(parts.seed, parts.startMs, (parts.flow << 8) | parts.outcome, parts.seq, 0x5ace);
}

/** The span ID (16 lowercase hex, never zero) of hop `hopIndex` of the trace. */
export function spanIdFor(parts: TraceIdParts, hopIndex: number): string {
  return spanIdFromKey(traceKey(parts), hopIndex);
}

/** `spanIdFor` given the trace's key (`traceKey(parts)`), for callers that make many span IDs of one trace. */
export function spanIdFromKey(key: number, hopIndex: number): string {
  const hi = hashInts(key, hopIndex, 1);
  const lo = hashInts(key, hopIndex, 2) || 1;
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
