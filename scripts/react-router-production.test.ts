import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { reactRouterProductionBuild } from './react-router-production';

// Inside the project, so that `react-router` resolves from its node_modules.
const tmpRoot = fileURLToPath(new URL('../node_modules/.tmp/', import.meta.url));
mkdirSync(tmpRoot, { recursive: true });
const root = mkdtempSync(join(tmpRoot, 'wf-rr-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
writeFileSync(join(root, 'main.js'), 'import { useRoutes } from "react-router";\nglobalThis.useRoutes = useRoutes;\n');

async function bundled(withPlugin: boolean): Promise<string> {
  const out = (await build({ root, configFile: false, logLevel: 'silent', plugins: withPlugin ? [reactRouterProductionBuild()] : [], build: { write: false } })) as Rollup.RollupOutput;
  return out.output.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
}

describe('reactRouterProductionBuild', () => {
  // A development-only warning of useRoutes: present in React Router's development build, dropped from its production one.
  const DEV_WARNING = 'No routes matched location';

  it('bundles React Router without its development warnings', async () => {
    expect(await bundled(false)).toContain(DEV_WARNING);
    expect(await bundled(true)).not.toContain(DEV_WARNING);
  }, 60_000);
});
