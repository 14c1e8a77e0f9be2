import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer and sibling rules of eslint.config.js (ARCHITECTURE.md, issue 5 #9 and issue 6 #3), run through
// ESLint's Node API on snippets placed inside src/. The project's own eslint.config.js runs over a small tree
// in a temporary folder, because the sibling zones come from the folders that exist: the tree holds two
// adapters and two panels, which the real src/ does not always have.
const repo = join(import.meta.dirname, '..');
let root = '';
let eslint: ESLint;

const TREE: Record<string, string> = {
  'src/model/time.ts': 'export const t = 1;\n',
  'src/lib/units.ts': 'export const u = 1;\n',
  'src/demo/index.ts': 'export const demo = 1;\n',
  'src/datasources/registry.ts': 'export const r = 1;\n',
  'src/datasources/types.ts': 'export type T = number;\n',
  'src/datasources/shared/fetchJson.ts': 'export const f = 1;\n',
  'src/datasources/prometheus/client.ts': 'export const c = 1;\n',
  'src/datasources/loki/client.ts': 'export const l = 1;\n',
  'src/panels/registry.tsx': 'export const p = 1;\n',
  'src/panels/shared/types.ts': 'export type S = number;\n',
  'src/panels/stat/StatPanel.tsx': 'export const s = 1;\n',
  'src/panels/timeseries/chartData.ts': 'export const x = 1;\n',
  'src/pages/services/ServicesPage.tsx': 'export const page = 1;\n',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'watchfloor-eslint-'));
  copyFileSync(join(repo, 'eslint.config.js'), join(root, 'eslint.config.js'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  eslint = new ESLint({ cwd: root });
}, 30_000);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

/** The import-rule errors ESLint reports for `code` as if it were the file at `path`. */
async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layer rules', () => {
  it('forbid a page to import the demo', async () => {
    const errors = await importErrors('src/pages/services/Other.tsx', "import { demo } from '../../demo';\nexport const x = demo;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^import-x\/no-restricted-paths: .*src\/pages\/ may not import .*src\/demo\//);
  });

  it('forbid the registry a static import of the demo, and allow the lazy one', async () => {
    const staticImport = await importErrors('src/datasources/registry.ts', "import { demo } from '../demo';\nexport const x = demo;\n");
    expect(staticImport).toHaveLength(1);
    expect(staticImport[0]).toMatch(/^no-restricted-imports: .*Load the demo lazily/);
    const lazy = await importErrors('src/datasources/registry.ts', "export const load = () => import('../demo');\n");
    expect(lazy).toEqual([]);
  });

  it('forbid any other datasource file to import the demo, even lazily', async () => {
    const errors = await importErrors('src/datasources/prometheus/other.ts', "export const load = () => import('../../demo');\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no-restricted-paths/);
  });

  it('let the demo import only model/ and lib/', async () => {
    const datasources = await importErrors('src/demo/other.ts', "import { c } from '../datasources/prometheus/client';\nexport const x = c;\n");
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatch(/no-restricted-paths: .*src\/demo\/ may not import .*src\/datasources\//);
    const registry = await importErrors('src/demo/other.ts', "import { r } from '../datasources/registry';\nexport const x = r;\n");
    expect(registry).toHaveLength(1);
    const allowed = await importErrors('src/demo/other.ts', "import { t } from '../model/time';\nimport { u } from '../lib/units';\nexport const x = t + u;\n");
    expect(allowed).toEqual([]);
  });
});

describe('the sibling rules, at any depth', () => {
  it('forbid a panel to import a sibling panel, however the path is spelt', async () => {
    for (const spec of ['../timeseries/chartData', '../../panels/timeseries/chartData', '../../../src/panels/timeseries/chartData']) {
      const errors = await importErrors('src/panels/stat/reduce.ts', `import { x } from '${spec}';\nexport const y = x;\n`);
      expect(errors, spec).toHaveLength(1);
      expect(errors[0]).toMatch(/Panels never import each other/);
    }
  });

  it('let a panel import panels/shared and the files directly in panels/', async () => {
    const errors = await importErrors(
      'src/panels/stat/reduce.ts',
      "import type { S } from '../shared/types';\nimport { p } from '../registry';\nexport const y: S = p;\n",
    );
    expect(errors).toEqual([]);
  });

  it('forbid an adapter to import a sibling adapter, and let it import datasources/shared', async () => {
    const sibling = await importErrors('src/datasources/loki/index.ts', "import { c } from '../../datasources/prometheus/client';\nexport const x = c;\n");
    expect(sibling).toHaveLength(1);
    expect(sibling[0]).toMatch(/Adapters never import each other/);
    const kit = await importErrors('src/datasources/loki/index.ts', "import { f } from '../shared/fetchJson';\nimport type { T } from '../types';\nexport const x: T = f;\n");
    expect(kit).toEqual([]);
  });
});

describe("react-hooks v7's recommended rules (issue 5 #8)", () => {
  it('flag a ref written during render', async () => {
    const [result] = await eslint.lintText(
      "import { useRef } from 'react';\nexport function Held({ value }: { value: number }) {\n  const last = useRef(value);\n  last.current = value;\n  return <span>{last.current}</span>;\n}\n",
      { filePath: join(root, 'src/panels/stat/Held.tsx') },
    );
    expect(result?.messages.map((m) => m.ruleId)).toContain('react-hooks/refs');
  });
});
