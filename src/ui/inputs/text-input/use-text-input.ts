/** Key handling for a controlled text input: the value lives with the caller, only the cursor is local. */
import { useState } from 'react';
import { matches } from '../../keys.js';
import { editText } from './edit-text.js';
import { useKeys } from '../../use-keys.js';

/** Props of the text input's key hook. */
export interface UseTextInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Keys are handled only while active (only the current input listens). */
  isActive: boolean;
  /** Let `?` be typed (raw JSON); otherwise it opens the help. */
  allowHelpKey?: boolean;
}

/** Returns the cursor position; edits the value through `onChange`. */
export function useTextInput({ value, onChange, isActive, allowHelpKey = false }: UseTextInputProps): number {
  // The cursor starts at the end and follows the value when it is replaced from outside (e.g. a preset).
  const [cursor, setCursor] = useState<{ at: number; for: string }>({ at: [...value].length, for: value });
  const at = cursor.for === value ? cursor.at : [...value].length;
  useKeys(
    (input, key) => {
      if (!allowHelpKey && matches('help', input, key)) return;
      const edited = editText({ value, cursor: at }, input, key, { multiline: allowHelpKey });
      if (!edited) return;
      setCursor({ at: edited.cursor, for: edited.value });
      if (edited.value !== value) onChange(edited.value);
    },
    { isActive },
  );
  return at;
}
