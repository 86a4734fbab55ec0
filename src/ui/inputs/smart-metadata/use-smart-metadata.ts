/** Key handling for the SMART metadata builder: keys become builder commands, whose results reach the step. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SmartConfigurationAnswer } from '../../../aws/preflight/types.js';
import { friendlyOf } from '../../../wizard-flow/friendly-error.js';
import { prefillLine } from '../../../wizard-flow/metadata-document.js';
import type { ResourceSource } from '../../effects/app-deps.js';
import type { Command } from '../../keys.js';
import { useCommands } from '../../use-commands.js';
import { builderReducer, initialBuilderState, issuerOf, LIST_CHOICES, type BuilderCommand, type BuilderState } from './builder-state.js';

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
  /** The connection's resources, for the prefill from the issuer (resolving it loads the SDK). */
  source?: () => Promise<ResourceSource | undefined>;
}

/** The builder's state, `apply` for the view's text fields, and the commands its keys handle now (for the footer). */
export function useSmartMetadata({ text, onAnswer, onNext, onBack, onHelp, isActive, source }: UseSmartMetadataProps): {
  state: BuilderState;
  apply: (command: BuilderCommand) => void;
  commands: Command[];
  /** What the last prefill did, or that one is under way. */
  prefillNote: string | undefined;
} {
  const [state, setState] = useState(() => initialBuilderState(text));
  const [prefillNote, setPrefillNote] = useState<string | undefined>();
  // The latest answer and state, for a fetch that ends after more typing (it fills what is empty then).
  const latest = useRef({ state, text });
  // At commit, not in a passive effect: one flushed late would put back an answer older than the last key's.
  useLayoutEffect(() => {
    latest.current = { state, text };
  }, [state, text]);
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);
  const apply = (command: BuilderCommand) => {
    const result = builderReducer(latest.current.state, latest.current.text, command);
    latest.current = { state: result.state, text: result.answer ? result.answer.value : latest.current.text };
    setState(result.state);
    if (result.answer) onAnswer(result.answer.value);
    if (result.leave === 'next') onNext();
    else if (result.leave === 'back') onBack?.();
    return result;
  };
  const issuer = issuerOf(text);
  const canPrefill = source !== undefined && issuer !== undefined;
  const prefill = () => {
    if (!source || !issuer) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setPrefillNote(`Fetching ${issuer}'s smart-configuration…`);
    // Never blocks typing: the answer arrives later and fills only what is still empty then.
    void source()
      .then((opened): Promise<SmartConfigurationAnswer> | SmartConfigurationAnswer =>
        opened?.smartConfiguration ? opened.smartConfiguration(issuer, controller.signal) : { ok: false, kind: 'network', message: 'this target cannot fetch it' },
      )
      .then(
        (answer) => {
          if (controller.signal.aborted) return;
          const result = answer.ok ? apply({ type: 'prefill', configuration: answer.document }) : undefined;
          setPrefillNote(prefillLine(issuer, answer, result?.filled));
        },
        (error: unknown) => !controller.signal.aborted && setPrefillNote(prefillLine(issuer, { ok: false, kind: 'network', message: friendlyOf(error).message }, undefined)),
      );
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
            // On the text parts only: a list's footer (↑↓, Space) has no room left in 80 columns.
            prefill: canPrefill && !list ? prefill : undefined,
            help: onHelp,
          },
    { isActive },
  );
  return { state, apply, commands, prefillNote };
}
