import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * React Router 7's package exports name only its development build, so every app build bundled it, with its
 * development warnings switched on (`ENABLE_DEV_WARNINGS = true`: "No routes matched location …" on a 404 page,
 * the default error boundary's console.error). The production build ships beside it, the same code with that
 * flag off (remix-run/react-router#14102). A build resolves `react-router` to it; the dev server keeps the warnings.
 */
export function reactRouterProductionBuild(): Plugin {
  const packageDir = dirname(createRequire(import.meta.url).resolve('react-router/package.json'));
  return {
    name: 'watchfloor:react-router-production-build',
    config: (_config, { command }) =>
      command === 'build' ? { resolve: { alias: [{ find: /^react-router$/, replacement: join(packageDir, 'dist', 'production', 'index.mjs') }] } } : undefined,
  };
}
