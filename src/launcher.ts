/**
 * The program's entry (bin/healthlake-wizard.cjs): loads the bundle's scripts through V8's code cache.
 *
 * Most of a first frame's time went to compiling JavaScript: React, its reconciler, Ink and the wizard. V8 can
 * keep the compiled code of a script and reuse it in the next process, skipping the parse and the lazy compiles.
 * Node 22 does this for every module (`module.enableCompileCache()`); Node 20 only offers `vm.Script`'s
 * `cachedData`, for scripts. So the build turns each chunk of the bundle into a CommonJS module body (a script
 * whose value is the module-wrapper function), packs the chunks that always load together into one script, and
 * this launcher is their module loader: it compiles each script with its cached code, runs each chunk once with a
 * `require` that loads sibling chunks the same way, and hands anything else to Node's `require`.
 *
 * The build warms a cache beside the bundle, a folder per V8 (dist/code-cache/<V8>-<CPU>/; the tarball carries one
 * for each supported Node). On a V8 with no folder there, or for scripts the warm-up never loaded, the launcher
 * writes a fresh entry to the user's cache folder, at the first frame and at exit. A cache is only ever an
 * optimisation: any failure to read or write one is ignored.
 *
 * Node 22.1 and later have a compile cache of their own (`module.enableCompileCache`), and each file of dist/ is
 * also a CommonJS module that Node's `require` can load with it (`codeLoader` 'node'). Measured side by side
 * (`npm run bench`), this loader still starts the wizard faster on Node 22 and 24 from the second run on: it saves
 * a script's code at the first frame, with every function compiled until then, where Node's keeps what it compiled
 * when the file was loaded. So every Node takes this loader; Node's is taken when asked (for the benchmark).
 * The user's cache folder keeps one folder per Node and build (V8 tells a script's cached code only by the script's
 * length); old ones go.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Script } from 'node:vm';
import envPaths from 'env-paths';

/** What the bundle's entry exports. */
interface AppModule {
  main(argv: string[], hooks: { firstFrameShown(): void }): Promise<void>;
}

/** Where a launch finds its bundle and its code caches (one file of V8 code per chunk, named after the chunk). */
export interface LaunchPaths {
  /** The entry chunk. */
  entry: string;
  /** The cache the build warmed beside the bundle for this V8 (absent when it warmed none for it). */
  builtCache: string;
  /** The user's cache folder, which holds the folders below (and those of other Nodes). */
  cacheRoot: string;
  /** The cache this Node and this build write for chunks the built one has no fitting code for. */
  userCache: string;
  /** The folder of Node's own compile cache for this Node and this build. */
  compileCache: string;
}

/** Makes the launcher write every loaded chunk's code into this folder, whatever it read (the build's warm-up). */
export const WRITE_CACHE_ENV = 'HEALTHLAKE_WIZARD_WRITE_CODE_CACHE';
/** `node` has Node's compile cache load the bundle (see codeLoader): for the benchmark and the tests. */
export const CODE_LOADER_ENV = 'HEALTHLAKE_WIZARD_CODE_LOADER';

// Set by the build (scripts/build.js): an id of the bundle.
declare const __HLW_BUILD_ID__: string;
const BUILD_ID = typeof __HLW_BUILD_ID__ === 'string' ? __HLW_BUILD_ID__ : 'source';

/**
 * This V8 and architecture, as a file name: V8 takes cached code only from the same V8 (it also checks each
 * source). scripts/build.js names the shipped folders the same way.
 */
function runtime(): string {
  return `${process.versions.v8}-${process.arch}`.replace(/[^\w.-]/g, '_');
}

/** The paths for the bundle in `distDir`; the user cache folders' names tie them to this V8 (and build). */
export function launchPaths(distDir: string, env: NodeJS.ProcessEnv = process.env): LaunchPaths {
  const cacheRoot = env.HEALTHLAKE_WIZARD_CACHE_DIR || envPaths('healthlake-wizard', { suffix: '' }).cache;
  return {
    entry: join(distDir, 'app.cjs'),
    builtCache: join(distDir, 'code-cache', runtime()),
    cacheRoot,
    // A folder per build too: V8 checks cached code against a script's length only, so an upgrade whose app.cjs
    // had the same length (chunk names differ only in their hashes) took the old build's code and ran it.
    userCache: join(cacheRoot, `code-${runtime()}-${BUILD_ID}`),
    // Node names its entries after the files' paths: a folder per build keeps an upgrade from piling up old ones.
    compileCache: join(cacheRoot, `compile-${runtime()}-${BUILD_ID}`),
  };
}

/**
 * Node's `require`, for its built-ins and, under Node's compile cache, the bundle's files. The launcher is built as a
 * CommonJS module (scripts/build.js), and this is its own: `createRequire` would load node:module, which nothing
 * else before the first frame needs.
 */
const nodeRequire: NodeJS.Require = require;

/** Node's own compile cache (22.1 and later), if this Node has one: node:module is loaded only when asked for it. */
interface CompileCacheApi {
  enableCompileCache?: (dir: string) => { status: number };
  flushCompileCache?: () => void;
}
const compileCacheApi = (): CompileCacheApi => nodeRequire('node:module') as CompileCacheApi;

/**
 * How this start loads the bundle: `vm`, this file's loader with V8 code caches (the shipped one, when this V8 made
 * it, else the user's), or, when CODE_LOADER_ENV asks and this Node has one, `node`: Node's require() with its own
 * compile cache (see the top of this file for why not by default).
 */
export function codeLoader(env: NodeJS.ProcessEnv = process.env): 'vm' | 'node' {
  return env[CODE_LOADER_ENV] === 'node' && !env[WRITE_CACHE_ENV] && compileCacheApi().enableCompileCache ? 'node' : 'vm';
}

/** Whether `distDir` ships a cache made by this V8 (else the first start compiles, then caches). */
export function shippedCacheFits(distDir: string): boolean {
  return existsSync(launchPaths(distDir).builtCache);
}

/** How many cache folders of other Nodes (or builds) are kept beside the one in use; older ones are removed. */
export const KEPT_OTHER_CACHES = 2;

/**
 * Removes the cache folders of other Nodes and builds in `root` but the `KEPT_OTHER_CACHES` newest (someone
 * switching between two Nodes keeps both), so that the cache never grows without bound. Called when `current` is
 * made, which is rare: on the first start of a new Node or build.
 */
export function pruneOtherCaches(root: string, current: string): void {
  const others = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^(code|compile)-/.test(entry.name) && join(root, entry.name) !== current)
    .map((entry) => ({ path: join(root, entry.name), modified: statSync(join(root, entry.name)).mtimeMs }))
    .sort((a, b) => b.modified - a.modified);
  for (const old of others.slice(KEPT_OTHER_CACHES)) rmSync(old.path, { recursive: true, force: true });
}

/** A folder of cached code: `<chunk>.v8` for each chunk (its path inside dist/). */
export class CodeCacheDir {
  /** Whether the folder existed when opened: a missing one is never read (no failing reads on every start). */
  private readonly present: boolean;

  constructor(readonly dir: string) {
    this.present = existsSync(dir);
  }

  private file(chunk: string): string {
    return join(this.dir, `${chunk}.v8`);
  }

  read(chunk: string): Buffer | undefined {
    if (!this.present) return undefined;
    try {
      return readFileSync(this.file(chunk));
    } catch {
      return undefined;
    }
  }

  /**
   * Writes one entry whole or not at all (a concurrent reader never sees half of one). The code is run as the
   * user's, so the folders are 0700 and the files 0600 whatever the umask; the temporary file gets a new,
   * unguessable name created exclusively (never an existing file or link) beside the entry, then renamed over it.
   */
  write(chunk: string, data: Buffer): void {
    const file = this.file(chunk);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // A folder left world-writable by an earlier version would let others swap the code this program runs.
    let folder = this.dir;
    makePrivate(folder);
    for (const part of dirname(chunk).split('/').filter((name) => name !== '.')) makePrivate((folder = join(folder, part)));
    const temporary = join(dirname(file), `.${basename(file)}.${Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex')}.tmp`);
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      try {
        for (let written = 0; written < data.length; ) written += writeSync(fd, data, written);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** Removes the entries of chunks that are not in `distDir` (left by an earlier version). */
  prune(distDir: string): void {
    for (const entry of readdirSync(this.dir, { recursive: true, encoding: 'utf8' })) {
      const chunk = entry.split('\\').join('/');
      if (chunk.endsWith('.v8') && !existsSync(join(distDir, chunk.slice(0, -'.v8'.length)))) rmSync(join(this.dir, entry), { force: true });
    }
  }
}

/** Makes a folder of ours private (0700) if group or others may use it; a link or another's folder is left alone. */
function makePrivate(folder: string): void {
  const stats = lstatSync(folder);
  if (stats.isDirectory() && stats.uid === process.getuid?.() && (stats.mode & 0o077) !== 0) chmodSync(folder, 0o700);
}

/** A script the loader compiled (a chunk or a pack). */
interface LoadedScript {
  script: Script;
  /** True when a cache holds its code: V8 took it from one, or this run saved it. */
  cached: boolean;
}

/** A chunk's body, as the build wraps it: Node's CommonJS module wrapper. */
type ChunkFunction = (exports: unknown, require: (specifier: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * What a pack script exports. The build packs the chunks that are always loaded together (the command line's,
 * the first frame's) into one script each: one read and one compile instead of a dozen.
 */
interface Pack {
  /** The chunks in this pack, by name. */
  chunks: Record<string, ChunkFunction>;
  /** For the entry pack: which pack holds each packed chunk. */
  packs?: Record<string, string>;
}

/**
 * The name of the chunk that `specifier` (`./x.cjs`, `../x.cjs`) names from the chunk named `from`: names are paths
 * inside dist/ with `/`, as the build writes them.
 */
export function chunkNamed(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** A CommonJS loader for the bundle's chunks that compiles each script with its cached code. */
export class ChunkLoader {
  /** The chunks run so far, by name. */
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly loaded = new Map<string, LoadedScript>();
  private readonly packed = new Map<string, ChunkFunction>();
  private packOf: Record<string, string> = {};

  constructor(
    private readonly distDir: string,
    /** The cached code to try for a script, best first. */
    private readonly cachedCode: (script: string) => Iterable<Buffer>,
    private readonly options: {
      trace?: (line: string) => void;
      snapshotAll?: boolean;
      /** Load each script with Node's require(), which compiles it with Node's compile cache when enabled. */
      nodeRequire?: boolean;
    } = {},
  ) {}

  /** Loads the chunk at `file` (a path inside the bundle). */
  require(file: string): unknown {
    return this.requireChunk(relative(this.distDir, file).split(sep).join('/'));
  }

  /**
   * Loads a chunk by its name inside dist/. A chunk's requires name their siblings relative to it (`./x.cjs`), and
   * are resolved on the names, with no path functions: a first frame makes about a hundred, and Node's path
   * functions, cold, cost it a millisecond or two.
   */
  private requireChunk(name: string): unknown {
    const existing = this.modules.get(name);
    if (existing) return existing.exports;
    let body = this.packed.get(name);
    if (!body) {
      const pack = this.packOf[name];
      if (pack) {
        this.loadPack(pack);
      } else {
        const compiled = this.compile(name) as ChunkFunction | Pack;
        if (typeof compiled === 'function') body = compiled;
        else this.registerPack(compiled);
      }
      body ??= this.packed.get(name);
      if (!body) throw new Error(`the bundle is incomplete: ${name} is in no pack (run \`npm run build\`)`);
    }
    const module = { exports: {} };
    this.modules.set(name, module);
    const localRequire = (specifier: string): unknown =>
      specifier.startsWith('./') || specifier.startsWith('../') ? this.requireChunk(chunkNamed(name, specifier)) : nodeRequire(specifier);
    const file = this.fileOf(name);
    body(module.exports, localRequire, module, file, file.slice(0, file.lastIndexOf(sep)));
    return module.exports;
  }

  /** The path of a chunk or pack, from its name. */
  private fileOf(name: string): string {
    return `${this.distDir}${sep}${name.split('/').join(sep)}`;
  }

  private loadPack(name: string): void {
    this.registerPack(this.compile(name) as Pack);
  }

  private registerPack(pack: Pack): void {
    for (const [chunk, body] of Object.entries(pack.chunks)) this.packed.set(chunk, body);
    if (pack.packs) this.packOf = { ...this.packOf, ...pack.packs };
  }

  /**
   * Compiles and runs one script of dist/ (a chunk or a pack) with the first cached code V8 accepts (the user's,
   * then the built one: another Node's flags may have made the user's), and returns what the script evaluates to.
   */
  private compile(name: string): unknown {
    const file = this.fileOf(name);
    if (this.options.nodeRequire) {
      this.options.trace?.(`loaded ${name} (Node's require, with its compile cache)`);
      return nodeRequire(file);
    }
    // The build writes only ASCII (it checks), so a byte is a character: no UTF-8 decoding of half a megabyte.
    const source = readFileSync(file, 'latin1');
    let script: Script | undefined;
    let outcome = 'no cache';
    let rejected = 0;
    for (const cachedData of this.cachedCode(name)) {
      script = new Script(source, { filename: file, cachedData });
      if (!script.cachedDataRejected) {
        outcome = 'cached code';
        break;
      }
      rejected += 1;
      outcome = 'cache rejected';
    }
    const fromCache = outcome === 'cached code';
    // A rejected cache still leaves a compiled script.
    script ??= new Script(source, { filename: file });
    this.options.trace?.(`loaded ${name} (${rejected > 0 && fromCache ? 'cached code, after a rejected one' : outcome})`);
    // A rejected entry (made under other V8 flags, say) would cost a compile at every start: it is rewritten.
    this.loaded.set(name, { script, cached: fromCache && rejected === 0 && !this.options.snapshotAll });
    return script.runInThisContext();
  }

  /** The scripts compiled without cached code and not saved since: caching them would speed the next start. */
  private unsaved(): [string, LoadedScript][] {
    return [...this.loaded].filter(([, loaded]) => !loaded.cached);
  }

  stale(): boolean {
    return this.unsaved().length > 0;
  }

  /**
   * Writes the code of each unsaved script as compiled so far, lazily compiled functions included. Each script is
   * taken once: those of the first frame at the first frame, those loaded after it at exit.
   */
  saveTo(cache: CodeCacheDir): void {
    for (const [name, loaded] of this.unsaved()) {
      cache.write(name, loaded.script.createCachedData());
      loaded.cached = true;
    }
  }
}

/**
 * The `--debug` lines of the loader. From the first frame on the wizard owns the screen, so after `hold()` the
 * lines wait until `release()` (at exit).
 */
function debugTrace(argv: string[]): { trace?: (line: string) => void; hold: () => void; release: () => void } {
  if (!argv.includes('--debug')) return { hold() {}, release() {} };
  let held: string[] | undefined;
  return {
    trace(line) {
      const text = `healthlake-wizard: code cache: ${line}\n`;
      if (held) held.push(text);
      else process.stderr.write(text);
    },
    hold() {
      held = [];
    },
    release() {
      if (held?.length) process.stderr.write(held.join(''));
    },
  };
}

/** Runs the bundle's `main` with the command line. */
export function launch(distDir: string, argv: string[], env: NodeJS.ProcessEnv = process.env): void {
  const paths = launchPaths(distDir, env);
  if (codeLoader(env) === 'node') {
    launchWithNodeCompileCache(distDir, paths, argv);
    return;
  }
  const forced = env[WRITE_CACHE_ENV];
  const built = new CodeCacheDir(forced || paths.builtCache);
  const user = forced ? built : new CodeCacheDir(paths.userCache);
  const { trace, hold, release } = debugTrace(argv);
  // The warm-up starts from what its earlier runs saved, so the cache ends up with the union of their code.
  const candidates = forced ? [built] : [user, built];
  function* cachedCode(name: string): Iterable<Buffer> {
    for (const cache of candidates) {
      const data = cache.read(name);
      if (data) yield data;
    }
  }
  const loader = new ChunkLoader(distDir, cachedCode, { trace, snapshotAll: Boolean(forced) });
  const save = () => {
    if (!loader.stale()) return;
    try {
      const made = !existsSync(user.dir);
      loader.saveTo(user);
      if (!forced) user.prune(distDir);
      if (made && !forced) pruneOtherCaches(paths.cacheRoot, user.dir);
      trace?.(`saved to ${user.dir}`);
    } catch {
      // Only an optimisation: a read-only or full disk costs the next start its speed, nothing else.
    }
  };
  process.once('exit', () => {
    save();
    release();
  });
  const app = loader.require(paths.entry) as AppModule;
  void app.main(argv, {
    firstFrameShown() {
      // Held from here on: the line saying where the cache was saved comes after the frame too.
      hold();
      save();
    },
  });
}

/**
 * Runs the bundle's `main` through Node's require() with Node's compile cache in the user's cache folder: Node
 * reads each file's cached code, and writes the code of files it compiled at the first frame and at exit.
 */
function launchWithNodeCompileCache(distDir: string, paths: LaunchPaths, argv: string[]): void {
  const { trace, hold, release } = debugTrace(argv);
  try {
    const made = !existsSync(paths.compileCache);
    // Private whatever the umask, as the loader's own cache folders (Node writes its entries inside).
    mkdirSync(paths.compileCache, { recursive: true, mode: 0o700 });
    makePrivate(paths.compileCache);
    compileCacheApi().enableCompileCache!(paths.compileCache);
    if (made) pruneOtherCaches(paths.cacheRoot, paths.compileCache);
  } catch {
    // Only an optimisation, as in launch().
  }
  process.once('exit', release);
  const loader = new ChunkLoader(distDir, () => [], { trace, nodeRequire: true });
  const app = loader.require(paths.entry) as AppModule;
  void app.main(argv, {
    firstFrameShown() {
      try {
        compileCacheApi().flushCompileCache?.();
      } catch {
        // as above
      }
      hold();
    },
  });
}
