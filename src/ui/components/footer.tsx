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
}

/** One dim line of hints: the screen's commands, then the app's (Ctrl+C). */
export function Footer({ commands, isActive = true }: FooterProps) {
  const app = useContext(AppCommands);
  return (
    <Text dimColor wrap="truncate-end">
      {isActive ? footerHints([...commands, ...app]) : ''}
    </Text>
  );
}
