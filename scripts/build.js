// Bundles src/ into dist/ with esbuild. Code splitting keeps the heavy parts (Ink/React, the AWS SDK,
// conf, YAML) in chunks that are only loaded when a command needs them, so start-up stays lean.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: 'linked',
  legalComments: 'none',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  // Ink imports react-devtools-core only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __hlwCreateRequire } from 'node:module'; const require = __hlwCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
