/** The marks for a valid answer, an error and a warning, shared by the wizard and the plain mode. */

/**
 * The marks for a valid answer, an error and a warning. Not ✔ ✖ ⚠: those are emoji code points, which some
 * terminals draw two columns wide (and the two string-width versions inside Ink disagree on them), so a line
 * holding one could be cut or misaligned. These are one column everywhere, and need no grapheme segmentation to
 * measure (see one-column-text.ts).
 */
export const MARK = { ok: '✓', error: '✗', warning: '▲' } as const;
