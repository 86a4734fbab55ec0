/**
 * The build's rewrites of esbuild's output (scripts/bundle-rewrites.js), on a real esbuild bundle turned into a
 * CommonJS script as scripts/build.js does: importers of one CommonJS module share its namespace (esbuild's
 * `__toESM` memoized), a Node built-in's default import is the module itself with no copy, and the program reads
 * the same values as without the rewrites.
 */
import { build, transform } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a JavaScript script of the project (the build uses it), without types
import { builtinImportsAsRequires, COPIED_BUILTIN, memoizedToEsm } from '../../scripts/bundle-rewrites.js';

const scratch = mkdtempSync(join(tmpdir(), 'hlw-bundle-rewrites-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SOURCES = {
  'lib.cjs': 'exports.answer = 42; exports.greet = (name) => `hello ${name}`;',
  'first.mjs': "import * as lib from './lib.cjs'; import process from 'node:process'; import * as fs from 'node:fs'; export const first = { lib, process, fs };",
  'second.mjs': "import * as lib from './lib.cjs'; import greetings from './lib.cjs'; export const second = { lib, greeting: greetings.greet('x') };",
  'entry.mjs': "export { first } from './first.mjs'; export { second } from './second.mjs';",
};

interface Exported {
  first: { lib: { answer: number }; process: NodeJS.Process; fs: typeof import('node:fs') };
  second: { lib: { answer: number }; greeting: string };
}

/** The entry bundled as the build bundles (minified ES module for Node), then made a CommonJS script and run. */
async function bundled(rewrite: boolean): Promise<{ exported: Exported; code: string; found: number }> {
  for (const [name, text] of Object.entries(SOURCES)) writeFileSync(join(scratch, name), text);
  const { outputFiles } = await build({ entryPoints: [join(scratch, 'entry.mjs')], bundle: true, platform: 'node', format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const memoized = rewrite ? (memoizedToEsm(builtinImportsAsRequires(outputFiles[0]!.text)) as { text: string; found: number }) : { text: outputFiles[0]!.text, found: 0 };
  const { code } = await transform(memoized.text, { format: 'cjs', platform: 'node', minify: true, logLevel: 'silent' });
  const module = { exports: {} as Exported };
  // Run as the launcher runs a chunk: a script whose value is the CommonJS module wrapper.
  const wrapper = runInThisContext(`(function (module, exports, require) {${code}\n})`) as (m: typeof module, e: Exported, r: NodeJS.Require) => void;
  wrapper(module, module.exports, createRequire(join(scratch, 'entry.cjs')));
  return { exported: module.exports, code, found: memoized.found };
}

describe("the build's rewrites of esbuild's output", () => {
  it("share a CommonJS module's namespace between its importers, found once in esbuild's runtime", async () => {
    const plain = await bundled(false);
    // Without the rewrite, each importer gets a copy of its own: the test can tell.
    expect(plain.exported.first.lib).not.toBe(plain.exported.second.lib);
    const rewritten = await bundled(true);
    expect(rewritten.found).toBe(1);
    expect(rewritten.exported.first.lib).toBe(rewritten.exported.second.lib);
    expect(rewritten.exported.first.lib.answer).toBe(42);
    expect(rewritten.exported.second.greeting).toBe('hello x');
  });

  it("take a Node built-in's default or namespace import as the module itself, with no copy of its members", async () => {
    // Without the rewrite, each goes through esbuild's namespace copy, which the build's check sees: the test can tell.
    const plain = (await bundled(false)).code;
    expect(plain.match(new RegExp(COPIED_BUILTIN, 'g'))).toHaveLength(2);
    const rewritten = await bundled(true);
    expect(rewritten.code).not.toMatch(COPIED_BUILTIN);
    expect(rewritten.exported.first.process).toBe(process);
    expect(rewritten.exported.first.fs).toBe(createRequire(import.meta.url)('node:fs'));
  });

  it('leave text without esbuild\'s runtime or a built-in\'s default import as it is', () => {
    const text = 'import{readFileSync as r}from"node:fs";export const x=r;';
    expect(builtinImportsAsRequires(text)).toBe(text);
    expect(memoizedToEsm(text)).toEqual({ text, found: 0 });
  });
});
