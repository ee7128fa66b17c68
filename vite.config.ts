// One Vite config: the editor app (root editor/, built into dist/editor, served by the studio
// server at `/`) and the test projects. The runtime suite runs twice — in Node and in a
// browser-like DOM (happy-dom) — to prove the engine has no Node dependency; the browser suite
// drives real Chromium against the built editor and the real server.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// Vitest resolves test globs against the root, so the editor root applies to builds and the dev server only.
const testing = process.env.VITEST !== undefined;

export default defineConfig({
  ...(testing ? {} : { root: here('editor') }),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('dist/editor'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: {
    // `npx vite` for editor development proxies the API to a studio server on port 3000.
    proxy: { '/trpc': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser-like',
          environment: 'happy-dom',
          include: ['test/runtime/**/*.test.ts', 'test/logic/**/*.test.ts', 'test/nlu/classifier.test.ts', 'test/nlu/classify-reference.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          // Real Chromium against the built editor and an in-process server; one browser at a time.
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
