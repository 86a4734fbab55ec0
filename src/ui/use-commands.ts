/**
 * Commands registered with their handlers: the footer is generated from the registration itself, so a screen
 * cannot show a key it does not handle nor handle one it does not show. `useCommands` routes keys through the
 * key router (`useKeys`) and returns the commands it handles right now; screens hand them to their `Footer`.
 */
import type { Key } from 'ink';
import { createContext } from 'react';
import { matches, type Command } from './keys.js';
import { useKeys } from './use-keys.js';

/**
 * What each command does, in footer order. A command left out, or given `false`/`undefined`, is neither handled
 * nor shown (e.g. `skip: step.optional && onSkip`).
 */
export type CommandHandlers = Partial<Record<Command, (() => void) | false | undefined>>;

/** Options of `useCommands`. */
export interface UseCommandsOptions {
  /** Keys are handled, and the commands shown, only while active. */
  isActive?: boolean;
  /** A key no command matched (text typed into an input). */
  onOtherKey?: (input: string, key: Key) => void;
}

/** The commands with a handler, in the order given. */
export function handledCommands(handlers: CommandHandlers): Command[] {
  return (Object.keys(handlers) as Command[]).filter((command) => Boolean(handlers[command]));
}

/** The first command (in the order given) that handles the key, with its handler. */
export function commandFor(handlers: CommandHandlers, input: string, key: Key): (() => void) | undefined {
  for (const command of handledCommands(handlers)) {
    const handler = handlers[command];
    if (handler && matches(command, input, key)) return handler;
  }
  return undefined;
}

/** Handles each key with the first command that matches it; returns the commands to show (none while inactive). */
export function useCommands(handlers: CommandHandlers, options: UseCommandsOptions = {}): Command[] {
  const isActive = options.isActive ?? true;
  useKeys(
    (input, key) => {
      const handler = commandFor(handlers, input, key);
      if (handler) handler();
      else options.onOtherKey?.(input, key);
    },
    { isActive },
  );
  return isActive ? handledCommands(handlers) : [];
}

/** The app's own commands (Ctrl+C), shown by whichever footer is active. */
export const AppCommands = createContext<readonly Command[]>([]);
