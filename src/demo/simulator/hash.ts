/**
 * Deterministic integer hashing. Every "random" choice of the simulator (noise phases, jitter, which
 * request becomes an exemplar, span durations) is a pure function of integers through these helpers,
 * so the same inputs give the same bits on every call, machine and JS engine: only 32-bit integer
 * arithmetic (Math.imul, shifts, xor) is used, never Math.random or float accumulation.
 */

/** The murmur3 finaliser: a bijective avalanche of a 32-bit word. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_POW_32 = 4294967296;

/** Folds one more value into a running hash; values beyond 32 bits (epoch ms) keep their high word. */
export function hashStep(h: number, value: number): number {
  const lo = value >>> 0;
  const hi = Math.floor(value / TWO_POW_32) >>> 0;
  let acc = mix32((h ^ lo) + 0x9e3779b9);
  if (hi !== 0) acc = mix32((acc ^ hi) + 0x7f4a7c15);
  return acc;
}

/** A 32-bit hash of a short list of non-negative integers (or integers up to 2^53). */
export function hashInts(a: number, b: number, c = 0, d = 0, e = 0): number {
  let h = hashStep(0x2545f491, a);
  h = hashStep(h, b);
  h = hashStep(h, c);
  h = hashStep(h, d);
  return hashStep(h, e);
}

/** A uniform number in [0, 1) from a 32-bit hash. */
export function unitFromHash(h: number): number {
  return (h >>> 0) / TWO_POW_32;
}

/** A uniform number in [0, 1) from a short list of integers. */
export function unitHash(a: number, b: number, c = 0, d = 0, e = 0): number {
  return unitFromHash(hashInts(a, b, c, d, e));
}

/** A 32-bit hash of a string (FNV-1a, then finalised), for labels and names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}
