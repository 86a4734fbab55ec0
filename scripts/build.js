// Builds dist/ in three steps (see src/launcher.ts for why):
//   1. esbuild bundles src/ with code splitting, so each command loads only the chunks it needs (the dry run never
//      loads Ink or the AWS SDK; the first frame never loads the SDK);
//   2. each chunk is turned from an ES module into a CommonJS module body, a script the launcher
//      (dist/launcher.cjs) can compile with V8's code cache; the chunks that always load together are packed into
//      one script (dist/app.cjs for the command line, dist/chunks/wizard-pack.cjs for the first frame, and
//      dist/chunks/flow-pack.cjs for what the first frame shares with the plain mode);
//   3. a warm-up runs the built program (a dry run, a sandbox creation, status, history, presets, the wizard up
//      to its first frame, the plain mode up to its first question) and keeps the code V8 compiled for them in
//      dist/code-cache/<V8>-<CPU>/, a folder per V8 (V8 takes cached code only from its own version).
//
// `--cache-for 20,22,24` warms a cache for each of those Nodes as well (their binaries from scripts/node-binary.js,
// fetched from the npm registry once, or only those already fetched when HEALTHLAKE_WIZARD_NODE_OFFLINE is set), so
// that the first start after installing the tarball finds code of its own Node (`prepack` asks for the supported
// ones). A Node that cannot be had is said and left out: its first start compiles, then caches.
import { build, transform } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinImportsAsRequires, COPIED_BUILTIN, memoizedToEsm } from './bundle-rewrites.js';
import { nodeBinary } from './node-binary.js';
import { ANSI_DIFF, ansiDiffWithSameStyleShortcut, ERROR_OVERVIEW, errorOverviewWithLazyStackUtils, inkOnATerminal, LOG_UPDATE, logUpdateWithLineDiffFix, oneColumnText, RECONCILER, reconcilerWithoutDevtools, SEGMENTER_FILES, SIGNAL_EXIT, signalExitWithLazyAssert, stringWidthWrapper, TERMINAL_SIZE, terminalSizeWithLazyChildProcess, withGraphemeShortcut, YOGA_MODULE, YOGA_WASM_FILE, yogaWithWasmFile } from './ink-patches.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const bin = join(root, 'bin', 'healthlake-wizard.cjs');
const cacheRoot = join(dist, 'code-cache');
rmSync(dist, { recursive: true, force: true });

/**
 * A script cannot hold a top-level await, and two modules Ink loads have one:
 * - yoga-layout awaits its WebAssembly; Ink's `import Yoga from 'yoga-layout'` resolves to our
 *   src/ui/layout-engine.ts instead, which loads yoga (through `yoga-layout/load`) before Ink runs;
 * - Ink's reconciler awaits react-devtools only when DEV=true; that branch is dropped (devtools are not bundled).
 * The changes to Ink's own code live in scripts/ink-patches.js, which the component tests apply too.
 */
/** yoga's WebAssembly, taken out of its module by the script-safe plugin. */
let yogaWasm;
const scriptSafe = {
  name: 'script-safe',
  setup(builder) {
    builder.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: join(root, 'src', 'ui', 'layout-engine.ts') }));
    // Not for the script: Ink must draw on a terminal even when CI variables are set (see the file).
    builder.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: inkOnATerminal(root) }));
    builder.onLoad({ filter: RECONCILER }, ({ path }) => ({ contents: reconcilerWithoutDevtools(readFileSync(path, 'utf8')), loader: 'js' }));
    // Not for the script, for the first frame's time: child_process loads only when a terminal's size is asked of it.
    builder.onLoad({ filter: TERMINAL_SIZE }, ({ path }) => ({ contents: terminalSizeWithLazyChildProcess(readFileSync(path, 'utf8')), loader: 'js' }));
    // Not for the script either: node:assert, and stack-utils with node:module, load only when they are used.
    builder.onLoad({ filter: SIGNAL_EXIT }, ({ path }) => ({ contents: signalExitWithLazyAssert(readFileSync(path, 'utf8')), loader: 'js' }));
    builder.onLoad({ filter: ERROR_OVERVIEW }, ({ path }) => ({ contents: errorOverviewWithLazyStackUtils(readFileSync(path, 'utf8')), loader: 'js' }));
    // yoga's WebAssembly as a file of its own (see yogaWithWasmFile), written beside the chunks below.
    builder.onLoad({ filter: YOGA_MODULE }, ({ path }) => {
      const { source, wasm } = yogaWithWasmFile(readFileSync(path, 'utf8'));
      yogaWasm = wasm;
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * Ink's text libraries answer from src/ui/one-column-text.ts for one-column text (all of the wizard's own), and use
 * Unicode's heavy machinery only for other text:
 * - every bundled string-width (Ink has two versions) becomes a wrapper that requires the real one, with its
 *   costly Unicode-property regexes, on first need (esbuild runs an ES module's body at its first require());
 * - the grapheme segmenters that @alcalzone/ansi-tokenize and slice-ansi make when they load become one that
 *   makes the real `Intl.Segmenter` (ICU's break rules: the first costs 10 ms) on first need.
 */
const oneColumnTextPlugin = {
  name: 'one-column-text',
  setup(builder) {
    const shortcuts = oneColumnText(root);
    builder.onResolve({ filter: /^string-width$/ }, async ({ importer, resolveDir, kind, pluginData }) => {
      if (pluginData?.real) return undefined;
      const real = await builder.resolve('string-width', { importer, resolveDir, kind, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'one-column-string-width' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'one-column-string-width' }, ({ path }) => ({
      resolveDir: root,
      loader: 'js',
      contents: stringWidthWrapper(shortcuts, path, { lazy: true }),
    }));
    builder.onLoad({ filter: ANSI_DIFF }, ({ path }) => ({ loader: 'js', contents: ansiDiffWithSameStyleShortcut(readFileSync(path, 'utf8'), relative(root, path)) }));
    builder.onLoad({ filter: SEGMENTER_FILES }, ({ path }) => ({
      loader: 'js',
      contents: withGraphemeShortcut(readFileSync(path, 'utf8'), shortcuts, relative(root, path)),
    }));
  },
};

/** Ink's incremental renderer with its line-diff fix (see logUpdateWithLineDiffFix). */
const inkLineDiff = {
  name: 'ink-line-diff',
  setup(builder) {
    builder.onLoad({ filter: LOG_UPDATE }, ({ path }) => ({ contents: logUpdateWithLineDiffFix(readFileSync(path, 'utf8')), loader: 'js' }));
  },
};

const common = { bundle: true, platform: 'node', preserveSymlinks: true, target: 'node20', legalComments: 'none', minify: true, logLevel: 'warning' };

// 1. The program, split into chunks.
const { outputFiles, metafile } = await build({
  ...common,
  absWorkingDir: root,
  entryPoints: { app: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  splitting: true,
  write: false,
  metafile: true,
  jsx: 'automatic',
  // Ink imports react-devtools-core only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [scriptSafe, oneColumnTextPlugin, inkLineDiff],
});

// 2. Each chunk as a CommonJS module body, wrapped as Node wraps one (the launcher runs it): imports become
// require() calls the launcher serves, dynamic imports become lazy require() calls, exports stay live bindings.
// Each file of dist/ is both a script whose value is its chunk (or pack) and a CommonJS module exporting it: the
// launcher compiles it with vm.Script and its own code cache, or, on a Node with a compile cache of its own, has
// Node's require() load it (see src/launcher.ts).
const EXPORTED = '(typeof module=="object"?module:{}).exports=';
const bodies = new Map();
/** How many times esbuild's runtime __toESM was found (once: the chunk that holds the runtime). */
let toEsmMemoized = 0;
for (const file of outputFiles) {
  const memoized = memoizedToEsm(builtinImportsAsRequires(file.text));
  toEsmMemoized += memoized.found;
  const { code } = await transform(memoized.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    supported: { 'dynamic-import': false },
    // yoga's loader reads import.meta.url (to find files it does not need: its WebAssembly is inlined).
    ...(file.text.includes('import.meta')
      ? { define: { 'import.meta.url': '__importMetaUrl' }, banner: 'var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;' }
      : {}),
    logLevel: 'warning',
  });
  // ES modules are strict; so stays their CommonJS form.
  bodies.set(chunkName(file.path), `(function (exports, require, module, __filename, __dirname) {"use strict";${code}\n})`);
}

if (toEsmMemoized !== 1) throw new Error(`esbuild's runtime __toESM was found ${toEsmMemoized} times, not once: update memoizedToEsm in scripts/build.js`);

// Chunks that always load together go into one script, a pack: the command line's (the entry and `create`, which
// is the dry run's whole path) into app.cjs, and the wizard's first frame (Ink, React, the app) into another.
const outputs = metafile.outputs;
const byEntryPoint = (entryPoint) => {
  const found = Object.keys(outputs).find((output) => outputs[output].entryPoint === entryPoint);
  if (!found) throw new Error(`no chunk has the entry point ${entryPoint} (update the packs in scripts/build.js)`);
  return found;
};
/** The chunks a chunk loads before it runs (its static imports, transitively). */
const staticClosure = (roots) => {
  const seen = new Set();
  const visit = (output) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of outputs[output].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  roots.forEach(visit);
  return seen;
};
const cliPack = staticClosure([byEntryPoint('src/cli.ts'), byEntryPoint('src/commands/create.ts')]);
const firstFrame = [...staticClosure([
  byEntryPoint('src/ui/run-wizard.ts'),
  byEntryPoint('src/ui/app.tsx'),
  byEntryPoint('node_modules/ink/build/index.js'),
])].filter((output) => !cliPack.has(output));
// The plain mode (--plain) shares the flow with the wizard but must not read Ink and React: what both load goes
// into a pack of its own, which the first frame reads as well (one more script).
const plainClosure = staticClosure([byEntryPoint('src/plain/run-plain.ts')]);
const flowPack = firstFrame.filter((output) => plainClosure.has(output));
const wizardPack = firstFrame.filter((output) => !plainClosure.has(output));
const WIZARD_PACK = 'chunks/wizard-pack.cjs';
const FLOW_PACK = 'chunks/flow-pack.cjs';
const packText = (members, index) =>
  `${EXPORTED}({chunks:{${members.map((output) => `${JSON.stringify(chunkName(output))}:${bodies.get(chunkName(output))}`).join(',')}}` +
  `${index ? `,packs:${JSON.stringify(index)}` : ''}})`;
const packed = new Set([...cliPack, ...wizardPack, ...flowPack].map(chunkName));
const packIndex = [...wizardPack.map((output) => [chunkName(output), WIZARD_PACK]), ...flowPack.map((output) => [chunkName(output), FLOW_PACK])];
write('app.cjs', packText([...cliPack], Object.fromEntries(packIndex)));
write(WIZARD_PACK, packText(wizardPack));
write(FLOW_PACK, packText(flowPack));
for (const [name, body] of bodies) if (!packed.has(name)) write(name, `${EXPORTED}${body}`);
// Beside the chunk that holds yoga, as its module reads it (chunks of one folder, packs too).
if (!yogaWasm) throw new Error('yoga-layout was not bundled: its WebAssembly has no file (update the script-safe plugin in scripts/build.js)');
const yogaChunk = Object.keys(outputs).find((output) => Object.keys(outputs[output].inputs).some((input) => YOGA_MODULE.test(input)));
writeFileSync(join(dist, dirname(chunkName(yogaChunk)), YOGA_WASM_FILE), yogaWasm);

// The launcher: node built-ins and env-paths only, a CommonJS module. It learns an id of this bundle (Node's compile
// cache is kept per build). Made as the chunks are, so that env-paths' built-in default imports are no copies either.
const bundleId = createHash('sha256').update([...bodies.values()].join('\n')).digest('hex').slice(0, 12);
const launcher = await build({
  ...common,
  entryPoints: ['src/launcher.ts'],
  format: 'esm',
  write: false,
  define: { __HLW_BUILD_ID__: JSON.stringify(bundleId) },
});
// An ES module is strict; so stays its CommonJS form.
const launcherCode = await transform(builtinImportsAsRequires(launcher.outputFiles[0].text), { format: 'cjs', platform: 'node', target: 'node20', minify: true, banner: '"use strict";', logLevel: 'warning' });
write('launcher.cjs', launcherCode.code);

// Two checks of every script written:
// - the launcher reads each as Latin-1, one byte a character (no UTF-8 decoding): only ASCII may be written.
//   esbuild escapes every other character (its default charset);
// - a Node built-in's import that reached the CommonJS transform is a copy of the module with a getter per member
//   (COPIED_BUILTIN): builtinImportsAsRequires no longer matches esbuild's output.
for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!entry.endsWith('.cjs')) continue;
  const bytes = readFileSync(join(dist, entry));
  const offset = bytes.findIndex((byte) => byte > 0x7f);
  if (offset !== -1) throw new Error(`dist/${entry} has a byte that is not ASCII at offset ${offset}: the launcher reads scripts as Latin-1 (src/launcher.ts)`);
  const copied = bytes.toString('latin1').match(COPIED_BUILTIN);
  if (copied) throw new Error(`dist/${entry} copies a Node built-in, ${copied[0]}: update builtinImportsAsRequires in scripts/bundle-rewrites.js`);
}

/** A chunk's path inside dist/, with forward slashes. */
function chunkName(path) {
  return relative(dist, resolve(root, path)).split('\\').join('/');
}

function write(name, text) {
  mkdirSync(dirname(join(dist, name)), { recursive: true });
  writeFileSync(join(dist, name), text);
}

// 3. The warm-up, on this Node and on each Node of --cache-for. Each run adds the code it compiled to that Node's
// cache folder (HEALTHLAKE_WIZARD_WRITE_CODE_CACHE).
const warmNodes = [process.execPath];
const cacheForAt = process.argv.indexOf('--cache-for');
for (const major of cacheForAt === -1 ? [] : (process.argv[cacheForAt + 1] ?? '').split(',').filter(Boolean)) {
  try {
    const binary = nodeBinary(major, { offline: Boolean(process.env.HEALTHLAKE_WIZARD_NODE_OFFLINE) });
    if (!warmNodes.includes(binary)) warmNodes.push(binary);
  } catch (error) {
    warn(`Node ${major}: ${error.message}`, `its first start compiles, then caches`);
  }
}
for (const node of warmNodes) await warmUp(node);

/** Runs the built program on `node` as below, keeping the code in that Node's folder of dist/code-cache/. */
async function warmUp(node) {
  const { version, v8, arch } = JSON.parse(execFileSync(node, ['-p', 'JSON.stringify({ version: process.version, v8: process.versions.v8, arch: process.arch })'], { encoding: 'utf8' }));
  // The launcher's name for a V8 (runtime() in src/launcher.ts).
  const cacheDir = join(cacheRoot, `${v8}-${arch}`.replace(/[^\w.-]/g, '_'));
  const scratch = mkdtempSync(join(tmpdir(), 'hlw-build-'));
  // NODE_OPTIONS may carry V8 flags, and V8 takes cached code only under the flags it was made with: the warm-up
  // runs as a plain `node` does.
  const { NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
  const warmEnv = {
    ...inherited,
    HOME: scratch,
    HEALTHLAKE_WIZARD_CONFIG_DIR: join(scratch, 'config'),
    HEALTHLAKE_WIZARD_CACHE_DIR: join(scratch, 'cache'),
    HEALTHLAKE_WIZARD_WRITE_CODE_CACHE: cacheDir,
  };
  const warmUps = [
    ['create', '--no-interactive', '--dry-run', '--datastore-name', 'warm-up', '--datastore-type-version', 'R4',
      '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--tags', 'Key=team,Value=data'],
    // A whole creation in the sandbox, for the chunks after the first frame: the SDK, the emulator, the watcher.
    ['create', '--no-interactive', '--sandbox', '--wait', '--datastore-name', 'warm-up', '--datastore-type-version', 'R4'],
    // The other commands, on what that creation left in the scratch home.
    ['status', '--no-interactive'],
    ['history'],
    ['presets', 'list'],
  ];
  const on = node === process.execPath ? '' : ` (Node ${version})`;
  // Every run of the warm-up has a deadline and is then killed outright: a build must never wait on it.
  for (const args of warmUps) {
    const run = spawnSync(node, [bin, ...args], {
      env: { ...warmEnv, HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '0' },
      stdio: 'ignore',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    if (run.status !== 0) warn(`\`${args.slice(0, 3).join(' ')}\`${on} ${run.error ? run.error.message : `exited ${run.status ?? run.signal}`}`);
  }
  await warmUpWizard(node, warmEnv).catch((error) => warn(`${error.message}${on}`));
  await warmUpPlain(node, warmEnv).catch((error) => warn(`${error.message}${on}`));
  rmSync(scratch, { recursive: true, force: true });
}

/** Runs the wizard in a pseudo-terminal up to its first frame, then quits it (the launcher saves at that frame). */
async function warmUpWizard(node, warmEnv) {
  const { spawn } = await import('@lydell/node-pty');
  const pty = spawn(node, [bin, '--sandbox'], { cols: 80, rows: 24, env: warmEnv, name: 'xterm-256color' });
  let output = '';
  let asked = false;
  let confirmed = false;
  const exited = new Promise((resolve) => pty.onExit(resolve));
  pty.onData((data) => {
    output += data;
    if (!asked && output.includes('Step 1 of')) {
      asked = true;
      pty.write('\x03');
    }
    if (!confirmed && output.includes('Quit and discard')) {
      confirmed = true;
      pty.write('y');
    }
  });
  const kill = (signal) => () => {
    try {
      pty.kill(signal);
    } catch {
      // already gone
    }
  };
  const timers = [setTimeout(kill('SIGTERM'), 20_000), setTimeout(kill('SIGKILL'), 25_000)];
  const gaveUp = new Promise((resolve) => timers.push(setTimeout(() => resolve('gave up'), 30_000)));
  const ending = await Promise.race([exited, gaveUp]);
  for (const timer of timers) clearTimeout(timer);
  if (ending === 'gave up') throw new Error('the wizard did not end, even killed');
  if (!asked) throw new Error(`the wizard did not show its first step within 20 s (it showed: ${JSON.stringify(plain(output).slice(-200))})`);
  if (!confirmed) throw new Error('the wizard did not ask to confirm Ctrl+C');
}

/** Runs the plain mode (--plain) in a pseudo-terminal up to its first question, then ends its input (Ctrl+D). */
async function warmUpPlain(node, warmEnv) {
  const { spawn } = await import('@lydell/node-pty');
  const pty = spawn(node, [bin, '--plain', '--sandbox'], { cols: 80, rows: 24, env: warmEnv, name: 'dumb' });
  let output = '';
  let asked = false;
  const exited = new Promise((resolve) => pty.onExit(resolve));
  pty.onData((data) => {
    output += data;
    if (!asked && output.includes('Step 1 of')) {
      asked = true;
      pty.write('\x04');
    }
  });
  const timer = setTimeout(() => pty.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
  if (!asked) throw new Error(`the plain mode did not ask its first question within 20 s (it showed: ${JSON.stringify(plain(output).slice(-200))})`);
}

/** Terminal output without its escape sequences. */
function plain(output) {
  // eslint-disable-next-line no-control-regex -- control characters are what it matches
  return output.replace(/\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b./g, '').replace(/\s+/g, ' ').trim();
}

function warn(what, consequence = 'the program works, its starts are slower') {
  process.stderr.write(`build: code-cache warm-up: ${what}; ${consequence}\n`);
}
