// The changes the build makes to Ink and its text libraries, as pure source transforms, shared by the build
// (scripts/build.js, esbuild plugins) and the component tests (vitest.config.ts, a Vite plugin), so that the
// tests render the Ink that ships. Each transform throws when the code it changes has changed: a new release
// must be looked at, never patched blindly.
import { join } from 'node:path';

/** Ink's `import isInCi from 'is-in-ci'` answers from this module: never "in CI" (see the file). */
export const inkOnATerminal = (root) => join(root, 'src', 'ui', 'ink-on-a-terminal.ts');

/** The one-column shortcuts of string-width and the grapheme segmenter (see the file). */
export const oneColumnText = (root) => join(root, 'src', 'ui', 'one-column-text.ts');

/** Ink's reconciler, whose devtools branch and package.json read hold top-level awaits. */
export const RECONCILER = /[\\/]ink[\\/]build[\\/]reconciler\.js$/;

/** Ink's reconciler without its DEV-only devtools import and without reading its package.json at run time. */
export function reconcilerWithoutDevtools(source) {
  const devtools = /\nif \(isDev\(\)\) \{\n\s+try \{\n\s+await import\('\.\/devtools\.js'\);[\s\S]*?\n\}\n/;
  const packageJson = '? await loadPackageJson()';
  if (!devtools.test(source) || !source.includes(packageJson)) {
    throw new Error('ink/build/reconciler.js has changed: update reconcilerWithoutDevtools in scripts/ink-patches.js');
  }
  return source.replace(devtools, '\n').replace(packageJson, '? { name: undefined, version: undefined }');
}

/** Ink's incremental renderer. */
export const LOG_UPDATE = /[\\/]ink[\\/]build[\\/]log-update\.js$/;

/**
 * Ink's incremental renderer (only the lines that changed are written) starts each frame one line too low when
 * the previous frame ended in a newline, as every frame shorter than the terminal does: from the line below the
 * frame, going up one line less than the frame's height lands on its second line. The fix goes up the whole
 * height then.
 */
export function logUpdateWithLineDiffFix(source) {
  const offByOne = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
  if (source.split(offByOne).length !== 2) {
    throw new Error('ink/build/log-update.js has changed: update logUpdateWithLineDiffFix in scripts/ink-patches.js');
  }
  return source.replace(offByOne, "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));");
}

/** The two libraries that make a grapheme `Intl.Segmenter` when they load. */
export const SEGMENTER_FILES = /[\\/](@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize|slice-ansi[\\/]tokenize-ansi)\.js$/;

/** The library's own segmenter replaced by the one-column shortcut, imported from `shortcutsPath`. */
export function withGraphemeShortcut(source, shortcutsPath, name) {
  const made = /new Intl\.Segmenter\(undefined, ?\{ ?granularity: ?["']grapheme["'] ?\}\)/g;
  if ((source.match(made) ?? []).length !== 1) throw new Error(`${name} has changed: update withGraphemeShortcut in scripts/ink-patches.js`);
  return `import { graphemeSegmenter as __graphemeSegmenter } from ${JSON.stringify(shortcutsPath)};\n${source.replace(made, '__graphemeSegmenter')}`;
}

/**
 * A string-width that answers one-column text itself and asks the real one (at `realPath`) otherwise. `lazy`
 * (the bundle) requires the real one on first need, so its costly regexes are built only then.
 */
export function stringWidthWrapper(shortcutsPath, realPath, { lazy }) {
  const shortcut = `import { oneColumnWidth } from ${JSON.stringify(shortcutsPath)};`;
  const width = 'const width = oneColumnWidth(text, options);\n  if (width !== undefined) return width;';
  if (lazy) {
    return `${shortcut}
let real;
export default function stringWidth(text, options) {
  ${width}
  real ??= require(${JSON.stringify(realPath)}).default;
  return real(text, options);
}`;
  }
  return `${shortcut}
import real from ${JSON.stringify(realPath)};
export default function stringWidth(text, options) {
  ${width}
  return real(text, options);
}`;
}

/** terminal-size, which Ink asks for the size of a terminal that is not a TTY (piped output). */
export const TERMINAL_SIZE = /[\\/]terminal-size[\\/]index\.js$/;

/**
 * terminal-size with node:child_process loaded on first need: it runs `tput` or `resize` only when a stream has no
 * size of its own, and loading child_process (with net and dgram behind it) cost the first frame about 3 ms.
 */
export function terminalSizeWithLazyChildProcess(source) {
  const eager = "import {execFileSync} from 'node:child_process';";
  if (source.split(eager).length !== 2) throw new Error('terminal-size/index.js has changed: update terminalSizeWithLazyChildProcess in scripts/ink-patches.js');
  return source.replace(eager, "let __childProcess;\nconst execFileSync = (...args) => (__childProcess ??= require('node:child_process')).execFileSync(...args);");
}

/** The style diff of @alcalzone/ansi-tokenize, which Ink runs for every character of every frame. */
export const ANSI_DIFF = /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/](diff|ansiCodes)\.js$/;

/**
 * The style diff and its string with a shortcut for what most characters are: styled as the one before (no
 * styles at all, mostly). Ink turns every frame into a string character by character, and for each the library
 * built three Sets and four arrays to find that nothing changed: 2 MB of garbage for an 80x24 frame, a third of
 * what the first frame allocates. The answers are the same: an empty diff, an empty string.
 */
export function ansiDiffWithSameStyleShortcut(source, name) {
  const diff = 'export function diffAnsiCodes(from, to) {';
  const toString = 'export function ansiCodesToString(codes) {';
  const [head, shortcut] = source.includes(diff)
    ? [diff, '\n    if (from.length === to.length && from.every((code, index) => code.code === to[index].code)) return [];']
    : [toString, "\n    if (codes.length === 0) return '';"];
  if (source.split(head).length !== 2) throw new Error(`${name} has changed: update ansiDiffWithSameStyleShortcut in scripts/ink-patches.js`);
  return source.replace(head, `${head}${shortcut}`);
}

/** signal-exit 3, which Ink and cli-cursor load to restore the terminal on exit. */
export const SIGNAL_EXIT = /[\\/]signal-exit[\\/]index\.js$/;

/**
 * signal-exit with node:assert loaded only when its one check fails: Node's assert module (with its diff and
 * error machinery) cost the first frame about 1.5 ms, for a test that a handler is a function. The test, its
 * loose equality and its message are the same.
 */
export function signalExitWithLazyAssert(source) {
  const eager = "var assert = require('assert')";
  if (source.split(eager).length !== 2) throw new Error('signal-exit/index.js has changed: update signalExitWithLazyAssert in scripts/ink-patches.js');
  return source.replace(eager, "var assert = { equal: function (actual, expected, message) { if (actual != expected) require('assert').equal(actual, expected, message) } }");
}

/** Ink's overview of an error thrown while rendering. */
export const ERROR_OVERVIEW = /[\\/]ink[\\/]build[\\/]components[\\/]ErrorOverview\.js$/;

/**
 * Ink's error overview with stack-utils made on first need, when an error is shown: loading it built a regular
 * expression for each of Node's built-in modules, and loaded node:module to list them, at every start. The
 * overview parses the stack's lines as before.
 */
export function errorOverviewWithLazyStackUtils(source) {
  const imported = "import StackUtils from 'stack-utils';\n";
  const made = /const stackUtils = new StackUtils\(\{\n\s+cwd: cwd\(\),\n\s+internals: StackUtils\.nodeInternals\(\),\n\}\);\n/;
  const uses = source.match(/stackUtils\.\w+/g) ?? [];
  if (source.split(imported).length !== 2 || !made.test(source) || !uses.every((use) => use === 'stackUtils.parseLine')) {
    throw new Error('ink/build/components/ErrorOverview.js has changed: update errorOverviewWithLazyStackUtils in scripts/ink-patches.js');
  }
  const lazy =
    'let __stackUtils;\n' +
    'const stackUtils = {\n' +
    '    parseLine(line) {\n' +
    "        const StackUtils = require('stack-utils');\n" +
    '        __stackUtils ??= new StackUtils({ cwd: cwd(), internals: StackUtils.nodeInternals() });\n' +
    '        return __stackUtils.parseLine(line);\n' +
    '    },\n' +
    '};\n';
  return source.replace(imported, '').replace(made, lazy);
}

/** yoga-layout's Emscripten module, Ink's layout engine, with its WebAssembly inlined as base64. */
export const YOGA_MODULE = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;

/** The file, beside the chunk that holds yoga, that the build writes its WebAssembly to. */
export const YOGA_WASM_FILE = 'yoga.wasm';

/**
 * yoga's module reading its WebAssembly from `YOGA_WASM_FILE` beside its chunk, not from a 96 KB base64 string
 * in the script: each start read that string with the script, took it again from the code cache, and decoded it
 * character by character. With the bytes given, yoga neither decodes nor fetches anything. Returns the changed
 * module and the bytes to write.
 */
export function yogaWithWasmFile(source) {
  const inlined = /"data:application\/octet-stream;base64,([A-Za-z0-9+/]+={0,2})"/;
  const given = 'h.wasmBinary&&(w=h.wasmBinary)';
  const found = source.match(inlined);
  const wasm = found ? Buffer.from(found[1], 'base64') : Buffer.alloc(0);
  if (!found || source.split(given).length !== 2 || wasm.subarray(0, 4).toString('latin1') !== '\0asm') {
    throw new Error('yoga-layout/dist/binaries/yoga-wasm-base64-esm.js has changed: update yogaWithWasmFile in scripts/ink-patches.js');
  }
  const read = `w=h.wasmBinary||require("node:fs").readFileSync(require("node:path").join(__dirname,${JSON.stringify(YOGA_WASM_FILE)}))`;
  return { source: source.replace(inlined, '""').replace(given, read), wasm };
}
