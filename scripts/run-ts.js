// Runs a TypeScript entry point (benchmarks, media recorder) by bundling it with esbuild into .tmp/ first.
// Packages stay external, so native modules (the pty) load from node_modules as usual.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.js FILE.ts [ARGS...]');
  process.exit(252);
}
mkdirSync('.tmp', { recursive: true });
const outfile = `.tmp/${basename(entry).replace(/\.tsx?$/, '')}.mjs`;
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  logLevel: 'warning',
});
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
