/**
 * Key handling for a picker: the arrows move, Enter picks, Esc empties the filter (then, once it is empty, goes
 * back); every other key edits the filter. Registered with `useCommands`, so the footer shows what works now.
 */
import type { Dispatch } from 'react';
import { matches, type Command } from '../../keys.js';
import { useCommands } from '../../use-commands.js';
import { editText } from '../text-input/edit-text.js';
import type { PickerCommand, PickerState } from './use-picker-state.js';

/** Props of the picker's key hook. */
export interface UsePickerProps {
  state: PickerState;
  dispatch: Dispatch<PickerCommand>;
  /** How many rows match the filter. */
  count: number;
  /** Enter on a matching row (its index among the matches). */
  onPick: (index: number) => void;
  /** Enter when no row matches: the typed text (for pickers that take free text too). */
  onPickTyped?: (text: string) => void;
  /** Each edit of the filter, with the new text (a picker that is only a text box, as when nothing can be listed). */
  onEdit?: (text: string) => void;
  /** Esc with an empty filter. */
  onBack?: (() => void) | undefined;
  /** How the footer names Enter: `select` (the default), or `next` where picking also goes on to the next step. */
  enter?: 'select' | 'next';
  isActive: boolean;
}

/** Wires the keys to the state's commands; returns the commands for the footer. */
export function usePicker({ state, dispatch, count, onPick, onPickTyped, onEdit, onBack, enter = 'select', isActive }: UsePickerProps): Command[] {
  const filtered = state.filter.value !== '';
  const typed = state.filter.value.trim();
  const pick = count > 0 ? () => onPick(Math.min(state.highlighted, count - 1)) : onPickTyped && (() => onPickTyped(typed));
  return useCommands(
    {
      // Letters go to the filter: only the arrows move (not k and j).
      arrowUp: count > 1 && (() => dispatch({ type: 'move', by: -1, count })),
      arrowDown: count > 1 && (() => dispatch({ type: 'move', by: 1, count })),
      [enter]: pick,
      clearFilter:
        filtered &&
        (() => {
          dispatch({ type: 'clear' });
          onEdit?.('');
        }),
      back: !filtered && onBack,
    },
    {
      isActive,
      onOtherKey: (input, key) => {
        // `?` stays the help key: no KMS key, alias, Lambda function or data store has one in its name.
        if (matches('help', input, key)) return;
        const edited = editText(state.filter, input, key);
        if (!edited) return;
        dispatch({ type: 'edit', edit: edited });
        if (edited.value !== state.filter.value) onEdit?.(edited.value);
      },
    },
  );
}
