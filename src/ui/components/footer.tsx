/** The key hints, generated from the commands a screen registered (`useCommands`) and the app's own. */
import { Text } from 'ink';
import { useContext } from 'react';
import { footerLines, type Command } from '../keys.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { AppCommands } from '../use-commands.js';

/** Props of `Footer`. */
export interface FooterProps {
  /** The commands the screen (or dialog) handles now, as `useCommands` returned them. */
  commands: readonly Command[];
  /** Only the footer of what has the keys shows anything (a screen under an open dialog shows none). */
  isActive?: boolean;
}

/**
 * Dim lines of hints: the screen's commands, then the app's (Ctrl+T while the target can change, Ctrl+C). One line where they fit;
 * where they do not (a busy step at 80 columns), the next line goes on, broken between hints.
 */
export function Footer({ commands, isActive = true }: FooterProps) {
  const app = useContext(AppCommands);
  const { columns } = useTerminalSize();
  return (
    <Text dimColor wrap="truncate-end">
      {isActive ? footerLines([...commands, ...app], columns).join('\n') : ''}
    </Text>
  );
}
