import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

// The layer rules of ARCHITECTURE.md: each zone lists the folders its files must not import from.
const layers = [
  { target: './src/model', from: ['./src/lib', './src/datasources', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/lib', from: ['./src/datasources', './src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/datasources', from: ['./src/panels', './src/state', './src/pages', './src/app'] },
  { target: './src/panels', from: ['./src/datasources', './src/pages', './src/app'] },
  { target: './src/state', from: ['./src/lib', './src/datasources', './src/panels', './src/pages', './src/app'] },
  { target: './src/pages', from: ['./src/app'] },
];

// A file inside one panel (or adapter) folder may not reach into a sibling folder; `../shared/` is the
// one place such code may share, and files directly in the parent (types.ts, registry.ts) stay allowed.
const noSiblingFolder = (what) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^\\.\\./(?!\\.\\.|shared/)[^/]+/',
          message: `${what} never import each other; move shared code to ../shared/ or a lower layer.`,
        },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/panels/*/**/*.{ts,tsx}'], rules: noSiblingFolder('Panels') },
  { files: ['src/datasources/*/**/*.{ts,tsx}'], ignores: ['src/datasources/demo/**'], rules: noSiblingFolder('Adapters') },
);
