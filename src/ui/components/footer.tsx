/** The key hints, generated from the key-binding table. */
import { Text } from 'ink';
import { footerHints, type Command } from '../keys.js';

/** Props of `Footer`. */
export interface FooterProps {
  commands: readonly Command[];
}

/** One dim line of hints. */
export function Footer({ commands }: FooterProps) {
  return (
    <Text dimColor wrap="truncate-end">
      {footerHints(commands)}
    </Text>
  );
}
