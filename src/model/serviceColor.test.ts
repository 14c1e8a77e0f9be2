import { describe, expect, it } from 'vitest';
import { SERVICE_COLOR_SLOTS, serviceColorIndex } from './serviceColor';

describe('serviceColorIndex', () => {
  it('depends on the name alone and stays in range', () => {
    const names = ['checkout', 'payments', 'payment-provider', '', 'ünïcødé', '<script>'];
    for (const name of names) {
      const slot = serviceColorIndex(name);
      expect(slot).toBe(serviceColorIndex(name));
      expect(Number.isInteger(slot) && slot >= 0 && slot < SERVICE_COLOR_SLOTS).toBe(true);
    }
  });

  it('is fixed across releases, so users keep their colours', () => {
    // FNV-1a 32: 'a' hashes to 0xe40c292c.
    expect(serviceColorIndex('a', 0x100000000)).toBe(0xe40c292c);
    expect(serviceColorIndex('a')).toBe(0xe40c292c % 16);
  });

  it('spreads services over the slots', () => {
    const used = new Set(Array.from({ length: 64 }, (_, i) => serviceColorIndex(`service-${i}`)));
    expect(used.size).toBeGreaterThan(SERVICE_COLOR_SLOTS / 2);
  });
});
