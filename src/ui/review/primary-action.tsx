/** The review's primary action under the table: "Create data store", or "Print request" with `--dry-run`. */
import { Box, Text } from 'ink';
import { ACCENT } from '../theme.js';

/** Props of `PrimaryAction`. */
export interface PrimaryActionProps {
  label: string;
  /** Selected (the default): Enter runs it. */
  selected: boolean;
  /** Errors in the answers: shown dimmed (the line under the review says why); it cannot run yet. */
  blocked: boolean;
}

/** One line, shown as a button: inverse when selected, so it stays visible without colour. */
export function PrimaryAction({ label, selected, blocked }: PrimaryActionProps) {
  return (
    <Box marginTop={1}>
      <Text color={selected ? ACCENT : undefined}>{selected ? '› ' : '  '}</Text>
      <Text inverse={selected} bold dimColor={blocked}>{` ${label} `}</Text>
    </Box>
  );
}
