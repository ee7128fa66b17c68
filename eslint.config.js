// Lint rules that keep the layers honest (STYLE.md "Enforced, not hoped for"): runtime/ is a
// pure core that must run in a browser, and shared/ depends on zod only.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'events', 'net', 'zlib', 'readline'];

const ambient = [
  { name: 'process', message: 'runtime/ runs in browsers: take configuration as parameters.' },
  { name: 'window', message: 'runtime/ runs on the server too.' },
  { name: 'document', message: 'runtime/ runs on the server too.' },
  { name: 'fetch', message: 'runtime/ does no I/O: emit an effect (action output) for the host.' },
  { name: 'setTimeout', message: 'runtime/ has no timers: the host enforces timeouts.' },
  { name: 'setInterval', message: 'runtime/ has no timers.' },
  { name: 'performance', message: 'runtime/ reads time through the Clock port.' },
  { name: 'require', message: 'ESM only.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'runtime/ must run in a browser: no Node modules.' },
            { group: ['react', 'react-dom', '@xyflow/*'], message: 'runtime/ has no UI.' },
            { group: ['**/server/**', '**/editor/**', '**/cli/**'], message: 'runtime/ depends on shared/ only.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...ambient],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read time through the Clock port.' },
        { object: 'Math', property: 'random', message: 'Use a seeded generator: the engine is deterministic.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read time through the Clock port.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is used in browsers.' },
            { group: ['**/runtime/**', '**/server/**', '**/editor/**', '**/cli/**', 'react'], message: 'shared/ depends on zod only.' },
          ],
        },
      ],
    },
  },
);
