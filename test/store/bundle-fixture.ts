/** Bundles a TypeScript fixture into a runnable ESM file under the OS temp dir, for child processes. */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture `test/store/fixtures/<name>.ts`, bundled with its dependencies; returns the output path. */
export async function bundleFixture(name: string): Promise<string> {
  const entry = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));
  const outfile = join(mkdtempSync(join(tmpdir(), 'hlw-fixture-')), `${basename(name)}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // Bundled CommonJS dependencies call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}
