/**
 * Measuring and segmenting terminal text without Unicode's heavy machinery when the text cannot need it.
 *
 * Ink measures every string it lays out with string-width, and splits every line it draws into grapheme clusters
 * with `Intl.Segmenter` (in @alcalzone/ansi-tokenize and slice-ansi). string-width builds `\p{RGI_Emoji}` and other
 * Unicode-property regexes on first use, and the first `Intl.Segmenter` loads ICU's break rules: together about
 * 50 ms of the first frame on Node 20 (the RGI_Emoji regex alone is 15 ms to build and as much to compile; the
 * segmenter 10 ms). The wizard's own text is ASCII, Latin letters, punctuation, arrows and box drawing: characters
 * that are each one column wide and never join a neighbour into one cluster. For such text the width is the
 * length and each character is its own cluster. scripts/build.js (and vitest.config.ts, for the component tests) routes those libraries here; any other text
 * (emoji, CJK, combining marks...) goes to the real string-width and `Intl.Segmenter`, made on first need.
 */
import stripAnsi from 'strip-ansi';

/**
 * One column wide alone and never joined to a neighbour in a grapheme cluster, by both string-width versions Ink
 * bundles (7 and 8) and by `Intl.Segmenter`. test/ui/one-column-text.test.ts checks each character.
 */
const ONE_COLUMN =
  String.raw`\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u024F\u2010-\u2027\u202F-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193` +
  String.raw`\u219A-\u21A8\u21AB-\u21FF\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF\u2713\u2717`;
const ONE_COLUMN_TEXT = new RegExp(`^[${ONE_COLUMN}]*$`);
/** The same characters and the escape characters that start ANSI sequences: each its own cluster (a control). */
const ONE_COLUMN_OR_ESCAPES = new RegExp(String.raw`^[\u001B\u009B${ONE_COLUMN}]*$`);

/** string-width's options. */
export interface StringWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

/** The width string-width would give, when the text is only one-column characters; otherwise undefined. */
export function oneColumnWidth(text: unknown, options: StringWidthOptions = {}): number | undefined {
  // Ambiguous-width characters (·, ±, box drawing...) are two columns wide when ambiguous is not narrow.
  if (typeof text !== 'string' || options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes) return undefined;
  const visible = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
  return ONE_COLUMN_TEXT.test(visible) ? visible.length : undefined;
}

/** The segments of text in which every UTF-16 unit is its own grapheme cluster, as `Intl.Segmenter` gives them. */
class UnitSegments implements Iterable<Intl.SegmentData> {
  constructor(private readonly input: string) {}

  containing(index = 0): Intl.SegmentData | undefined {
    const at = Math.trunc(index);
    if (!(at >= 0 && at < this.input.length)) return undefined;
    return { segment: this.input[at]!, index: at, input: this.input };
  }

  *[Symbol.iterator](): Iterator<Intl.SegmentData> {
    for (let index = 0; index < this.input.length; index++) yield { segment: this.input[index]!, index, input: this.input };
  }
}

let segmenter: Intl.Segmenter | undefined;

/** A grapheme `Intl.Segmenter` that makes the real one only for text that is not one-column characters. */
export const graphemeSegmenter = {
  segment(text: string): Iterable<Intl.SegmentData> & { containing(index?: number): Intl.SegmentData | undefined } {
    if (ONE_COLUMN_OR_ESCAPES.test(text)) return new UnitSegments(text);
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return segmenter.segment(text);
  },
};
