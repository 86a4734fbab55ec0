/**
 * The fast path agrees with every string-width Ink bundles, character by character and on random text, and
 * leaves everything else (emoji, CJK, combining marks, tabs, other options) to the real module.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { oneColumnWidth } from '../../src/ui/fast-string-width.js';
import { REPO_ROOT } from '../support/pty-terminal.js';

type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
const versions: { version: string; width: StringWidth }[] = [];

beforeAll(async () => {
  const places = ['node_modules/string-width', 'node_modules/ink/node_modules/string-width', 'node_modules/wrap-ansi/node_modules/string-width'];
  for (const place of places.map((folder) => join(REPO_ROOT, folder)).filter((folder) => existsSync(folder))) {
    const manifest = JSON.parse(readFileSync(join(place, 'package.json'), 'utf8')) as { version: string };
    const module = (await import(pathToFileURL(join(place, 'index.js')).href)) as { default: StringWidth };
    versions.push({ version: manifest.version, width: module.default });
  }
});

/** Every character the fast path takes, from the blocks it draws from. */
function fastCharacters(): string[] {
  const characters: string[] = [];
  for (let codePoint = 0; codePoint <= 0x27ff; codePoint++) {
    const character = String.fromCodePoint(codePoint);
    if (oneColumnWidth(character) !== undefined) characters.push(character);
  }
  return characters;
}

const segments = (text: string) => [...new Intl.Segmenter().segment(text)].length;

describe('oneColumnWidth', () => {
  it('is checked against both string-width versions Ink uses', () => {
    expect(versions.map((entry) => entry.version.split('.')[0]).sort()).toEqual(['7', '8']);
  });

  it('takes only characters that every version measures as one column and that never join a neighbour', () => {
    const characters = fastCharacters();
    expect(characters.length).toBeGreaterThan(900);
    for (const { version, width } of versions) {
      expect(characters.filter((character) => width(character) !== 1).map((c) => `${version}: U+${c.codePointAt(0)!.toString(16)}`)).toEqual([]);
    }
    const joining = characters.filter((character) => segments(`a${character}a`) !== 3 || segments(character + character) !== 2);
    expect(joining).toEqual([]);
  });

  it('gives the width every version gives, on random text with and without colours', () => {
    const characters = fastCharacters();
    const styled = fc.tuple(fc.array(fc.constantFrom(...characters), { maxLength: 40 }), fc.constantFrom('', '\u001B[31m', '\u001B[1;36m'));
    fc.assert(
      fc.property(styled, ([chars, style]) => {
        const text = style ? `${style}${chars.join('')}\u001B[39m` : chars.join('');
        const fast = oneColumnWidth(text);
        expect(fast).toBe(chars.length);
        for (const { width } of versions) expect(width(text)).toBe(fast);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves emoji, wide and combining characters, controls and other options to string-width', () => {
    for (const text of ['✔ done', 'ok 🙂', '数据存储', 'e\u0301', 'a\tb', 'line\nbreak', '\u00AD', '🇩🇪']) {
      expect(oneColumnWidth(text)).toBeUndefined();
    }
    expect(oneColumnWidth('· ambiguous', { ambiguousIsNarrow: false })).toBeUndefined();
    expect(oneColumnWidth('\u001B[31mred\u001B[39m', { countAnsiEscapeCodes: true })).toBeUndefined();
    expect(oneColumnWidth('plain ASCII')).toBe(11);
  });
});
