/** Key handling for a list of choices: arrows move the highlight, Enter picks. */
import type { Command } from '../../keys.js';
import { useCommands } from '../../use-commands.js';

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

/** Wires the keys; the highlighted index is the caller's (often derived from the current answer). Returns the commands for the footer. */
export function useChoice({ count, highlighted, onHighlight, onPick, onBack, onToggle, isActive }: UseChoiceProps): Command[] {
  return useCommands(
    {
      // One choice has nowhere to move.
      up: count > 1 && (() => onHighlight((highlighted - 1 + count) % count)),
      down: count > 1 && (() => onHighlight((highlighted + 1) % count)),
      toggle: onToggle && (() => onToggle(highlighted)),
      select: () => onPick(highlighted),
      back: onBack,
    },
    { isActive },
  );
}
