/** Key handling for a picker: printable keys edit the filter, the arrows move, Enter picks, Esc clears then goes back. */
import type { Dispatch } from 'react';
import { matches } from '../../keys.js';
import { useKeys } from '../../use-keys.js';
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
  onBack?: () => void;
  isActive: boolean;
}

/** Wires the keys to the state's commands. */
export function usePicker({ state, dispatch, count, onPick, onPickTyped, onEdit, onBack, isActive }: UsePickerProps): void {
  useKeys(
    (input, key) => {
      if (matches('arrowUp', input, key)) dispatch({ type: 'move', by: -1, count });
      else if (matches('arrowDown', input, key)) dispatch({ type: 'move', by: 1, count });
      else if (matches('select', input, key)) {
        if (count > 0) onPick(Math.min(state.highlighted, count - 1));
        else onPickTyped?.(state.filter.value.trim());
      } else if (matches('clearFilter', input, key)) {
        if (state.filter.value === '') return onBack?.();
        dispatch({ type: 'clear' });
        onEdit?.('');
      } else if (!matches('help', input, key)) {
        // `?` stays the help key: no KMS key, alias, Lambda function or data store has one in its name.
        const edited = editText(state.filter, input, key);
        if (!edited) return;
        dispatch({ type: 'edit', edit: edited });
        if (edited.value !== state.filter.value) onEdit?.(edited.value);
      }
    },
    { isActive },
  );
}
