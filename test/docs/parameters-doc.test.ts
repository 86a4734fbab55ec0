import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderParametersMarkdown, withReadmeTable } from '../../src/docs/parameters-markdown.js';
import { LEAVES, PARAMETERS } from '../../src/parameter-model/index.js';

const docPath = new URL('../../docs/parameters.md', import.meta.url);

describe('docs/parameters.md', () => {
  it('is up to date with the spec (run `npm run docs` to regenerate)', () => {
    expect(readFileSync(docPath, 'utf8')).toBe(renderParametersMarkdown());
  });

  it("is embedded, up to date, in README.md's parameter table", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withReadmeTable(readme));
  });

  it('has a table row for every leaf and a section for every parameter', () => {
    const doc = renderParametersMarkdown();
    for (const leaf of LEAVES) expect(doc).toContain(`| \`${leaf.path}\` |`);
    for (const parameter of PARAMETERS) expect(doc).toContain(`## \`${parameter.flag}\``);
  });
});
