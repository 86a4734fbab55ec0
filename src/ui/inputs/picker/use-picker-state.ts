/**
 * The state of a filterable list (a picker): the filter text with its cursor, and the highlighted row among the
 * rows that match it. A typed reducer, tested without rendering; the rows themselves belong to the caller.
 */
import { useReducer } from 'react';
import type { TextEdit } from '../text-input/edit-text.js';

/** One row a picker offers. */
export interface PickerItem<Value> {
  /** What picking the row gives. */
  value: Value;
  /** The row's first column. */
  label: string;
  /** One line on what it is (state, name, where). */
  meaning?: string;
  /** More words the filter searches (the label and meaning are searched too). */
  keywords?: string;
}

/** The filter and the highlight (an index into the rows that match the filter). */
export interface PickerState {
  filter: TextEdit;
  highlighted: number;
}

/** What the key hook asks of the state. */
export type PickerCommand =
  | { type: 'edit'; edit: TextEdit }
  | { type: 'move'; by: 1 | -1; count: number }
  | { type: 'clear' };

/** The state before any key. */
export const INITIAL_PICKER_STATE: PickerState = { filter: { value: '', cursor: 0 }, highlighted: 0 };

/** Applies a command; a new filter text puts the highlight back on its first match. */
export function pickerReducer(state: PickerState, command: PickerCommand): PickerState {
  switch (command.type) {
    case 'edit':
      return { filter: command.edit, highlighted: command.edit.value === state.filter.value ? state.highlighted : 0 };
    case 'move':
      return command.count === 0 ? state : { ...state, highlighted: (state.highlighted + command.by + command.count) % command.count };
    case 'clear':
      return INITIAL_PICKER_STATE;
  }
}

/**
 * The items where every word of the filter begins a word (case-insensitive, in the label, meaning or keywords), in
 * their order: `act clinic` finds the ACTIVE data store named clinic, `team` the key alias/team-key, and `usable`
 * the usable keys, not the unusable ones.
 */
export function filterItems<Value>(items: readonly PickerItem<Value>[], filter: string): PickerItem<Value>[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = [item.label, item.meaning ?? '', item.keywords ?? ''].join(' ').toLowerCase();
    return words.every((word) => beginsAWord(text, word));
  });
}

/** Whether `word` occurs in `text` where a word begins (at the start, or after a character not a letter or digit). */
function beginsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]!)) return true;
  }
  return false;
}

/** The picker's state and its dispatch; the filter may start with a text (the current answer, cursor at its end). */
export function usePickerState(initialFilter = '') {
  return useReducer(pickerReducer, initialFilter, (text): PickerState => ({ filter: { value: text, cursor: [...text].length }, highlighted: 0 }));
}
