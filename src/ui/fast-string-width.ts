/**
 * Terminal width of text, without segmenting graphemes when the text cannot need it.
 *
 * Ink measures every string it lays out with string-width, which splits the text into grapheme clusters with
 * `Intl.Segmenter` and tests each against `\p{RGI_Emoji}` and other Unicode-property regexes. Creating those on
 * the first call cost about 40 ms of the first frame (the RGI_Emoji regex alone is 15 ms to build and as much to
 * compile; measured on Node 20). The wizard's own text is ASCII, Latin letters, punctuation, arrows and box
 * drawing: characters that are each one column wide and never join a neighbour into one cluster. For such text
 * the width is its length. scripts/build.js wraps every bundled copy of string-width with this function and loads
 * the real one only for other text (emoji, CJK, combining marks...), which it measures as before.
 */
import stripAnsi from 'strip-ansi';

/**
 * One column wide alone and never joined to a neighbour in a grapheme cluster, by both string-width versions Ink
 * bundles (7 and 8). test/ui/fast-string-width.test.ts checks each character against them.
 */
const ONE_COLUMN_TEXT =
  /^[\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u024F\u2010-\u2027\u202F-\u203B\u203D-\u2048\u204A-\u205E\u2190-\u2193\u219A-\u21A8\u21AB-\u21FF\u2500-\u25A9\u25AC-\u25B5\u25B7-\u25BF\u25C1-\u25FA\u25FF\u2713\u2717]*$/;

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
