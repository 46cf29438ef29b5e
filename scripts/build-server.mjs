// Bundles the server and CLI into dist/cli.js, and the intake thread beside it (it runs in its
// own worker thread and is loaded by path); npm packages stay external (native modules, assets).
import { build } from 'esbuild';

await build({
  entryPoints: [
    { in: 'src/cli.ts', out: 'cli' },
    { in: 'src/modules/orders/intake-thread.ts', out: 'intake-thread' },
  ],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
