import type { Labels } from './series';

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const SEPARATOR = 0xff;
const utf8 = new TextEncoder();

/**
 * Alertmanager's alert fingerprint (prometheus/common `model.LabelSet.Fingerprint`): FNV-1a 64 over the label
 * names in sorted order, each name and value followed by the byte 0xff, as 16 lowercase hex digits. Prometheus'
 * `/api/v1/alerts` sends no fingerprint; computing the same one lets a board show an alert once when both
 * Prometheus and Alertmanager report it.
 */
export function labelsFingerprint(labels: Labels): string {
  let hash = OFFSET;
  const add = (bytes: Uint8Array) => {
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  };
  const sep = Uint8Array.of(SEPARATOR);
  for (const name of Object.keys(labels).sort()) {
    add(utf8.encode(name));
    add(sep);
    add(utf8.encode(labels[name]!));
    add(sep);
  }
  return hash.toString(16).padStart(16, '0');
}
