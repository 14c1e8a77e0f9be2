import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./noc.css', import.meta.url), 'utf8');

/** Each `@keyframes` block's body, by name. */
function keyframes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/@keyframes\s+([\w-]+)\s*\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)) out.set(m[1]!, m[2]!);
  return out;
}

describe('the wall board stylesheet', () => {
  it('animates only opacity and transform, which the compositor runs without repainting the board every frame', () => {
    // A background or shadow animation on a CRIT tile kept the main thread painting 60 times a second for as long
    // as the alert lasted: on a wall screen left for weeks, and inside every refresh cycle's measured time.
    const blocks = keyframes(css);
    expect(blocks.size).toBeGreaterThan(0);
    for (const [name, body] of blocks) {
      const properties = [...body.matchAll(/([\w-]+)\s*:/g)].map((m) => m[1]);
      expect({ name, properties: properties.filter((p) => p !== 'opacity' && p !== 'transform') }).toEqual({ name, properties: [] });
    }
  });
});
