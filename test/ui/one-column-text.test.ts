/**
 * The shortcuts agree with what they stand in for: oneColumnWidth with every string-width Ink bundles, the
 * grapheme segmenter with Intl.Segmenter, character by character and on random text; and they leave everything
 * else (emoji, CJK, combining marks, tabs, other options) to the real ones.
 */
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphemeSegmenter, oneColumnWidth } from '../../src/ui/one-column-text.js';
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

describe('graphemeSegmenter', () => {
  const real = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const plain = (segments: Iterable<Intl.SegmentData>) => [...segments].map(({ segment, index }) => ({ segment, index }));

  it('segments styled one-column text as Intl.Segmenter does, and finds the segment containing each index', () => {
    const characters = fastCharacters();
    const piece = fc.oneof(
      fc.array(fc.constantFrom(...characters), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
      fc.constantFrom('\u001B[31m', '\u001B[39m', '\u001B[1;38;5;45m', '\u009B0m', '\u001B]8;;https://example.com\u001B\\'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        const fast = graphemeSegmenter.segment(text);
        const expected = real.segment(text);
        expect(plain(fast)).toEqual(plain(expected));
        for (let index = -1; index <= text.length; index++) {
          const found = fast.containing(index);
          const wanted = expected.containing(index);
          expect(found && { segment: found.segment, index: found.index }).toEqual(wanted && { segment: wanted.segment, index: wanted.index });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands other text to Intl.Segmenter', () => {
    for (const text of ['e\u0301', '👩‍💻 x', '🇩🇪', 'a\r\nb', '数据']) {
      expect(plain(graphemeSegmenter.segment(text))).toEqual(plain(real.segment(text)));
    }
  });
});
