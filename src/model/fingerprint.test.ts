import { describe, expect, it } from 'vitest';
import { labelsFingerprint } from './fingerprint';

describe('labelsFingerprint', () => {
  it('is FNV-1a 64 of the sorted names and values with 0xff separators, as Alertmanager computes it', () => {
    // The empty set hashes to the FNV-1a offset basis. e2e/alertmanager.real.test.ts checks the fingerprints a
    // real Alertmanager computes against this function.
    expect(labelsFingerprint({})).toBe('cbf29ce484222325');
    expect(labelsFingerprint({ foo: 'bar' })).toBe(labelsFingerprint({ foo: 'bar' }));
    expect(labelsFingerprint({ a: '1', b: '2' })).toBe(labelsFingerprint({ b: '2', a: '1' }));
    expect(labelsFingerprint({ a: 'b' })).not.toBe(labelsFingerprint({ ab: '' }));
    expect(labelsFingerprint({ a: '1' })).toMatch(/^[0-9a-f]{16}$/);
  });
});
