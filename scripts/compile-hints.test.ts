import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHints, wantsCompileHint, withCompileHint } from './compile-hints';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A tiny app: an entry that loads a trace view and another page lazily. */
function app(): string {
  const root = mkdtempSync(join(tmpdir(), 'wf-hints-'));
  dirs.push(root);
  mkdirSync(join(root, 'src', 'pages', 'traces'), { recursive: true });
  mkdirSync(join(root, 'src', 'pages', 'services'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./src/main.js"></script>');
  writeFileSync(join(root, 'src', 'main.js'), 'globalThis.views = [() => import("./pages/traces/view.js"), () => import("./pages/services/page.js")];\n');
  writeFileSync(join(root, 'src', 'pages', 'traces', 'view.js'), '/* a comment the minifier drops */\nexport function drawRows(n) { return Array.from({ length: n }, (_, i) => i * 2); }\n');
  writeFileSync(join(root, 'src', 'pages', 'services', 'page.js'), 'export function listServices() { return ["payments"]; }\n');
  return root;
}

async function chunks(root: string, sourcemap: boolean): Promise<Rollup.OutputChunk[]> {
  const out = (await build({ root, configFile: false, logLevel: 'silent', plugins: [compileHints()], build: { write: false, minify: true, sourcemap } })) as Rollup.RollupOutput;
  return out.output.filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
}

describe('compile hints', () => {
  it('pick the views’ chunks, never the first route’s entry unless asked', () => {
    const view = { isEntry: false, moduleIds: ['/app/src/pages/traces/Waterfall.tsx', '/app/node_modules/@tanstack/virtual-core/dist/index.js'] };
    expect(wantsCompileHint(view)).toBe(true);
    expect(wantsCompileHint({ isEntry: false, moduleIds: ['/app/src/model/traceTree.ts'] })).toBe(true);
    expect(wantsCompileHint({ isEntry: false, moduleIds: ['/app/src/pages/logs/LogsPage.tsx'] })).toBe(true);
    expect(wantsCompileHint({ isEntry: false, moduleIds: ['/app/src/pages/services/ServicesPage.tsx'] })).toBe(false);
    expect(wantsCompileHint({ isEntry: true, moduleIds: ['/app/src/main.tsx', '/app/src/model/traceId.ts'] })).toBe(false);
    expect(wantsCompileHint({ isEntry: true, moduleIds: ['/app/bench/pages/trace.tsx', '/app/src/pages/traces/TraceView.tsx'] }, true)).toBe(true);
  });

  it('move the source map down the one line the hint takes', () => {
    expect(withCompileHint('a();\nb();', 'AAAA;AACA')).toEqual({ code: `${COMPILE_HINT}\na();\nb();`, mappings: ';AAAA;AACA' });
    expect(withCompileHint('a();', undefined).mappings).toBeUndefined();
  });

  it('survive minification as the first line of the hinted chunk only', async () => {
    const built = await chunks(app(), false);
    const view = built.find((c) => c.exports.includes('drawRows'))!;
    expect(view.code.split('\n')[0]).toBe(COMPILE_HINT);
    expect(view.code).not.toContain('a comment the minifier drops');
    for (const other of built.filter((c) => c !== view)) expect(other.code).not.toContain(COMPILE_HINT);
  });

  it('keep the source map pointing at the same code', async () => {
    const built = await chunks(app(), true);
    const view = built.find((c) => c.exports.includes('drawRows'))!;
    expect(view.map!.mappings.startsWith(';')).toBe(true);
    // The view's code starts on line 2 and is mapped from there; line 1 (the hint) maps to nothing.
    expect(view.map!.mappings.split(';')[0]).toBe('');
    expect(view.map!.mappings.split(';')[1]).not.toBe('');
  });
});
