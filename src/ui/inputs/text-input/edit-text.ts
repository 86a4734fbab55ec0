/** Pure text editing: a keypress applied to a value and a cursor. Tested without rendering. */
import type { Key } from 'ink';

/** A text value with the cursor position (in code points). */
export interface TextEdit {
  value: string;
  cursor: number;
}

/**
 * Applies a keypress. Returns undefined for keys that are not editing keys (Enter, Esc, Tab, arrows up/down)
 * so that the caller's bindings get them.
 */
export function editText(state: TextEdit, input: string, key: Key, options: { multiline?: boolean } = {}): TextEdit | undefined {
  const chars = [...state.value];
  const cursor = Math.min(state.cursor, chars.length);
  if (key.leftArrow) return { value: state.value, cursor: Math.max(0, cursor - 1) };
  if (key.rightArrow) return { value: state.value, cursor: Math.min(chars.length, cursor + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { value: state.value, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { value: state.value, cursor: chars.length };
  if (key.ctrl && input === 'u') return { value: chars.slice(cursor).join(''), cursor: 0 };
  if (key.ctrl && input === 'w') {
    // As readline's unix-word-rubout: the spaces before the cursor, then the word before them.
    let start = cursor;
    while (start > 0 && chars[start - 1] === ' ') start--;
    while (start > 0 && chars[start - 1] !== ' ') start--;
    return { value: [...chars.slice(0, start), ...chars.slice(cursor)].join(''), cursor: start };
  }
  if (key.backspace || key.delete) {
    if (cursor === 0) return state;
    chars.splice(cursor - 1, 1);
    return { value: chars.join(''), cursor: cursor - 1 };
  }
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.ctrl || key.meta || input === '') return undefined;
  // A paste arrives as one chunk; line breaks only make sense in a JSON paste, and even there a space will do.
  const flattened = options.multiline ? input.replace(/\r\n?|\n/g, ' ') : input;
  // Control characters never belong in a value (a chunk of several keys can arrive at once from a fast sender).
  // eslint-disable-next-line no-control-regex -- control characters are what it matches
  const typed = [...flattened.replace(/[\u0000-\u001f\u007f]/g, '')];
  if (typed.length === 0) return state;
  chars.splice(cursor, 0, ...typed);
  return { value: chars.join(''), cursor: cursor + typed.length };
}
