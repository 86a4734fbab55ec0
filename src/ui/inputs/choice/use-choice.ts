/** Key handling for a list of choices: arrows move the highlight, Enter picks. */
import { matches } from '../../keys.js';
import { useKeys } from '../../use-keys.js';

/** Props of the choice list's key hook. */
export interface UseChoiceProps {
  count: number;
  highlighted: number;
  onHighlight: (index: number) => void;
  onPick: (index: number) => void;
  onBack?: () => void;
  /** Space toggles (multi-select lists). */
  onToggle?: (index: number) => void;
  isActive: boolean;
}

/** Wires the keys; the highlighted index is the caller's (often derived from the current answer). */
export function useChoice({ count, highlighted, onHighlight, onPick, onBack, onToggle, isActive }: UseChoiceProps): void {
  useKeys(
    (input, key) => {
      if (matches('up', input, key)) onHighlight((highlighted - 1 + count) % count);
      else if (matches('down', input, key)) onHighlight((highlighted + 1) % count);
      else if (onToggle && matches('toggle', input, key)) onToggle(highlighted);
      else if (matches('select', input, key)) onPick(highlighted);
      else if (onBack && matches('back', input, key)) onBack();
    },
    { isActive },
  );
}
