// One Vite config: the editor app (root editor/, built later into dist/editor) and the test
// projects. The runtime suite runs twice — in Node and in a browser-like DOM (happy-dom) — to
// prove the engine has no Node dependency.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser-like',
          environment: 'happy-dom',
          include: ['test/runtime/**/*.test.ts', 'test/logic/**/*.test.ts', 'test/nlu/classifier.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
