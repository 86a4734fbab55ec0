/** The key hints, generated from the commands a screen registered (`useCommands`) and the app's own. */
import { Text } from 'ink';
import { useContext } from 'react';
import { footerHints, type Command } from '../keys.js';
import { AppCommands } from '../use-commands.js';

/** Props of `Footer`. */
export interface FooterProps {
  /** The commands the screen (or dialog) handles now, as `useCommands` returned them. */
  commands: readonly Command[];
  /** Only the footer of what has the keys shows anything (a screen under an open dialog shows none). */
  isActive?: boolean;
  /**
   * Whether to show the app's Ctrl+T (change the target) while it works. It works on every screen before sending,
   * but is shown where the target is the question (the start screen, the first question): 80 columns hold no more.
   */
  showsTarget?: boolean;
}

/** One dim line of hints: the screen's commands, then the app's (Ctrl+T where shown, Ctrl+C). */
export function Footer({ commands, isActive = true, showsTarget = false }: FooterProps) {
  const app = useContext(AppCommands).filter((command) => showsTarget || command !== 'changeTarget');
  return (
    <Text dimColor wrap="truncate-end">
      {isActive ? footerHints([...commands, ...app]) : ''}
    </Text>
  );
}
