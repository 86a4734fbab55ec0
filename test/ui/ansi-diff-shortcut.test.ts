/**
 * The build's shortcut in @alcalzone/ansi-tokenize (scripts/ink-patches.js, ansiDiffWithSameStyleShortcut), which
 * Ink runs for every character it draws, answers as the library does: the library's own build folder and a copy
 * with the shortcut, compared on random style lists and on random styled text turned into a frame's string.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a JavaScript script of the project (the build shares it), without types
import { ANSI_DIFF, ansiDiffWithSameStyleShortcut } from '../../scripts/ink-patches.js';
import { REPO_ROOT } from '../support/pty-terminal.js';

interface AnsiCode {
  type: 'ansi';
  code: string;
  endCode: string;
}
interface Library {
  diffAnsiCodes(from: AnsiCode[], to: AnsiCode[]): AnsiCode[];
  ansiCodesToString(codes: AnsiCode[]): string;
  styledCharsFromTokens(tokens: unknown[]): unknown[];
  styledCharsToString(chars: unknown[]): string;
  tokenize(text: string): unknown[];
}

const library = join(REPO_ROOT, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build');
const scratch = mkdtempSync(join(tmpdir(), 'hlw-ansi-diff-'));
let original: Library;
let patched: Library;

/** The library's index loaded from `folder` by Node itself (not through the test's transforms). */
const load = async (folder: string) => (await import(pathToFileURL(join(folder, 'index.js')).href)) as Library;

beforeAll(async () => {
  for (const [name, shortcut] of [['original', false], ['patched', true]] as const) {
    const folder = join(scratch, name, 'build');
    cpSync(library, folder, { recursive: true });
    writeFileSync(join(scratch, name, 'package.json'), JSON.stringify({ type: 'module' }));
    if (shortcut) {
      const changed = readdirSync(folder).filter((file) => ANSI_DIFF.test(join(library, file)));
      expect(changed.sort()).toEqual(['ansiCodes.js', 'diff.js']);
      for (const file of changed) writeFileSync(join(folder, file), ansiDiffWithSameStyleShortcut(readFileSync(join(folder, file), 'utf8'), file) as string);
    }
  }
  [original, patched] = await Promise.all([load(join(scratch, 'original', 'build')), load(join(scratch, 'patched', 'build'))]);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** SGR styles as Ink writes them: colours, background colours, bold, dim, italic, underline, inverse. */
const STYLES = ['\x1b[31m', '\x1b[32m', '\x1b[36m', '\x1b[39m', '\x1b[41m', '\x1b[49m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[3m', '\x1b[23m', '\x1b[4m', '\x1b[24m', '\x1b[7m', '\x1b[27m', '\x1b[0m'];
const styledText = fc.array(fc.oneof(fc.constantFrom(...STYLES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('the ANSI style diff with its same-style shortcut', () => {
  it('turns random styled text into the same string as the library', () => {
    fc.assert(
      fc.property(styledText, (text) => {
        const chars = original.styledCharsFromTokens(original.tokenize(text));
        expect(patched.styledCharsToString(chars)).toBe(original.styledCharsToString(chars));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same diff between the styles of any two characters, and the same string of any codes', () => {
    const styles = (text: string) => (original.styledCharsFromTokens(original.tokenize(`${text}x`)).at(-1) as { styles: AnsiCode[] }).styles;
    fc.assert(
      fc.property(styledText, styledText, (from, to) => {
        expect(patched.diffAnsiCodes(styles(from), styles(to))).toEqual(original.diffAnsiCodes(styles(from), styles(to)));
        expect(patched.ansiCodesToString(styles(to))).toBe(original.ansiCodesToString(styles(to)));
      }),
      { numRuns: 500 },
    );
    expect(patched.diffAnsiCodes([], [])).toEqual([]);
    expect(patched.ansiCodesToString([])).toBe('');
  });
});
