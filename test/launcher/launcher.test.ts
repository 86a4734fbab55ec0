/**
 * The launcher's module loader and code cache, on a small bundle written here in the build's format: chunks are
 * scripts whose value is a module-wrapper function, packs are scripts whose value is `{ chunks, packs }`.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkNamed, ChunkLoader, CodeCacheDir, KEPT_OTHER_CACHES, launchPaths, pruneOtherCaches } from '../../src/launcher.js';

let dist: string;
let scratch: string;

const chunk = (body: string) => `(function (exports, require, module, __filename, __dirname) {"use strict";${body}\n})`;

function write(name: string, text: string): void {
  mkdirSync(join(dist, name, '..'), { recursive: true });
  writeFileSync(join(dist, name), text);
}

/** What the build puts before each script so that Node's require() can load it as well (scripts/build.js). */
const EXPORTED = '(typeof module=="object"?module:{}).exports=';

/** app.cjs packs the entry and a shared chunk; a second pack and a lone chunk are loaded on demand. */
function writeBundle(): void {
  write(
    'app.cjs',
    `${EXPORTED}({chunks:{` +
      `"app.cjs":${chunk(`const shared=require("./chunks/shared.cjs");const { join }=require("node:path");` +
        `globalThis.__runs=(globalThis.__runs||0)+1;` +
        `exports.main=()=>({ shared: shared.count(), again: require("./chunks/shared.cjs")===shared, joined: join("a","b"),` +
        ` strict: (function(){return this})()===undefined, lazy: require("./chunks/lazy.cjs").value, packed: require("./chunks/ui.cjs").value });`)},` +
      `"chunks/shared.cjs":${chunk('let n=0;exports.count=()=>++n;')}` +
      `},packs:{"chunks/ui.cjs":"chunks/ui-pack.cjs"}})`,
  );
  write('chunks/ui-pack.cjs', `${EXPORTED}({chunks:{"chunks/ui.cjs":${chunk('exports.value="from the pack";')}}})`);
  write('chunks/lazy.cjs', EXPORTED + chunk('exports.value="from its own file";'));
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hlw-launcher-'));
  dist = join(scratch, 'dist');
  writeBundle();
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A copy of the bundle in a folder of its own, as another process would load it: V8 keeps the scripts this
 * process compiled, by file name, and would hand those back without looking at the cached data.
 */
function freshCopy(label: string): string {
  const copy = join(scratch, label);
  cpSync(dist, copy, { recursive: true });
  return copy;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

function traced(cache: (name: string) => Buffer[], distDir = dist) {
  const lines: string[] = [];
  const loader = new ChunkLoader(distDir, cache, { trace: (line) => lines.push(line) });
  return { loader, lines };
}

describe('ChunkLoader', () => {
  it('runs each chunk once, from packs and lone files, with relative requires, Node built-ins and strict mode', () => {
    const { loader, lines } = traced(() => []);
    const app = loader.require(join(dist, 'app.cjs')) as { main(): Record<string, unknown> };
    expect(app.main()).toEqual({ shared: 1, again: true, joined: join('a', 'b'), strict: true, lazy: 'from its own file', packed: 'from the pack' });
    expect(loader.require(join(dist, 'app.cjs'))).toBe(app);
    expect(lines).toEqual(['loaded app.cjs (no cache)', 'loaded chunks/lazy.cjs (no cache)', 'loaded chunks/ui-pack.cjs (no cache)']);
  });

  it('saves the code it compiled, and the next loader takes it from the cache with nothing left to save', () => {
    const cache = new CodeCacheDir(join(scratch, 'cache'));
    const first = traced(() => []);
    (first.loader.require(join(dist, 'app.cjs')) as { main(): unknown }).main();
    expect(first.loader.stale()).toBe(true);
    first.loader.saveTo(cache);
    expect(first.loader.stale()).toBe(false);

    const reopened = new CodeCacheDir(join(scratch, 'cache'));
    const next = freshCopy('next');
    const second = traced((name) => [reopened.read(name)].filter((data): data is Buffer => data !== undefined), next);
    (second.loader.require(join(next, 'app.cjs')) as { main(): unknown }).main();
    expect(second.lines).toEqual(['loaded app.cjs (cached code)', 'loaded chunks/lazy.cjs (cached code)', 'loaded chunks/ui-pack.cjs (cached code)']);
    expect(second.loader.stale()).toBe(false);
  });

  it('runs a script whose cached code V8 rejects, and marks it to be saved again', () => {
    const { loader, lines } = traced((name) => (name === 'app.cjs' ? [Buffer.from('not V8 code at all')] : []));
    const app = loader.require(join(dist, 'app.cjs')) as { main(): { shared: number } };
    expect(app.main().shared).toBe(1);
    expect(lines[0]).toBe('loaded app.cjs (cache rejected)');
    expect(loader.stale()).toBe(true);
  });

  it('takes the first cached code V8 accepts, in the order given, and rewrites a rejected one before it', () => {
    const good = new CodeCacheDir(join(scratch, 'good'));
    const seed = traced(() => []);
    seed.loader.require(join(dist, 'app.cjs'));
    seed.loader.saveTo(good);
    const one = freshCopy('one');
    const first = traced((name) => [good.read(name)!], one);
    first.loader.require(join(one, 'app.cjs'));
    expect(first.lines).toEqual(['loaded app.cjs (cached code)']);
    expect(first.loader.stale()).toBe(false);

    // A rejected entry before the accepted one is to be rewritten, or every start would compile it once more.
    const copy = freshCopy('two');
    const second = traced((name) => [Buffer.from('stale'), good.read(name)!], copy);
    second.loader.require(join(copy, 'app.cjs'));
    expect(second.lines).toEqual(['loaded app.cjs (cached code, after a rejected one)']);
    expect(second.loader.stale()).toBe(true);
  });

  it("loads the same scripts through Node's require() (for Node's own compile cache), each chunk run once", () => {
    const lines: string[] = [];
    const loader = new ChunkLoader(dist, () => [], { trace: (line) => lines.push(line), nodeRequire: true });
    const app = loader.require(join(dist, 'app.cjs')) as { main(): Record<string, unknown> };
    expect(app.main()).toEqual({ shared: 1, again: true, joined: join('a', 'b'), strict: true, lazy: 'from its own file', packed: 'from the pack' });
    expect(lines).toEqual(["loaded app.cjs (Node's require, with its compile cache)", "loaded chunks/lazy.cjs (Node's require, with its compile cache)", "loaded chunks/ui-pack.cjs (Node's require, with its compile cache)"]);
    expect(loader.stale()).toBe(false);
  });

  it("resolves a chunk's relative requires on the names, as paths inside dist/ would be", () => {
    expect(chunkNamed('app.cjs', './chunks/ui.cjs')).toBe('chunks/ui.cjs');
    expect(chunkNamed('chunks/ui.cjs', './shared.cjs')).toBe('chunks/shared.cjs');
    expect(chunkNamed('chunks/ui.cjs', '../app.cjs')).toBe('app.cjs');
    expect(chunkNamed('chunks/deep/a.cjs', '../../b/./c.cjs')).toBe('b/c.cjs');
  });

  it('names a chunk that is in no pack and has no file', () => {
    write('app.cjs', `({chunks:{"app.cjs":${chunk('require("./chunks/missing.cjs");')}},packs:{"chunks/missing.cjs":"chunks/gone-pack.cjs"}})`);
    write('chunks/gone-pack.cjs', '({chunks:{}})');
    const { loader } = traced(() => []);
    expect(() => loader.require(join(dist, 'app.cjs'))).toThrow('the bundle is incomplete: chunks/missing.cjs is in no pack');
  });
});

describe('CodeCacheDir', () => {
  it('reads nothing from a folder that does not exist, and writes entries under the chunk names', () => {
    const cache = new CodeCacheDir(join(scratch, 'absent'));
    expect(cache.read('app.cjs')).toBeUndefined();
    cache.write('chunks/lazy.cjs', Buffer.from([1, 2, 3]));
    expect(new CodeCacheDir(cache.dir).read('chunks/lazy.cjs')).toEqual(Buffer.from([1, 2, 3]));
    expect(readdirSync(join(scratch, 'absent', 'chunks'))).toEqual(['lazy.cjs.v8']); // no temporary file left
  });

  it('never writes through a file planted where the temporary file went (the old name was `<entry>.<pid>.tmp`)', () => {
    const cache = new CodeCacheDir(join(scratch, 'cache'));
    const victim = join(scratch, 'victim.txt');
    writeFileSync(victim, 'untouched');
    mkdirSync(cache.dir, { mode: 0o700 });
    symlinkSync(victim, join(cache.dir, `app.cjs.v8.${process.pid}.tmp`));
    cache.write('app.cjs', Buffer.from('code'));
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(new CodeCacheDir(cache.dir).read('app.cjs')).toEqual(Buffer.from('code'));
  });

  it('makes a folder of the cache that others may write private (0700) before writing into it, and files 0600', () => {
    const cache = new CodeCacheDir(join(scratch, 'loose'));
    mkdirSync(join(cache.dir, 'chunks'), { recursive: true });
    chmodSync(cache.dir, 0o777);
    chmodSync(join(cache.dir, 'chunks'), 0o777);
    cache.write('chunks/lazy.cjs', Buffer.from('code'));
    expect([modeOf(cache.dir), modeOf(join(cache.dir, 'chunks')), modeOf(join(cache.dir, 'chunks', 'lazy.cjs.v8'))]).toEqual([0o700, 0o700, 0o600]);
  });

  it('prunes the entries of chunks that are no longer in the bundle', () => {
    const cache = new CodeCacheDir(join(scratch, 'cache'));
    cache.write('app.cjs', Buffer.from('a'));
    cache.write('chunks/lazy.cjs', Buffer.from('b'));
    cache.write('chunks/old-ABCDEF.cjs', Buffer.from('c'));
    cache.prune(dist);
    expect(readdirSync(join(scratch, 'cache'), { recursive: true }).map(String).sort()).toEqual(['app.cjs.v8', 'chunks', join('chunks', 'lazy.cjs.v8')]);
  });
});

describe('launchPaths', () => {
  it('keeps the user caches under HEALTHLAKE_WIZARD_CACHE_DIR, in folders named after this V8, CPU and build', () => {
    const paths = launchPaths('/opt/hlw/dist', { HEALTHLAKE_WIZARD_CACHE_DIR: '/var/cache/hlw' });
    expect(paths.cacheRoot).toBe('/var/cache/hlw');
    expect(paths.compileCache).toBe(join('/var/cache/hlw', `compile-${process.versions.v8}-${process.arch}-source`.replace(/[^\w.-]/g, '_')));
    expect(paths.entry).toBe(join('/opt/hlw/dist', 'app.cjs'));
    expect(paths.builtCache).toBe(join('/opt/hlw/dist', 'code-cache', `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_')));
    expect(paths.userCache).toBe(join('/var/cache/hlw', `code-${process.versions.v8}-${process.arch}-source`.replace(/[^\w.-]/g, '_')));
  });
});

describe('pruneOtherCaches', () => {
  /** Cache folders of other Nodes and builds, oldest first, then the one in use. */
  function cacheRoot(others: string[]): { root: string; current: string } {
    const root = join(scratch, 'user-cache');
    others.forEach((name, age) => {
      mkdirSync(join(root, name, 'chunks'), { recursive: true });
      writeFileSync(join(root, name, 'app.cjs.v8'), 'code');
      const modified = new Date(Date.UTC(2026, 0, 1 + age));
      utimesSync(join(root, name), modified, modified);
    });
    const current = join(root, 'compile-this-node-this-build');
    mkdirSync(current, { recursive: true });
    return { root, current };
  }

  it(`keeps the folder in use and the ${KEPT_OTHER_CACHES} newest of other Nodes, removes the others, and nothing else`, () => {
    const { root, current } = cacheRoot(['code-11.3-x64', 'compile-12.4-x64-aaaa', 'code-12.4-x64', 'compile-13.6-x64-aaaa', 'compile-13.6-x64-bbbb']);
    mkdirSync(join(root, 'not-a-cache'));
    writeFileSync(join(root, 'code-notes.txt'), 'a file, not a cache folder');
    pruneOtherCaches(root, current);
    expect(readdirSync(root).sort()).toEqual(['code-notes.txt', 'compile-13.6-x64-aaaa', 'compile-13.6-x64-bbbb', 'compile-this-node-this-build', 'not-a-cache']);
  });

  it('never lets the cache grow without bound: after many Nodes and builds, at most 1 + KEPT_OTHER_CACHES folders', () => {
    const root = join(scratch, 'user-cache');
    for (let release = 0; release < 12; release++) {
      const current = join(root, `${release % 2 ? 'code' : 'compile'}-release-${release}`);
      mkdirSync(current, { recursive: true });
      const modified = new Date(Date.UTC(2026, 0, 1 + release));
      utimesSync(current, modified, modified);
      pruneOtherCaches(root, current);
      expect(readdirSync(root).length).toBeLessThanOrEqual(1 + KEPT_OTHER_CACHES);
    }
    expect(readdirSync(root).sort()).toEqual(['code-release-11', 'code-release-9', 'compile-release-10']);
  });
});
