// Regenerates docs/parameters.md and README.md's parameter table from the spec (bundled on the fly with esbuild, as the spec is TypeScript).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: ['src/docs/parameters-markdown.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { renderParametersMarkdown, withReadmeTable } = await import(url);
writeFileSync('docs/parameters.md', renderParametersMarkdown());
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8')));
console.log('wrote docs/parameters.md and the parameter table in README.md');
