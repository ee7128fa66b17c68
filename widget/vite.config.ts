// Builds the chat widget into one self-contained script, dist/widget/widget.js (an IIFE: no
// modules, no chunks, styles inlined), which sites embed with a single <script> tag. Kept apart
// from the editor's Vite config; run with `vite build --config widget/vite.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    lib: { entry: here('main.ts'), name: 'SwitchboardWidget', formats: ['iife'], fileName: () => 'widget.js' },
    outDir: here('../dist/widget'),
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
  },
});
