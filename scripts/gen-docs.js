// Regenerates docs/parameters.md from the spec (bundled on the fly with esbuild, as the spec is TypeScript).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: ['src/docs/parameters-markdown.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { renderParametersMarkdown } = await import(url);
writeFileSync('docs/parameters.md', renderParametersMarkdown());
console.log('wrote docs/parameters.md');
