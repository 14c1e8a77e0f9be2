import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : []));
}

describe('endless animations', () => {
  it('step in every stylesheet instead of easing, so the screen is redrawn a few times a second, not 60', () => {
    // A compositor-only animation still has the compositor draw every frame; in software (no GPU: this machine, many
    // wall-screen sticks) a smooth fade took most of a core, and a spinner left on a slow panel would do the same.
    const endless = cssFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/animation:\s*([^;]*\binfinite\b[^;]*);/g)].map((m) => ({ file: file.slice(SRC.length), value: m[1]! })),
    );
    expect(endless.map((e) => e.file)).toEqual(expect.arrayContaining(['app/theme.css', 'pages/noc/noc.css']));
    for (const e of endless) expect(e).toEqual({ file: e.file, value: expect.stringMatching(/\bsteps\(\d+/) });
  });
});
