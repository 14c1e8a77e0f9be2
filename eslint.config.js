import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

// The layer rules of ARCHITECTURE.md: each zone lists the folders its files must not import from. Zone paths
// resolve against `basePath`, which import-x takes from process.cwd() unless told: anchored here, so the rules
// hold when ESLint runs from another folder (an editor, a monorepo root) instead of silently matching nothing.
const basePath = import.meta.dirname;
const layerZones = [
  { target: './src/model', from: ['./src/editor', './src/lib', './src/datasources', './src/demo', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/lib', from: ['./src/editor', './src/datasources', './src/demo', './src/panels', './src/state', './src/pages', './src/app'] },
  // Only the registry may reach the demo, and only through a lazy import() (checked below).
  { target: './src/datasources', from: ['./src/editor', './src/demo', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/demo', from: ['./src/editor', './src/datasources', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/panels', from: ['./src/editor', './src/datasources', './src/demo', './src/pages', './src/app'] },
  // The shared query editor frame: completion sources come in as parameters, never from a datasource.
  { target: './src/editor', from: ['./src/datasources', './src/demo', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/state', from: ['./src/editor', './src/lib', './src/datasources', './src/demo', './src/panels', './src/pages', './src/app'] },
  // Trace-file import: the format detector over the adapters' converters (model, lib, datasources); pure, for a worker.
  { target: './src/traceFiles', from: ['./src/editor', './src/demo', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: ['./src/model', './src/lib', './src/datasources', './src/demo', './src/panels', './src/editor', './src/state'], from: ['./src/traceFiles'] },
  { target: './src/pages', from: ['./src/demo', './src/app'] },
  { target: './src/app', from: ['./src/demo'] },
];
const withMessage = (zone) => ({
  ...zone,
  message: `${zone.target.slice(2)}/ may not import ${zone.from.map((f) => `${f.slice(2)}/`).join(', ')} (the layers of ARCHITECTURE.md).`,
});
const layers = layerZones.map(withMessage);

// A file inside one panel (or adapter) folder may not reach into a sibling folder, at any depth: each folder
// is its own zone whose forbidden sources are every other folder but `shared/`. Files directly in the parent
// (types.ts, registry.ts) stay importable.
const siblingZones = (parent, what) =>
  readdirSync(join(import.meta.dirname, parent), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => ({
      target: `./${parent}/${d.name}`,
      from: `./${parent}`,
      except: [`./${d.name}`, './shared', ...readdirSync(join(import.meta.dirname, parent)).filter((f) => /\.tsx?$/.test(f)).map((f) => `./${f}`)],
      message: `${what} never import each other; move shared code to ${parent}/shared/ or a lower layer.`,
    }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath, zones: layers }],
      // v7's recommended set: the hook rules plus the React Compiler's checks (no refs read or written
      // during render, pure renders, memo dependencies it can verify). The flat variant, since this is
      // a flat config; `configs['recommended-latest']` still names its plugin the legacy way in 7.1.1.
      ...reactHooks.configs.flat['recommended-latest'].rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath, zones: [...layers, ...siblingZones('src/panels', 'Panels'), ...siblingZones('src/datasources', 'Adapters')] },
      ],
    },
  },
  // The registry is the demo's one door, and a lazy one: import('../demo') only, never a static import.
  {
    files: ['src/datasources/registry.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath,
          zones: [
            ...layerZones.map((z) => withMessage(z.target === './src/datasources' ? { ...z, from: z.from.filter((f) => f !== './src/demo') } : z)),
            ...siblingZones('src/datasources', 'Adapters'),
          ],
        },
      ],
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./demo(/|$)', message: 'Load the demo lazily: import(\'../demo\').' }] }],
    },
  },
);
