/** Key handling for the SMART metadata builder: keys become builder commands, whose results reach the step. */
import { useState } from 'react';
import type { Command } from '../../keys.js';
import { useCommands } from '../../use-commands.js';
import { builderReducer, initialBuilderState, LIST_CHOICES, type BuilderCommand, type BuilderState } from './builder-state.js';

/** Props of the builder's key hook. */
export interface UseSmartMetadataProps {
  /** The answer's JSON text. */
  text: string | undefined;
  onAnswer: (text: string | undefined) => void;
  onNext: () => void;
  /** Esc before the first part (none on the first step). */
  onBack?: () => void;
  /** `?` toggles the long help (not on the raw paste, where it is text). */
  onHelp?: () => void;
  isActive: boolean;
}

/** The builder's state, `apply` for the view's text fields, and the commands its keys handle now (for the footer). */
export function useSmartMetadata({ text, onAnswer, onNext, onBack, onHelp, isActive }: UseSmartMetadataProps): {
  state: BuilderState;
  apply: (command: BuilderCommand) => void;
  commands: Command[];
} {
  const [state, setState] = useState(() => initialBuilderState(text));
  const apply = (command: BuilderCommand) => {
    const result = builderReducer(state, text, command);
    setState(result.state);
    if (result.answer) onAnswer(result.answer.value);
    if (result.leave === 'next') onNext();
    else if (result.leave === 'back') onBack?.();
  };
  const list = LIST_CHOICES[state.part];
  const commands = useCommands(
    state.part === 'raw'
      ? { next: onNext, back: () => apply({ type: 'toBuilder' }) }
      : state.part === 'how'
        ? {
            select: () => apply({ type: 'pickHow' }),
            up: () => apply({ type: 'switchHow' }),
            down: () => apply({ type: 'switchHow' }),
            back: onBack,
            help: onHelp,
          }
        : {
            next: () => apply({ type: 'go', by: 1 }),
            up: list && (() => apply({ type: 'move', by: -1 })),
            down: list && (() => apply({ type: 'move', by: 1 })),
            toggle: list && (() => apply({ type: 'toggle' })),
            back: () => apply({ type: 'go', by: -1 }),
            help: onHelp,
          },
    { isActive },
  );
  return { state, apply, commands };
}
